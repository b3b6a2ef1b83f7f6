/**
 * The one reader and writer of flight notes: records appended and read back, many notes in a
 * few processes, and a damaged record never dropped silently: an error naming it (strict) or
 * a warning naming the commit and the notes ref, counted (lenient), the note's others kept.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { initRepository } from '../actions/lib/git.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord } from '../actions/lib/flight.js';
import {
  FLIGHT_NOTES_REF,
  FlightNotes,
  parseNote,
  WATCH_NOTES_REF,
} from '../actions/lib/flight-notes.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

const record = (flight: string, revision: string): FlightRecord => ({
  format: FLIGHT_RECORD_FORMAT,
  flight,
  tree: 'xen',
  revision,
  trees: [{ name: 'xen', revision }],
  jobs: [{ name: 'test-hvm', steps: [{ name: 'boot', status: 'pass' }] }],
  recordedAt: `2026-01-0${flight.length}T00:00:00Z`,
});

describe('flight notes', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('one constant per notes ref', () => {
    assert.equal(FLIGHT_NOTES_REF, 'refs/notes/tributary/flights');
    assert.equal(WATCH_NOTES_REF, 'refs/notes/tributary/watch');
  });

  it('appends records to a revision and reads them back, one or many at once', async () => {
    const work = await WorkTree.create(join(tmp.path, 'append'));
    const [a, b] = [await work.commit('a'), await work.commit('b')];
    const notes = new FlightNotes(work.git, WATCH_NOTES_REF);
    await notes.append(record('f1', a));
    await notes.append(record('f22', a));
    await notes.append(record('f333', b));
    assert.deepEqual(
      (await notes.read(a)).map((r) => r.flight),
      ['f1', 'f22'],
    );
    const many = await notes.readMany([b, a, b, '0'.repeat(40)]);
    assert.deepEqual(
      [...many].map(([c, rs]) => [c, rs.map((r) => r.flight)]),
      [
        [b, ['f333']],
        [a, ['f1', 'f22']],
      ],
    );
    assert.deepEqual(await new FlightNotes(work.git, FLIGHT_NOTES_REF).read(a), []);
  });

  it('a damaged record: an error naming it when strict; a warning naming commit and ref, counted, when lenient', async () => {
    const work = await WorkTree.create(join(tmp.path, 'damaged'));
    const c = await work.commit('c');
    const ref = 'refs/notes/test/damaged';
    const good = JSON.stringify(record('ok', c));
    await new FlightNotes(work.git, ref).write(c, `${good}\n{"format":"tributary.flight/v1",\n`);

    await assert.rejects(
      new FlightNotes(work.git, ref).read(c),
      new RegExp(`note ${ref} on ${c} line 2: not valid JSON`),
    );
    await assert.rejects(new FlightNotes(work.git, ref).readMany([c]), /line 2: not valid JSON/);

    const logger = new MemoryLogger();
    const lenient = new FlightNotes(work.git, ref, { strict: false, logger });
    assert.deepEqual(
      (await lenient.read(c)).map((r) => r.flight),
      ['ok'],
    );
    assert.deepEqual(
      lenient.damaged.map((d) => [d.notesRef, d.commit, d.line]),
      [[ref, c, 2]],
    );
    const warnings = logger.warnings;
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0].includes(c) && warnings[0].includes(ref), warnings[0]);

    // The same as a pure function, for a note's text from anywhere.
    const parsed = parseNote(`${good}\nnot json\n\n${good}\n`, ref, c);
    assert.equal(parsed.records.length, 2);
    assert.deepEqual(
      parsed.damaged.map((d) => d.line),
      [2],
    );
  });

  it('fetches a notes ref from another repository, and forgets it when the remote has none', async () => {
    const work = await WorkTree.create(join(tmp.path, 'origin'));
    const c = await work.commit('c');
    await new FlightNotes(work.git, FLIGHT_NOTES_REF).append(record('remote', c));
    const bare = await initRepository(join(tmp.path, 'copy.git'));
    await work.git.run(['push', '--quiet', bare.cwd, `HEAD:refs/heads/master`]);
    const local = await initRepository(join(tmp.path, 'local.git'));
    await local.run(['fetch', '--quiet', work.git.cwd, 'HEAD:refs/heads/master']);
    const notes = new FlightNotes(local, FLIGHT_NOTES_REF);
    assert.ok(await notes.fetch({ url: work.git.cwd }));
    assert.deepEqual(
      (await notes.read(c)).map((r) => r.flight),
      ['remote'],
    );
    assert.equal(await notes.fetch({ url: bare.cwd }), undefined);
    assert.equal(await local.revParse(FLIGHT_NOTES_REF), undefined);
  });
});
