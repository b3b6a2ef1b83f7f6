import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readResults } from '../actions/lib/gate/results.js';
import { parseJUnit, toJUnit } from '../actions/lib/junit.js';
import { JOB_RESULT_FORMAT } from '../actions/lib/flight.js';
import { tempDir } from './harness/fixtures.js';

const REV = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

const result = (job: string, steps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: JOB_RESULT_FORMAT,
    job,
    trees: [{ name: 'xen', revision: REV }],
    steps: Object.entries(steps).map(([name, status]) => ({ name, status })),
    ...extra,
  });

describe('reading a flight results directory', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  let k = 0;
  function dir(files: Record<string, string>): string {
    const d = join(tmp.path, `r${k++}`);
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(join(d, p, '..'), { recursive: true });
      writeFileSync(join(d, p), text);
    }
    return d;
  }

  it('reads one sub-folder per artifact, JSON and JUnit alike, ignoring logs and other XML', () => {
    const junit = toJUnit('x', [
      { name: 'test-pv', steps: [{ name: 'boot', status: 'fail', message: 'timeout' }] },
    ]).replace(
      '<testsuite ',
      `<testsuite ><properties><property name="tributary.tree.xen" value="${REV}"/></properties></testsuite><testsuite `,
    );
    const r = readResults(
      dir({
        'result-build/result.json': result('build-amd64', { build: 'pass' }),
        'result-hvm/result.json': result('test-hvm', { install: 'pass', boot: 'fail' }),
        'result-hvm/serial.log': 'not a result',
        'result-hvm/guest.xml': '<domain type="kvm"/>',
        'junit/report.xml': junit,
      }),
      'xen',
    );
    assert.equal(r.revision, REV);
    assert.deepEqual(
      r.jobs.map((j) => j.name),
      ['build-amd64', 'test-hvm', 'test-pv'],
    );
    assert.equal(r.jobs[2].steps[0].status, 'fail');
    assert.equal(r.jobs[2].steps[0].message, 'timeout');
    assert.equal(r.sources.get('test-hvm'), 'result-hvm/result.json');
  });

  it('reads a job that wrote both forms side by side once, from its result file', () => {
    const r = readResults(
      dir({
        'job-boot/result.json': result('boot', { start: 'pass' }),
        'job-boot/junit.xml': toJUnit('x', [
          { name: 'boot', steps: [{ name: 'start', status: 'fail' }] },
        ]),
      }),
      'xen',
      REV,
    );
    assert.deepEqual(
      r.jobs.map((j) => [j.name, j.steps[0].status]),
      [['boot', 'pass']],
    );
    // In another folder it is another result of the same job: refused.
    assert.throws(
      () =>
        readResults(
          dir({
            'a/result.json': result('boot', { start: 'pass' }),
            'b/junit.xml': toJUnit('x', [
              { name: 'boot', steps: [{ name: 'start', status: 'fail' }] },
            ]),
          }),
          'xen',
          REV,
        ),
      /b\/junit\.xml: field 'job' repeats job 'boot' of a\/result\.json/,
    );
  });

  it('merges a re-run: the later attempt wins, earlier statuses become attempts', () => {
    const r = readResults(
      dir({
        'a1/r.json': result('t', { boot: 'fail' }, { attempt: 1 }),
        'a2/r.json': result('t', { boot: 'pass' }, { attempt: 2 }),
      }),
      'xen',
    );
    assert.deepEqual(r.jobs[0].steps, [{ name: 'boot', status: 'pass', attempts: ['fail'] }]);
  });

  it("keeps another tree's revision per job when jobs differ (a dependency gated against each consumer branch)", () => {
    const qemu = 'c'.repeat(40);
    const trees = (xen: string) => ({
      trees: [
        { name: 'qemu', revision: qemu },
        { name: 'xen', revision: xen },
      ],
    });
    const r = readResults(
      dir({
        'a/r.json': result('test-xen-unstable', { boot: 'pass' }, trees(REV)),
        'b/r.json': result('test-xen-4.20', { boot: 'pass' }, trees(OTHER)),
      }),
      'qemu',
    );
    assert.equal(r.revision, qemu);
    assert.deepEqual(r.trees, trees(REV).trees);
    assert.deepEqual(
      r.jobs.map((j) => [j.name, j.trees]),
      [
        ['test-xen-4.20', trees(OTHER).trees],
        ['test-xen-unstable', undefined],
      ],
    );
  });

  const refuse = (files: Record<string, string>, re: RegExp, revision?: string) =>
    assert.throws(() => readResults(dir(files), 'xen', revision), re);

  it('refuses bad input with the file and field named', () => {
    refuse({ 'a/r.json': '{"format": ' }, /a\/r\.json: not valid JSON/);
    refuse(
      { 'a/r.json': '{"format":"other/v1"}' },
      /a\/r\.json: field 'format' is "other\/v1"; expected 'tributary.job\/v1'/,
    );
    refuse(
      { 'a/r.json': result('t', { boot: 'passed' }) },
      /a\/r\.json: field 'steps\[0\]\.status' is "passed"; expected one of pass, fail, skip, blocked/,
    );
    refuse(
      { 'a/r.json': result('t', { boot: 'pass' }), 'b/r.json': result('t', { boot: 'fail' }) },
      /b\/r\.json: field 'job' repeats job 't' of a\/r\.json/,
    );
    refuse(
      {
        'a/r.json': result('t', { boot: 'pass' }),
        'b/r.json': result('u', {}, { trees: [{ name: 'xen', revision: OTHER }] }),
      },
      /b\/r\.json: field 'trees\[0\]\.revision' is b{40} for tree 'xen', but a\/r\.json says a{40}: a result for another revision/,
    );
    refuse(
      { 'a/r.json': result('t', { boot: 'pass' }) },
      /field 'trees\[0\]\.revision' .* but input 'revision' says b{40}/,
      OTHER,
    );
    refuse(
      { 'a/r.xml': '<testsuite name="t"><testcase name="x"></testsuite>' },
      /a\/r\.xml: not well-formed XML/,
    );
    refuse({ 'a/log.txt': 'x' }, /No job result/);
  });

  it('reads JUnit testsuites as jobs and testcases as steps', () => {
    const jobs = parseJUnit(
      `<?xml version="1.0"?><testsuites><testsuite name="smoke"><testcase name="a" time="1.5"/><testcase name="b"><skipped/></testcase><testcase name="c"><error message="boom&#10;more"/></testcase></testsuite></testsuites>`,
      'smoke.xml',
    );
    assert.deepEqual(
      jobs[0].steps,
      [
        { name: 'a', status: 'pass', durationMs: 1500 },
        { name: 'b', status: 'skip', durationMs: undefined },
        { name: 'c', status: 'fail', message: 'boom' },
      ].map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))),
    );
    assert.throws(
      () =>
        parseJUnit(
          '<testsuite name="s"><testcase name="a"/><testcase name="a"/></testsuite>',
          'dup.xml',
        ),
      /dup\.xml: testsuite\[0\]\.testcase\[1\]: field 'name' repeats step 'a'/,
    );
  });

  it('reads back the JUnit it writes', () => {
    const steps = [
      { name: 'build', status: 'pass' as const, durationMs: 2000 },
      { name: 'boot', status: 'fail' as const, durationMs: 0, message: 'no <output> & "quotes"' },
      { name: 'migrate', status: 'blocked' as const, durationMs: 0 },
      { name: 'extra', status: 'skip' as const, durationMs: 0 },
    ];
    const back = parseJUnit(toJUnit('f', [{ name: 'j', steps }]), 'f.xml');
    assert.deepEqual(
      back[0].steps.map((s) => [s.name, s.status]),
      steps.map((s) => [s.name, s.status]),
    );
    assert.equal(back[0].steps[1].message, 'no <output> & "quotes"');
  });
});
