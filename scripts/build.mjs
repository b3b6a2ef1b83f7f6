#!/usr/bin/env node
// Type-checks, compiles to build/, and bundles every action (and the command line) with ncc
// into dist/<name>/index.js. `node scripts/build.mjs --out DIR` bundles into DIR instead, which
// is how the tests check that the committed dist/ equals a fresh build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, 'dist');
const skipCompile = args.includes('--no-compile');

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`build: ${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/** Every folder under actions/ with an action.yml and a main.ts is an action to bundle. */
export function bundles() {
  const list = [];
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    if (
      existsSync(join(root, 'actions', name, 'action.yml')) &&
      existsSync(join(root, 'actions', name, 'main.ts'))
    ) {
      list.push({ name, entry: join('build', 'actions', name, 'main.js') });
    }
  }
  list.push({ name: 'cli', entry: join('build', 'cli', 'tributary.js') });
  return list;
}

if (!skipCompile)
  run(process.execPath, [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.json',
  ]);
mkdirSync(out, { recursive: true });
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const { name, entry } of bundles()) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  run(process.execPath, [
    ncc,
    'build',
    entry,
    '-o',
    dir,
    '--license',
    'licenses.txt',
    '--quiet',
    '--no-source-map-register',
  ]);
}
