import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideFlight, type Baseline, type Policy } from '../actions/lib/gate/decide.js';
import { carryHistory, stepPast } from '../actions/lib/gate/history.js';
import {
  parseAllowList,
  parseAllowListSource,
  type AllowEntry,
} from '../actions/lib/gate/allow-list.js';
import {
  FLIGHT_RECORD_FORMAT,
  parseFlightRecord,
  type FlightHistory,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';

const REV = (n: number) => n.toString(16).padStart(40, '0');

/** Jobs from a compact form: { job: { step: status } }. */
function jobs(spec: Record<string, Record<string, StepStatus | StepStatus[]>>): FlightJob[] {
  return Object.entries(spec).map(([name, steps]) => ({
    name,
    steps: Object.entries(steps).map(([s, st]) =>
      Array.isArray(st)
        ? { name: s, status: st[st.length - 1], attempts: st.slice(0, -1) }
        : { name: s, status: st },
    ),
  }));
}

let n = 0;
function record(
  revision: string,
  js: FlightJob[],
  prev?: FlightHistory,
  extra: Partial<FlightRecord> = {},
): FlightRecord {
  const flight = `f${++n}`;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 3600_000).toISOString();
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight,
    tree: 'xen',
    revision,
    trees: [{ name: 'xen', revision }],
    jobs: js,
    recordedAt: at,
    history: carryHistory(prev, { flight, revision, at }, js),
    decision: { verdict: 'push', pushed: true, regressions: 0 },
    ...extra,
  };
}

const policy = (p: Partial<Policy> = {}): Policy => ({
  required: [],
  buildJobs: ['build*'],
  noBaseline: 'refuse',
  retryFlaky: false,
  now: new Date('2026-06-01T12:00:00Z'),
  ...p,
});

const head = (r: FlightRecord): Baseline => ({ record: r, kind: 'head' });
const hist = (r: FlightRecord, same: FlightRecord[] = []) => ({
  summary: r.history,
  sameRevision: same,
});

const allow = (yaml: string): AllowEntry[] => parseAllowList(yaml, 'tributary/config:allow.yml');

describe('decideFlight: the regression rule', () => {
  const base = record(
    REV(1),
    jobs({
      'build-amd64': { build: 'pass' },
      'test-amd64-hvm': { install: 'pass', 'guest-start': 'pass', migrate: 'fail' },
    }),
  );

  it('pushes a flight with no regression', () => {
    const d = decideFlight(
      { revision: REV(2), jobs: base.jobs },
      head(base),
      hist(base),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'push');
    assert.deepEqual(d.regressions, []);
    assert.equal(d.allowable.length, 1);
    assert.equal(d.allowable[0].kind, 'never-passed'); // migrate: no pass in the history
  });

  it('allows a step that failed in the baseline too, after passing once', () => {
    const b1 = record(REV(1), jobs({ t: { a: 'pass' } }));
    const b2 = record(REV(2), jobs({ t: { a: 'fail' } }), b1.history);
    const d = decideFlight(
      { revision: REV(3), jobs: jobs({ t: { a: 'fail' } }) },
      head(b2),
      hist(b2),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'push');
    assert.equal(d.allowable[0].kind, 'failed-in-baseline');
    assert.equal(d.allowable[0].lastPass?.flight, b1.flight);
    assert.equal(d.allowable[0].failingSince?.flight, b2.flight);
  });

  it('refuses a step that passed in the baseline and fails or is blocked now', () => {
    const now = jobs({
      'build-amd64': { build: 'pass' },
      'test-amd64-hvm': { install: 'pass', 'guest-start': 'fail', migrate: 'blocked' },
    });
    const d = decideFlight({ revision: REV(2), jobs: now }, head(base), hist(base), [], policy());
    assert.equal(d.verdict, 'refuse');
    assert.deepEqual(
      d.regressions.map((r) => [r.job, r.step, r.baseline, r.now]),
      [['test-amd64-hvm', 'guest-start', 'pass', 'fail']],
    );
    assert.equal(d.allowable[0].step, 'migrate'); // blocked now, failed in the baseline too
    assert.match(d.reason, /1 regression: test-amd64-hvm guest-start/);
  });

  it('counts a blocked step that passed in the baseline as a regression', () => {
    const now = jobs({
      'build-amd64': { build: 'pass' },
      'test-amd64-hvm': { install: 'pass', 'guest-start': 'blocked', migrate: 'fail' },
    });
    const d = decideFlight({ revision: REV(2), jobs: now }, head(base), hist(base), [], policy());
    assert.deepEqual(
      d.regressions.map((r) => r.step),
      ['guest-start'],
    );
  });

  it('reports a step that never passed as allowable, with its first failure', () => {
    const b1 = record(REV(1), jobs({ t: { a: 'pass', b: 'fail' } }));
    const b2 = record(REV(2), jobs({ t: { a: 'pass', b: 'fail' } }), b1.history);
    const d = decideFlight(
      { revision: REV(3), jobs: jobs({ t: { a: 'pass', b: 'fail', c: 'fail' } }) },
      head(b2),
      hist(b2),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'push');
    const byStep = Object.fromEntries(d.allowable.map((f) => [f.step, f]));
    assert.equal(byStep.b.kind, 'never-passed');
    assert.equal(byStep.b.failingSince?.flight, b1.flight);
    assert.equal(byStep.b.lastPass, undefined);
    assert.equal(byStep.c.kind, 'never-passed'); // new step
  });

  it('tells since when a regression fails and where it last passed, from the carried history', () => {
    const b1 = record(REV(1), jobs({ t: { a: 'pass' } }));
    const b2 = record(REV(2), jobs({ t: { a: 'fail' } }), b1.history, {
      decision: { verdict: 'refuse', pushed: false, regressions: 1 },
    });
    const b3 = record(REV(3), jobs({ t: { a: 'pass' } }), b2.history);
    const d = decideFlight(
      { revision: REV(4), jobs: jobs({ t: { a: 'fail' } }) },
      head(b3),
      hist(b3),
      [],
      policy(),
    );
    assert.equal(d.regressions[0].lastPass?.flight, b3.flight);
    assert.equal(d.regressions[0].failingSince, undefined); // passing until this flight
    const h = carryHistory(
      b3.history,
      { flight: 'f-now', revision: REV(4), at: 'x' },
      jobs({ t: { a: 'fail' } }),
    );
    assert.equal(stepPast(h, 't', 'a')?.failingSince?.flight, 'f-now');
    assert.equal(stepPast(h, 't', 'a')?.first.flight, b1.flight);
  });

  it('keeps the carried history compact: flights table holds only what is referenced', () => {
    let h: FlightHistory | undefined;
    for (let i = 0; i < 50; i++)
      h = carryHistory(
        h,
        { flight: `f${i}`, revision: REV(i), at: `t${i}` },
        jobs({ t: { a: 'pass', b: 'fail' } }),
      );
    // first seen (f0), last pass of a (f49), failing since of b (f0)
    assert.deepEqual(
      h!.flights.map((f) => f.flight),
      ['f0', 'f49'],
    );
  });

  it('always blocks a regression in a build job, even flaky or allow-listed', () => {
    const b = record(REV(1), jobs({ 'build-arm64': { build: 'pass' }, test: { boot: 'pass' } }));
    const other = record(REV(2), jobs({ 'build-arm64': { build: 'pass' } }));
    const d = decideFlight(
      {
        revision: REV(2),
        jobs: jobs({ 'build-arm64': { build: ['pass', 'fail'] }, test: { boot: 'pass' } }),
      },
      head(b),
      hist(b, [other]),
      allow(
        'allow:\n  - {job: build-*, step: build, reason: r, issue: "https://x/1", expires: 2030-01-01}\n',
      ),
      policy({ retryFlaky: true }),
    );
    assert.equal(d.verdict, 'refuse'); // not retry: a build regression
    assert.equal(d.regressions[0].build, true);
  });

  it('honours the build-job pattern input', () => {
    const b = record(REV(1), jobs({ compile: { make: 'pass' } }));
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ compile: { make: 'fail' } }) },
      head(b),
      hist(b),
      [],
      policy({ buildJobs: ['compile'], retryFlaky: true }),
    );
    assert.equal(d.verdict, 'refuse');
    assert.equal(d.regressions[0].build, true);
  });

  it('reports newly passing steps and new and gone jobs', () => {
    const b = record(REV(1), jobs({ t: { a: 'fail', b: 'pass' }, old: { x: 'pass' } }));
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ t: { a: 'pass', b: 'pass' }, fresh: { y: 'pass' } }) },
      head(b),
      hist(b),
      [],
      policy(),
    );
    assert.deepEqual(d.fixed, [{ job: 't', step: 'a', baseline: 'fail' }]);
    assert.deepEqual(d.newJobs, ['fresh']);
    assert.deepEqual(d.goneJobs, ['old']);
  });

  it('refuses a job or a step that passed in the baseline and did not run now', () => {
    const b = record(
      REV(1),
      jobs({
        t: { a: 'fail', b: 'pass', c: 'pass' },
        old: { x: 'pass' },
        broken: { x: 'fail' },
        'build-arm': { build: 'pass' },
      }),
    );
    const now = jobs({ t: { a: 'pass', b: 'pass' } });
    const d = decideFlight({ revision: REV(2), jobs: now }, head(b), hist(b), [], policy());
    assert.equal(d.verdict, 'refuse');
    assert.deepEqual(
      d.regressions.map((r) => [r.job, r.step, r.kind, r.baseline, r.now, r.build]),
      [
        ['t', 'c', 'not-run', 'pass', 'not run', false],
        ['old', '(job)', 'not-run', 'pass', 'not run', false],
        ['build-arm', '(job)', 'not-run', 'pass', 'not run', true],
      ],
    );
    // A job that never passed anything has nothing to lose.
    assert.ok(!d.regressions.some((r) => r.job === 'broken'));
    assert.equal(d.regressions[0].lastPass?.flight, b.flight);
    assert.match(d.reason, /3 regressions: t c, old \(job\), build-arm \(job\)/);

    // An allow-list entry covers what did not run: a whole job by its name, a step by both.
    const list = allow(`allow:
  - { job: old, reason: retired, issue: https://x.org/1, expires: 2026-12-31 }
  - { job: build-arm, reason: no arm host, issue: https://x.org/2, expires: 2026-12-31 }
  - { job: t, step: c, reason: dropped, issue: https://x.org/3, expires: 2026-12-31 }
`);
    const allowed = decideFlight({ revision: REV(2), jobs: now }, head(b), hist(b), list, policy());
    assert.equal(allowed.verdict, 'push', allowed.reason);
    assert.deepEqual(
      allowed.allowable.map((f) => [f.job, f.step, f.allowedBy?.reason]),
      [
        ['t', 'c', 'dropped'],
        ['old', '(job)', 'retired'],
        ['build-arm', '(job)', 'no arm host'],
      ],
    );
    // An entry for one step does not cover the whole job.
    const stepOnly = allow(
      'allow:\n  - { job: old, step: x, reason: r, issue: https://x.org/1, expires: 2026-12-31 }\n',
    );
    const d2 = decideFlight(
      { revision: REV(2), jobs: jobs({ t: { a: 'pass', b: 'pass', c: 'pass' } }) },
      head(b),
      hist(b),
      stepOnly,
      policy(),
    );
    assert.deepEqual(
      d2.regressions.map((r) => [r.job, r.step]),
      [
        ['old', '(job)'],
        ['build-arm', '(job)'],
      ],
    );
  });

  it('fails a required job that is missing or cancelled', () => {
    const b = record(REV(1), jobs({ 'test-hvm': { boot: 'pass' }, 'test-pv': { boot: 'pass' } }));
    const now = jobs({ 'test-pv': { boot: 'pass' } });
    now[0].cancelled = true;
    const d = decideFlight(
      { revision: REV(2), jobs: now },
      head(b),
      hist(b),
      [],
      policy({ required: ['test-hvm', 'test-pv'], retryFlaky: true }),
    );
    assert.equal(d.verdict, 'refuse'); // missing jobs are not retried
    assert.deepEqual(
      d.regressions.map((r) => [r.job, r.kind, r.message]),
      [
        ['test-hvm', 'missing', 'required job missing from the flight'],
        ['test-pv', 'missing', 'required job was cancelled'],
      ],
    );
  });

  it('matches required jobs by pattern', () => {
    const b = record(REV(1), jobs({ 'test-x': { boot: 'pass' } }));
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ 'test-x': { boot: 'pass' } }) },
      head(b),
      hist(b),
      [],
      policy({ required: ['test-*', 'build-*'] }),
    );
    assert.deepEqual(
      d.regressions.map((r) => r.job),
      ['build-*'],
    );
  });
});

describe('decideFlight: flaky steps (the heisenbug rule)', () => {
  const b = record(REV(1), jobs({ t: { boot: 'pass', migrate: 'pass' } }));

  it('does not block a step that passed in an earlier attempt of this flight', () => {
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ t: { boot: 'pass', migrate: ['pass', 'fail'] } }) },
      head(b),
      hist(b),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'push');
    assert.equal(d.allowable[0].kind, 'flaky');
    assert.equal(d.allowable[0].passIn, 'attempt 1 of this flight');
  });

  it('does not block a step that passed in another flight of the same revision', () => {
    const other = record(REV(2), jobs({ t: { boot: 'pass', migrate: 'pass' } }), b.history);
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ t: { boot: 'pass', migrate: 'fail' } }) },
      head(b),
      hist(b, [other]),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'push');
    assert.equal(d.allowable[0].passIn, `flight ${other.flight}`);
  });

  it('ignores passes in flights of another revision', () => {
    const other = record(REV(3), jobs({ t: { boot: 'pass', migrate: 'pass' } }));
    const d = decideFlight(
      { revision: REV(2), jobs: jobs({ t: { boot: 'pass', migrate: 'fail' } }) },
      head(b),
      hist(b, [other]),
      [],
      policy(),
    );
    assert.equal(d.verdict, 'refuse');
  });

  it('by policy asks for one fresh flight when only non-build steps regressed, once', () => {
    const now = { revision: REV(2), jobs: jobs({ t: { boot: 'pass', migrate: 'fail' } }) };
    const first = decideFlight(now, head(b), hist(b), [], policy({ retryFlaky: true }));
    assert.equal(first.verdict, 'retry');
    const earlier = record(REV(2), now.jobs, b.history, {
      decision: { verdict: 'retry', pushed: false, regressions: 1 },
    });
    const second = decideFlight(now, head(b), hist(b, [earlier]), [], policy({ retryFlaky: true }));
    assert.equal(second.verdict, 'refuse'); // failed twice: a real regression
  });
});

describe('decideFlight: allow list, baseline policy, force', () => {
  const b = record(REV(1), jobs({ 'test-qemuu': { boot: 'pass', migrate: 'pass' } }));
  const now = { revision: REV(2), jobs: jobs({ 'test-qemuu': { boot: 'pass', migrate: 'fail' } }) };
  const list = allow(`
allow:
  - job: test-qemu*
    step: migr*
    reason: migration broken upstream
    issue: https://gitlab.com/xen-project/xen/-/issues/1
    expires: 2026-06-01
`);

  it('an entry allows a regression through its expiry day', () => {
    const d = decideFlight(
      now,
      head(b),
      hist(b),
      list,
      policy({ now: new Date('2026-06-01T23:59:00Z') }),
    );
    assert.equal(d.verdict, 'push');
    assert.equal(d.allowable[0].kind, 'allowed');
    assert.equal(d.allowable[0].allowedBy?.reason, 'migration broken upstream');
  });

  it('an expired entry is reported and no longer allows', () => {
    const d = decideFlight(
      now,
      head(b),
      hist(b),
      list,
      policy({ now: new Date('2026-06-02T00:00:00Z') }),
    );
    assert.equal(d.verdict, 'refuse');
    assert.equal(d.expiredAllows.length, 1);
  });

  it('an entry whose step passes now is reported stale', () => {
    const d = decideFlight({ revision: REV(2), jobs: b.jobs }, head(b), hist(b), list, policy());
    assert.deepEqual(
      d.staleAllows.map((e) => e.source),
      ['tributary/config:allow.yml: allow[0]'],
    );
  });

  it('no baseline: refuse by default, or push with every failure reported', () => {
    assert.equal(
      decideFlight(now, undefined, { sameRevision: [] }, [], policy()).verdict,
      'refuse',
    );
    const d = decideFlight(
      now,
      undefined,
      { sameRevision: [] },
      [],
      policy({ noBaseline: 'push' }),
    );
    assert.equal(d.verdict, 'push');
    assert.equal(d.allowable[0].kind, 'no-baseline');
  });

  it('force pushes despite regressions and keeps who and why', () => {
    const d = decideFlight(
      now,
      head(b),
      hist(b),
      [],
      policy({ force: { actor: 'rm', reason: 'release' } }),
    );
    assert.equal(d.verdict, 'push');
    assert.deepEqual(d.forced, { actor: 'rm', reason: 'release' });
    assert.equal(d.regressions.length, 1); // still reported
    assert.match(d.reason, /forced by rm: release/);
  });

  it('rejects a malformed allow list, naming the file and the field', () => {
    assert.throws(
      () =>
        allow('allow:\n  - job: x\n    reason: r\n    issue: https://x\n    expires: next week\n'),
      /tributary\/config:allow\.yml: field 'allow\[0\].expires' is 'next week'; expected a date YYYY-MM-DD/,
    );
    assert.throws(
      () => allow('allow:\n  - job: x\n    expires: 2026-01-01\n'),
      /allow\[0\]\.reason/,
    );
    assert.throws(() => allow('allow: [\n'), /not valid YAML/);
  });
});

describe('flight records', () => {
  it('round-trip through JSON with their history', () => {
    const r = record(REV(1), jobs({ t: { a: 'pass', b: 'fail' } }));
    assert.deepEqual(parseFlightRecord(JSON.stringify(r), 'x'), r);
  });
  it('name the field of a bad history entry', () => {
    const r = record(REV(1), jobs({ t: { a: 'pass' } }));
    (r.history!.steps.t.a as unknown[])[1] = 7;
    assert.throws(
      () => parseFlightRecord(JSON.stringify(r), 'note'),
      /note: field 'history.steps.t.a\[1\]'/,
    );
  });
});

describe('where the allow list lives', () => {
  it('is <branch>:<path> in the hosted tree, tributary/config:allow.yml unless named', () => {
    assert.deepEqual(parseAllowListSource(undefined), {
      branch: 'tributary/config',
      path: 'allow.yml',
      explicit: false,
    });
    assert.deepEqual(parseAllowListSource(''), parseAllowListSource(undefined));
    assert.deepEqual(parseAllowListSource('ops/gate:xen/allow.yml'), {
      branch: 'ops/gate',
      path: 'xen/allow.yml',
      explicit: true,
    });
    // Named explicitly, even as the default: it must then exist.
    assert.equal(parseAllowListSource('tributary/config:allow.yml').explicit, true);
  });

  it('refuses a path of the checkout and anything that is not <branch>:<path>', () => {
    for (const bad of [
      '.github/tributary-allow.yml',
      ':allow.yml',
      'config:',
      'config:/etc/passwd',
      'config:a/../b.yml',
      'config:dir/',
      '-x:allow.yml',
      'a..b:allow.yml',
      'config/:allow.yml',
    ])
      assert.throws(
        () => parseAllowListSource(bad),
        new RegExp(
          `Invalid input 'allow-list' '${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'\\. Expected <branch>:<path> of a file in the hosted tree, such as tributary/config:allow\\.yml`,
        ),
        bad,
      );
  });
});
