#!/usr/bin/env node
// npm run demo: tributary's main job on this machine, with the real things and nothing else.
//
// 1. An upstream tree (the boot-sector fixture: its build makes a 512-byte guest that SeaBIOS
//    boots under QEMU) is mirrored into a hosted tree, as upstream/master.
// 2. The hosted tree's staging branch gets a good commit; a flight (the hypervisor test plan:
//    build, boot under QEMU, checksum) tests it; the push gate fast-forwards master to it.
// 3. Staging gets a commit that breaks the boot; its flight fails at the boot step; the gate
//    finds the regression against the baseline and refuses: master stays where it was.
// 4. The same with real Xen: a tree whose plan is the xen-smoke recipe (docs/recipes/) boots
//    Xen 4.17, a dom0 and a PV guest under QEMU (the fixture scripts/setup.sh built from
//    Debian's packages), one step per stage seen on the console. Its flight is pushed; a
//    commit giving dom0 1 MiB fails at 'dom0 up' and the gate refuses it.
//
// Everything lands in .tributary/demo/ (the flights' logs, consoles, results and JUnit).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, '.tributary', 'demo');
const cli = join(root, 'dist', 'cli', 'index.js');
const fixture = join(root, 'test', 'fixtures', 'bootsector');
const xenFixture = join(root, 'test', 'fixtures', 'xen');
const xenRecipe = readFileSync(join(root, 'docs', 'recipes', 'xen-smoke.yml'), 'utf8');
const started = Date.now();
const identity = {
  GIT_AUTHOR_NAME: 'Demo Developer',
  GIT_AUTHOR_EMAIL: 'dev@example.org',
  GIT_COMMITTER_NAME: 'Demo Developer',
  GIT_COMMITTER_EMAIL: 'dev@example.org',
};

function run(cmd, args, { cwd = demo, ok = [0] } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...identity }, encoding: 'utf8' });
  if (!ok.includes(r.status)) {
    process.stderr.write(r.stdout + r.stderr);
    console.error(`demo: ${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`);
    process.exit(1);
  }
  return r;
}
const git = (cwd, ...args) => run('git', args, { cwd }).stdout.trim();
const tributary = (args, ok) => run(process.execPath, [cli, ...args], { ok });
function say(title, text = '') {
  console.log(`\n== ${title}`);
  if (text.trim()) console.log(text.trimEnd().replace(/^/gm, '   '));
}

for (const tool of ['git', 'qemu-system-x86_64']) {
  if (spawnSync(tool, ['--version']).status !== 0) {
    console.error(`demo: ${tool} is not installed (apt-get install git qemu-system-x86 seabios)`);
    process.exit(2);
  }
}
// Built once by scripts/setup.sh; this only checks it is current (or builds it, from Debian's packages).
if (spawnSync('bash', [join(xenFixture, 'build.sh')], { stdio: 'ignore' }).status !== 0) {
  console.error('demo: the Xen fixture is not built and could not be: run scripts/setup.sh');
  process.exit(2);
}
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });

// The upstream tree, as its project publishes it.
const upstream = join(demo, 'upstream');
mkdirSync(upstream);
for (const f of ['boot.hex', 'build.sh', 'message.txt', 'plan.yml'])
  cpSync(join(fixture, f), join(upstream, f));
git(upstream, 'init', '--quiet', '--initial-branch=master');
git(upstream, 'add', '-A');
git(upstream, 'commit', '--quiet', '-m', 'Boot sector that greets on the serial port');
git(upstream, 'tag', 'rel-1.0');

// 1. Mirror it into the hosted tree, beside the hosted tree's own branches.
const hosted = join(demo, 'hosted.git');
git(demo, 'init', '--quiet', '--bare', hosted);
const mirrored = tributary([
  'mirror',
  '--source',
  upstream,
  '--destination',
  hosted,
  '--prefix',
  'upstream/',
]);
say('mirror: upstream into the hosted tree', mirrored.stdout);
// The downstream branches start from upstream.
git(hosted, 'branch', 'master', 'upstream/master');
git(hosted, 'branch', 'staging', 'upstream/master');

const work = join(demo, 'work');
git(demo, 'clone', '--quiet', '--branch', 'staging', hosted, work);

let flightNumber = 0;
/** A commit on a tree's staging, its flight (one job, the tree's plan), then the push gate. */
function flight(tree, title, change) {
  flightNumber++;
  change();
  git(tree.work, 'add', '-A');
  git(tree.work, 'commit', '--quiet', '-m', title);
  git(tree.work, 'push', '--quiet', 'origin', 'staging');
  const revision = git(tree.work, 'rev-parse', 'HEAD');
  const results = join(demo, `flight-${flightNumber}`);
  const tested = tributary(
    [
      'test',
      join(tree.work, 'plan.yml'),
      '--work-dir',
      tree.work,
      '--output-dir',
      join(results, tree.job),
      '--lock-dir',
      join(demo, 'host-lock'),
    ],
    [0, 1],
  );
  say(
    `flight ${flightNumber}: '${title}' (${revision.slice(0, 12)}) on ${tree.name}'s staging`,
    tested.stdout + tested.stderr,
  );
  const gate = tributary(
    [
      'gate',
      '--results',
      results,
      '--repo',
      tree.hosted,
      '--tree',
      tree.name,
      '--no-baseline',
      'push',
      '--summary',
    ],
    [0, 1],
  );
  say(
    `push gate for flight ${flightNumber}: ${gate.status === 0 ? 'pushed' : 'refused'}`,
    gate.stdout + gate.stderr,
  );
  return { revision, pushed: gate.status === 0 };
}

const bootsector = { name: 'bootsector', job: 'boot', hosted, work };
const good = flight(bootsector, 'Greet in the boot message', () => {
  writeFileSync(join(work, 'message.txt'), 'tributary guest: hello\n');
  writeFileSync(join(work, 'NEWS'), 'Downstream: the greeting is tested on every push.\n');
});
const bad = flight(bootsector, 'Break the boot sector', () => {
  cpSync(join(fixture, 'variants', 'bad.hex'), join(work, 'boot.hex'));
  writeFileSync(
    join(work, 'message.txt'),
    readFileSync(join(fixture, 'variants', 'bad.message.txt')),
  );
});

// 4. Real Xen: the recipe is the tree's plan; boot/ holds what it boots (Xen, dom0's kernel and
// initramfs), as a Xen tree's build would leave them.
const xenHosted = join(demo, 'xen.git');
git(demo, 'init', '--quiet', '--bare', xenHosted);
const xenWork = join(demo, 'xen-work');
git(demo, 'clone', '--quiet', xenHosted, xenWork);
writeFileSync(join(xenWork, 'plan.yml'), xenRecipe);
writeFileSync(join(xenWork, '.gitignore'), '/boot\n');
git(xenWork, 'add', '-A');
git(xenWork, 'commit', '--quiet', '-m', 'xen-smoke: Xen, dom0 and a PV guest under QEMU');
git(xenWork, 'push', '--quiet', 'origin', 'HEAD:master', 'HEAD:staging');
git(xenWork, 'checkout', '--quiet', '-B', 'staging', 'origin/staging');
symlinkSync(join(xenFixture, 'out'), join(xenWork, 'boot'));
const xen = { name: 'xen', job: 'xen-smoke', hosted: xenHosted, work: xenWork };
const xenGood = flight(xen, 'Say what the smoke test boots', () => {
  writeFileSync(
    join(xenWork, 'NEWS'),
    'Downstream: Xen, dom0 and a PV guest boot on every push.\n',
  );
});
const xenBad = flight(xen, 'xen-smoke: give dom0 1 MiB', () => {
  const plan = readFileSync(join(xenWork, 'plan.yml'), 'utf8');
  writeFileSync(join(xenWork, 'plan.yml'), plan.replace(/dom0_mem=\S+/, 'dom0_mem=1M'));
});

const master = git(hosted, 'rev-parse', 'master');
const staging = git(hosted, 'rev-parse', 'staging');
const xenMaster = git(xenHosted, 'rev-parse', 'master');
const flights = (repo) =>
  git(repo, 'notes', '--ref', 'refs/notes/tributary/flights', 'list').split('\n').filter(Boolean)
    .length;
say(
  'result',
  [
    `bootsector staging: ${staging.slice(0, 12)} (the breaking commit)`,
    `bootsector master:  ${master.slice(0, 12)} (${master === good.revision ? 'the good commit, pushed by the gate' : 'unexpected'})`,
    `xen master:         ${xenMaster.slice(0, 12)} (${xenMaster === xenGood.revision ? 'the commit whose Xen, dom0 and guest came up' : 'unexpected'})`,
    `flight records (git notes in refs/notes/tributary/flights): ${flights(hosted) + flights(xenHosted)}`,
    `logs, consoles, results and JUnit: ${demo}`,
    `took ${Math.round((Date.now() - started) / 1000)} s`,
  ].join('\n'),
);
if (!(good.pushed && !bad.pushed && master === good.revision)) {
  console.error('demo: the gate did not push the good commit and refuse the bad one');
  process.exit(1);
}
if (!(xenGood.pushed && !xenBad.pushed && xenMaster === xenGood.revision)) {
  console.error('demo: the gate did not push the Xen boot and refuse dom0_mem=1M');
  process.exit(1);
}
