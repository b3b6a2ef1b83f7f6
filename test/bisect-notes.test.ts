/**
 * Reading the flights of many commits at once (a bisection range), and the watch fields of a
 * flight record (series, purpose) through the one validator.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  parseFlightRecord,
  type FlightRecord,
} from '../actions/lib/flight.js';
import { readFlights, readFlightsOf } from '../actions/lib/flight-notes.js';
import { fastImportHistory, tempDir } from './harness/fixtures.js';

const NOTES = 'refs/notes/tributary/watch';

const record = (
  flight: string,
  revision: string,
  extra: Partial<FlightRecord> = {},
): FlightRecord => ({
  format: FLIGHT_RECORD_FORMAT,
  flight,
  tree: 'qemu',
  revision,
  trees: [{ name: 'qemu', revision }],
  jobs: [{ name: 't', steps: [{ name: 'boot', status: 'pass' as const }] }],
  recordedAt: '2026-01-01T00:00:00Z',
  series: 'qemu-master-vs-xen-unstable',
  ...extra,
});

describe('flight notes of many commits', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('reads every note of 1,200 commits in a few processes, fanned out, with any text', async () => {
    const g = await initRepository(join(tmp.path, 'many.git'));
    await fastImportHistory(g, { branches: ['master'], commitsPerBranch: 1200 });
    const commits = (await g.run(['rev-list', 'master'])).split('\n');
    // Every third commit has a note; some with two flights and text beyond ASCII.
    const stream = commits
      .filter((_, i) => i % 3 === 0)
      .map((c, i) => {
        let text = appendFlightNote('', record(`f${i}`, c));
        if (i % 5 === 0)
          text = appendFlightNote(text, record(`g${i} «Größe» ✓`, c, { purpose: 'bisect' }));
        return `N inline ${c}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
      })
      .join('');
    await g.run(['fast-import', '--quiet'], {
      input: `commit ${NOTES}\ncommitter g <g@e> 1700000000 +0000\ndata 3\nfan\n${stream}`,
    });
    assert.match((await g.run(['ls-tree', NOTES])).split('\n')[0], /^040000 tree /);

    const found = await readFlightsOf(g, NOTES, [...commits, commits[0]]);
    assert.equal(found.size, 400);
    for (const [i, c] of commits.entries()) {
      if (i % 3) {
        assert.equal(found.has(c), false);
        continue;
      }
      assert.equal(found.get(c)![0].revision, c);
      // The same answer as reading each note alone (a sample: that is a process or two each).
      if (i % 90 === 0) assert.deepEqual(found.get(c), await readFlights(g, NOTES, c));
    }
    assert.equal(found.get(commits[15])![1].flight, 'g5 «Größe» ✓');
    assert.equal(found.get(commits[15])![1].purpose, 'bisect');
    assert.equal((await readFlightsOf(g, 'refs/notes/none', commits)).size, 0);
  });

  it('a damaged note is an error naming it, not a flight dropped', async () => {
    const g = await initRepository(join(tmp.path, 'bad.git'));
    await fastImportHistory(g, { branches: ['master'], commitsPerBranch: 3 });
    const [c] = (await g.run(['rev-list', 'master'])).split('\n');
    const text = '{"format":"tributary.flight/v1"';
    await g.run(['fast-import', '--quiet'], {
      input: `commit ${NOTES}\ncommitter g <g@e> 1700000000 +0000\ndata 3\nbad\nN inline ${c}\ndata ${text.length}\n${text}\n`,
    });
    await assert.rejects(
      readFlightsOf(g, NOTES, [c]),
      new RegExp(`note ${NOTES} on ${c} line 1: not valid JSON`),
    );
  });

  it('series and purpose are validated like every other field', () => {
    const c = 'a'.repeat(40);
    const ok = parseFlightRecord(JSON.stringify(record('f', c, { purpose: 'watch' })), 'note');
    assert.equal(ok.series, 'qemu-master-vs-xen-unstable');
    assert.equal(ok.purpose, 'watch');
    assert.throws(
      () => parseFlightRecord(JSON.stringify({ ...record('f', c), purpose: 'nightly' }), 'note'),
      /note: field 'purpose' is "nightly"; expected one of watch, bisect/,
    );
    assert.throws(
      () => parseFlightRecord(JSON.stringify({ ...record('f', c), series: '' }), 'note'),
      /note: field 'series' must be a non-empty string/,
    );
  });
});
