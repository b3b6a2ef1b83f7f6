import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { JOB_RESULT_FORMAT } from '../actions/lib/flight.js';
import { readFlights } from '../actions/lib/gate/notes.js';
import { repoRoot } from './harness/runner.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

describe('tributary gate (command line, local hosted tree)', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  let k = 0;

  function results(revision: string, steps: Record<string, string>): string {
    const dir = join(tmp.path, `r${k++}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'test.json'),
      JSON.stringify({
        format: JOB_RESULT_FORMAT,
        job: 'test-hvm',
        trees: [{ name: 'xen', revision }],
        steps: Object.entries(steps).map(([name, status]) => ({ name, status })),
      }),
    );
    return dir;
  }
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'build', 'cli', 'tributary.js'), 'gate', ...args], {
      encoding: 'utf8',
    });

  it('pushes, refuses and rejects bad input with exit 0, 1 and 2', async () => {
    const work = await WorkTree.create(join(tmp.path, 'work'));
    const c0 = await work.commit('base');
    const c1 = await work.commit('one');
    const c2 = await work.commit('two');
    const bare = await initRepository(join(tmp.path, 'xen.git'));
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      `${c0}:refs/heads/master`,
      `${c2}:refs/heads/staging`,
    ]);
    const common = ['--repo', bare.cwd, '--tested', 'master', '--staging', 'staging'];

    const first = cli(
      '--results',
      results(c1, { boot: 'pass', migrate: 'pass' }),
      ...common,
      '--no-baseline',
      'push',
      '--revision',
      c1,
    );
    assert.equal(first.status, 0, first.stderr + first.stdout);
    assert.match(first.stdout, new RegExp(`Pushed ${c1} to master`));
    assert.equal(await bare.commitOf('master'), c1);

    const second = cli(
      '--results',
      results(c2, { boot: 'pass', migrate: 'fail' }),
      ...common,
      '--summary',
    );
    assert.equal(second.status, 1, second.stderr);
    assert.match(second.stdout, /\| test-hvm \| migrate \| pass \| fail \|/);
    assert.equal(await bare.commitOf('master'), c1);
    assert.equal(
      (await readFlights(bare, 'refs/notes/tributary/flights', c2))[0].decision?.verdict,
      'refuse',
    );

    const bad = cli('--results', results(c2, { boot: 'maybe' }), ...common);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /test\.json: field 'steps\[0\]\.status' is "maybe"/);

    const forced = cli(
      '--results',
      results(c2, { boot: 'pass', migrate: 'fail' }),
      ...common,
      '--force',
      'XSA',
      '--actor',
      'rm',
    );
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(await bare.commitOf('master'), c2);
  });
});
