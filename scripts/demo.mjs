#!/usr/bin/env node
// npm run demo: tributary's main job on this machine, with the real things and nothing else.
//
// 1. An upstream tree (the boot-sector fixture: its build makes a 512-byte guest that SeaBIOS
//    boots under QEMU) is mirrored into a hosted tree, as upstream/master.
// 2. The hosted tree's staging branch gets a good commit; a flight (the hypervisor test plan:
//    build, boot under QEMU, checksum) tests it; the push gate fast-forwards master to it.
// 3. Staging gets a commit that breaks the boot; its flight fails at the boot step; the gate
//    finds the regression against the baseline and refuses: master stays where it was.
//
// Everything lands in .tributary/demo/ (the flights' logs, consoles, results and JUnit).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, '.tributary', 'demo');
const cli = join(root, 'dist', 'cli', 'index.js');
const fixture = join(root, 'test', 'fixtures', 'bootsector');
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
function flight(title, change) {
  flightNumber++;
  change();
  git(work, 'add', '-A');
  git(work, 'commit', '--quiet', '-m', title);
  git(work, 'push', '--quiet', 'origin', 'staging');
  const revision = git(work, 'rev-parse', 'HEAD');
  const results = join(demo, `flight-${flightNumber}`);
  const tested = tributary(
    [
      'test',
      join(work, 'plan.yml'),
      '--work-dir',
      work,
      '--output-dir',
      join(results, 'boot'),
      '--lock-dir',
      join(demo, 'host-lock'),
    ],
    [0, 1],
  );
  say(
    `flight ${flightNumber}: '${title}' (${revision.slice(0, 12)}) on staging`,
    tested.stdout + tested.stderr,
  );
  const gate = tributary(
    [
      'gate',
      '--results',
      results,
      '--repo',
      hosted,
      '--tree',
      'bootsector',
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

const good = flight('Greet in the boot message', () => {
  writeFileSync(join(work, 'message.txt'), 'tributary guest: hello\n');
  writeFileSync(join(work, 'NEWS'), 'Downstream: the greeting is tested on every push.\n');
});
const bad = flight('Break the boot sector', () => {
  cpSync(join(fixture, 'variants', 'bad.hex'), join(work, 'boot.hex'));
  writeFileSync(
    join(work, 'message.txt'),
    readFileSync(join(fixture, 'variants', 'bad.message.txt')),
  );
});

const master = git(hosted, 'rev-parse', 'master');
const staging = git(hosted, 'rev-parse', 'staging');
say(
  'result',
  [
    `staging: ${staging.slice(0, 12)} (the breaking commit)`,
    `master:  ${master.slice(0, 12)} (${master === good.revision ? 'the good commit, pushed by the gate' : 'unexpected'})`,
    `flight records (git notes in refs/notes/tributary/flights): ${git(hosted, 'notes', '--ref', 'refs/notes/tributary/flights', 'list').split('\n').filter(Boolean).length}`,
    `logs, consoles, results and JUnit: ${demo}`,
  ].join('\n'),
);
if (!(good.pushed && !bad.pushed && master === good.revision)) {
  console.error('demo: the gate did not push the good commit and refuse the bad one');
  process.exit(1);
}
