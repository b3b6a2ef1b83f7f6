/**
 * The command line's contract over every part: --help prints the part's usage, and an
 * option the part does not know is bad usage (exit 2, the usage shown), never a crash (3).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness/runner.js';

const cli = join(repoRoot, 'dist', 'cli', 'index.js');
const tributary = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repoRoot });

const parts = tributary('--help')
  .stdout.split('\n')
  .map((l) => /^ {2}([a-z-]+) {2,}/.exec(l)?.[1])
  .filter((p): p is string => !!p);

describe('tributary command line', () => {
  it('lists every part', () => {
    assert.deepEqual([...parts].sort(), [
      'bisect',
      'check',
      'divergence',
      'gate',
      'history',
      'mirror',
      'test',
      'track',
      'watch',
    ]);
  });

  for (const part of parts) {
    it(`${part}: --help shows its usage; an unknown option is bad usage`, () => {
      const help = tributary(part, '--help');
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`usage: tributary ${part}`));
      const args =
        part === 'track' ? [part, 'sync', '--no-such-option'] : [part, '--no-such-option'];
      const bad = tributary(...args);
      assert.equal(bad.status, 2, bad.stderr);
      assert.match(bad.stderr, /no-such-option/);
    });
  }
});
