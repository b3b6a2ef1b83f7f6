#!/usr/bin/env node
// npm run demo:watch: the watch tier on this machine, with real QEMU guests and nothing else.
//
// 1. An upstream tree (the boot-sector fixture) gains 30 commits; the 19th breaks the boot.
//    Its hosted copy keeps the watch series' flight records (refs/notes/tributary/watch); a
//    consumer tree (xen) stays at its baseline revision.
// 2. Watch flights of the series "bootsector-master-vs-xen-unstable": one at the old head, one
//    at the new. Each is a real test run (`tributary test`: build the guest, boot it under
//    QEMU with SeaBIOS), reported by `tributary watch`. The second, compared with the previous
//    flight of the series, has the boot regressed; its issue is written as a file
//    (issue-<n>.md; on GitHub, the watch action opens an issue).
// 3. `tributary bisect` plans the rounds: 3 test runs in parallel (3 runner hosts), each
//    recorded with --record, until the first bad commit is named, confirmed by 3 failing runs
//    at it and 3 passing runs at its parent. The result is added to the issue's file.
//
// Everything lands in .tributary/demo-watch/ (runs' logs, consoles, results, the issue).
// Not a test: test/watch-loop.test.ts runs the same loop through the bundled actions.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, '.tributary', 'demo-watch');
const cli = join(root, 'dist', 'cli', 'index.js');
const fixture = join(root, 'test', 'fixtures', 'bootsector');
const started = Date.now();
const SERIES = 'bootsector-master-vs-xen-unstable';
const JOB = 'boot-bootsector';
const COMMITS = 30;
const BREAKS = 19;
const RUNNERS = 3;
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo Developer',
  GIT_AUTHOR_EMAIL: 'dev@example.org',
  GIT_COMMITTER_NAME: 'Demo Developer',
  GIT_COMMITTER_EMAIL: 'dev@example.org',
};

function run(cmd, args, { cwd = demo, ok = [0], input } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input });
  if (!ok.includes(r.status)) {
    process.stderr.write(r.stdout + r.stderr);
    console.error(`demo: ${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`);
    process.exit(1);
  }
  return r;
}
/** The same, without blocking: the runs of a round go side by side. */
function runAsync(cmd, args, { cwd = demo, ok = [0] } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('close', (status) => {
      if (!ok.includes(status)) {
        process.stderr.write(out);
        console.error(`demo: ${cmd} ${args.join(' ')} exited ${status}`);
        process.exit(1);
      }
      done({ status, out });
    });
  });
}
const git = (cwd, ...args) => run('git', args, { cwd }).stdout.trim();
const short = (c) => c.slice(0, 12);
function say(title, text = '') {
  console.log(`\n== ${title}`);
  if (text.trim()) console.log(text.trimEnd().replace(/^/gm, '   '));
}

if (spawnSync('qemu-system-x86_64', ['--version']).status !== 0) {
  console.error(
    'demo: qemu-system-x86_64 is not installed (apt-get install qemu-system-x86 seabios)',
  );
  process.exit(2);
}
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });

// 1. Upstream: the fixture, under TCG (as on a runner without KVM), with the consumer beside.
const upstream = join(demo, 'upstream');
mkdirSync(upstream);
for (const f of ['boot.hex', 'build.sh', 'message.txt'])
  cpSync(join(fixture, f), join(upstream, f));
const plan = readFileSync(join(fixture, 'plan.yml'), 'utf8')
  .replace(/(\n(\s+)backend: qemu\n)/, '$1$2accel: tcg\n')
  .replace(/(trees:\n\s+- name: bootsector\n\s+path: \.\n)/, '$1  - name: xen\n    path: xen\n');
writeFileSync(join(upstream, 'plan.yml'), plan);
writeFileSync(join(upstream, '.gitignore'), 'boot.bin\n/xen/\n');
git(upstream, 'init', '--quiet', '--initial-branch=master');
git(upstream, 'add', '-A');
git(upstream, 'commit', '--quiet', '-m', 'Boot sector that greets on the serial port');
const commits = [git(upstream, 'rev-parse', 'HEAD')];
for (let i = 1; i <= COMMITS; i++) {
  writeFileSync(join(upstream, 'NEWS'), `change ${i}\n`);
  if (i === BREAKS) {
    cpSync(join(fixture, 'variants', 'bad.hex'), join(upstream, 'boot.hex'));
    cpSync(join(fixture, 'variants', 'bad.message.txt'), join(upstream, 'message.txt'));
  }
  git(upstream, 'add', '-A');
  const subject = i === BREAKS ? 'Take a shorter boot path' : `Change ${i}`;
  git(upstream, 'commit', '--quiet', '-m', subject);
  commits.push(git(upstream, 'rev-parse', 'HEAD'));
}
const hosted = join(demo, 'bootsector.git');
git(demo, 'clone', '--quiet', '--bare', upstream, hosted);
// As GitHub serves it: partial clone, and commits fetched by id.
git(hosted, 'config', 'uploadpack.allowFilter', 'true');
git(hosted, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
const xenWork = join(demo, 'xen-work');
mkdirSync(xenWork);
writeFileSync(join(xenWork, 'xen.c'), 'int main(void) { return 0; }\n');
git(xenWork, 'init', '--quiet', '--initial-branch=master');
git(xenWork, 'add', '-A');
git(xenWork, 'commit', '--quiet', '-m', 'xen: the baseline');
const xen = git(xenWork, 'rev-parse', 'HEAD');
say(
  'upstream',
  `${COMMITS} commits after ${short(commits[0])}; the consumer xen at ${short(xen)} (its baseline)`,
);

// One test run: both trees checked out in a folder of its own, the plan run by `tributary test`
// on runner host `runner` (one job a host at a time: a lock folder each).
let runNumber = 0;
async function testRun(trees, runner) {
  const n = ++runNumber;
  const work = join(demo, 'runs', String(n));
  git(demo, 'clone', '--quiet', '--no-checkout', hosted, work);
  git(work, 'checkout', '--quiet', '--detach', trees.bootsector);
  git(demo, 'clone', '--quiet', '--no-checkout', xenWork, join(work, 'xen'));
  git(join(work, 'xen'), 'checkout', '--quiet', '--detach', trees.xen);
  const out = join(demo, 'results', String(n));
  const lock = join(demo, `host-${runner}`);
  mkdirSync(lock, { recursive: true, mode: 0o700 });
  await runAsync(
    process.execPath,
    [
      cli,
      'test',
      join(work, 'plan.yml'),
      '--work-dir',
      work,
      '--output-dir',
      out,
      '--lock-dir',
      lock,
    ],
    { ok: [0, 1] },
  );
  const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
  return { out, result };
}
const stepOf = (result, step) => result.steps.find((s) => s.name === step)?.status;

// 2. The watch report of a flight (`tributary watch report`): records the flight of the series
// as a note of the watched revision and compares it with the series' previous flight. On
// GitHub (with --repository) it keeps one issue per regression; here the issue is a file.
function watchReport(flight, out) {
  const r = run(process.execPath, [
    cli,
    'watch',
    'report',
    '--series',
    SERIES,
    '--tree-url',
    hosted,
    '--tree',
    'bootsector',
    '--results',
    out,
    '--flight',
    flight,
    '--json',
  ]);
  const { regressions } = JSON.parse(r.stdout);
  for (const [n, g] of regressions.entries()) {
    g.issue = n + 1;
    writeFileSync(
      join(demo, `issue-${g.issue}.md`),
      `# Regression in ${g.series}: ${g.job} ${g.step}\n\n` +
        `Passed in flight ${g.passFlight} (bootsector ${g.pass}), fails in flight ${g.failFlight} (bootsector ${g.fail}).\n`,
    );
  }
  return regressions;
}

const one = await testRun({ bootsector: commits[0], xen }, 1);
watchReport('watch-1', one.out);
say(`watch flight watch-1 at ${short(commits[0])}`, `boot: ${stepOf(one.result, 'boot')}`);
const two = await testRun({ bootsector: commits[COMMITS], xen }, 1);
const regressions = watchReport('watch-2', two.out);
const regression = regressions.find((r) => r.step === 'boot');
say(
  `watch flight watch-2 at ${short(commits[COMMITS])}`,
  `boot: ${stepOf(two.result, 'boot')}\n` +
    (regression
      ? `regression: ${regression.job} ${regression.step} passed in ${regression.passFlight}, fails in ${regression.failFlight}; issue ${join(demo, `issue-${regression.issue}.md`)}`
      : 'no regression found'),
);
if (!regression) process.exit(1);

// 3. The bisection: rounds of 3 runs side by side, each round's runs recorded by the next call.
const args = [
  cli,
  'bisect',
  '--tree-url',
  hosted,
  '--series',
  SERIES,
  '--job',
  JOB,
  '--step',
  regression.step,
  '--pass',
  regression.pass,
  '--fail',
  regression.fail,
  '--runners',
  String(RUNNERS),
  '--summary',
];
let report = JSON.parse(run(process.execPath, args, { ok: [0, 1] }).stdout);
let rounds = 0;
let tests = 0;
let last;
while (report.kind === 'round') {
  rounds++;
  const line = report.tests.map((t) => short(t.trees[0].revision)).join(', ');
  const done = await Promise.all(
    report.tests.map((t, i) =>
      testRun(Object.fromEntries(t.trees.map((x) => [x.name, x.revision])), i + 1),
    ),
  );
  tests += done.length;
  say(
    `bisection round ${rounds} (${report.phase}${report.suspects ? `, ${report.suspects} suspect${report.suspects === 1 ? '' : 's'}` : ''}): ${line}`,
    done
      .map((d) => `${short(d.result.trees[0].revision)}: boot ${stepOf(d.result, 'boot')}`)
      .join('\n'),
  );
  const record = ['--flight', `round-${rounds}`, ...done.flatMap((d) => ['--record', d.out])];
  last = run(process.execPath, [...args, ...record], {
    ok: [0, 1],
  });
  report = JSON.parse(last.stdout);
}
const summary = last ? last.stderr : '';
writeFileSync(join(demo, `issue-${regression.issue}.md`), `\n## Comment: bisection\n\n${summary}`, {
  flag: 'a',
});
const seconds = Math.round((Date.now() - started) / 1000);
if (report.outcome !== 'blamed') {
  say('result', `${report.outcome}: ${report.reason}`);
  process.exit(1);
}
say(
  'result',
  [
    `first bad commit: ${report.commit.id}`,
    `  "${report.commit.subject}" by ${report.commit.author}`,
    `  ${report.reason}`,
    `${rounds} rounds of up to ${RUNNERS} runs (at most ceil(log_4 ${COMMITS}) + 2 = ${Math.ceil(Math.log(COMMITS) / Math.log(4)) + 2}), ${tests} test runs, 2 watch flights`,
    `the issue with the result: ${join(demo, `issue-${regression.issue}.md`)}`,
    `took ${seconds} s`,
  ].join('\n'),
);
if (report.commit.id !== commits[BREAKS]) {
  console.error(`demo: expected ${commits[BREAKS]}`);
  process.exit(1);
}
