import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { initRepository, retryPolicy, type Git } from '../actions/lib/git.js';
import { FLIGHT_RECORD_FORMAT, type FlightRecord } from '../actions/lib/flight.js';
import { findBaseline } from '../actions/lib/gate/notes.js';
import { readFlights, writeNote } from '../actions/lib/flight-notes.js';
import { publishFlight } from '../actions/lib/gate/publish.js';
import { fetchNotes } from '../actions/lib/gate/hosted.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { WorkTree, fastImportHistory, tempDir } from './harness/fixtures.js';
import { appendFlightNote } from '../actions/lib/flight.js';

const TOKEN = 'ghs_notesTOKEN0123456789abcdefABCD';
const NOTES = 'refs/notes/tributary/flights';
const identity = { name: 'gate', email: 'gate@example.org' };

const record = (flight: string, revision: string): FlightRecord => ({
  format: FLIGHT_RECORD_FORMAT,
  flight,
  tree: 'xen',
  revision,
  trees: [],
  jobs: [{ name: 't', steps: [{ name: 'boot', status: 'pass' }] }],
  recordedAt: new Date().toISOString(),
  decision: { verdict: 'push', pushed: false, regressions: 0 },
});

describe('flight notes in the hosted tree', () => {
  const tmp = tempDir();
  let server: GitServer;
  let commits: string[];
  let url: string;
  const clone = async (name: string): Promise<Git> => {
    const git = await initRepository(join(tmp.path, name), {
      identity,
      remotes: [{ url, token: TOKEN }],
    });
    await git.run(['fetch', '--quiet', url, '+refs/heads/*:refs/remotes/hosted/*']);
    return git;
  };

  before(async () => {
    retryPolicy.baseDelayMs = 10;
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    const work = await WorkTree.create(join(tmp.path, 'work'));
    commits = [];
    for (let i = 0; i < 5; i++) commits.push(await work.commit(`c${i}`));
    const hosted = await initRepository(server.repoPath('xen.git'));
    // As GitHub: partial clone, and objects fetched by id.
    await hosted.run(['config', 'uploadpack.allowFilter', 'true']);
    await hosted.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    url = server.repoUrl('xen.git');
    await work.git.run(['push', '--quiet', server.repoPath('xen.git'), 'master']);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('a note conflict is fetched, re-applied and pushed again: no record lost', async () => {
    const a = await clone('a.git');
    const b = await clone('b.git');
    await fetchNotes(a, { url }, NOTES);
    await fetchNotes(b, { url }, NOTES);
    // Both gates have read the notes; B records first, A's lease is then stale.
    assert.equal(
      (await publishFlight(b, { url }, { notesRef: NOTES, record: record('b', commits[4]) }))
        .attempts,
      1,
    );
    assert.equal(
      (await publishFlight(a, { url }, { notesRef: NOTES, record: record('a', commits[4]) }))
        .attempts,
      2,
    );
    assert.equal(
      (await publishFlight(a, { url }, { notesRef: NOTES, record: record('a2', commits[3]) }))
        .attempts,
      1,
    );
    const check = await clone('check.git');
    await fetchNotes(check, { url }, NOTES);
    assert.deepEqual(
      (await readFlights(check, NOTES, commits[4])).map((r) => r.flight),
      ['b', 'a'],
    );
    assert.deepEqual(
      (await readFlights(check, NOTES, commits[3])).map((r) => r.flight),
      ['a2'],
    );
  });

  it('fetches the notes without their blobs and reads one note with one more request', async () => {
    const g = await clone('partial.git');
    await fetchNotes(g, { url }, NOTES);
    const missing = await g.run(['rev-list', '--objects', '--missing=print', NOTES]);
    assert.equal(missing.split('\n').filter((l) => l.startsWith('?')).length, 2); // both notes
    const before = server.requests.filter((r) => r.service === 'upload-pack').length;
    assert.deepEqual(
      (await readFlights(g, NOTES, commits[3])).map((r) => r.flight),
      ['a2'],
    );
    assert.equal(server.requests.filter((r) => r.service === 'upload-pack').length, before + 1);
    // And it can still record on top of it.
    assert.equal(
      (await publishFlight(g, { url }, { notesRef: NOTES, record: record('p', commits[2]) }))
        .attempts,
      1,
    );
    const check = await clone('check2.git');
    await fetchNotes(check, { url }, NOTES);
    assert.deepEqual(
      (await readFlights(check, NOTES, commits[4])).map((r) => r.flight),
      ['b', 'a'],
    );
    assert.deepEqual(
      (await readFlights(check, NOTES, commits[2])).map((r) => r.flight),
      ['p'],
    );
  });

  it('finds the baseline on the head, else on the nearest first-parent ancestor within the walk', async () => {
    const g = await clone('walk.git');
    await writeNote(g, NOTES, commits[1], appendFlightNote('', record('old', commits[1])));
    const head = 'refs/remotes/hosted/master';
    const tip = (await g.commitOf(head))!;
    assert.equal(tip, commits[4]);
    const found = await findBaseline(g, NOTES, tip, 10);
    assert.deepEqual([found?.kind, found?.commit, found?.walked], ['ancestor', commits[1], 4]);
    assert.equal(await findBaseline(g, NOTES, tip, 3), undefined);
    await writeNote(g, NOTES, tip, appendFlightNote('', record('new', tip)));
    assert.equal((await findBaseline(g, NOTES, tip, 1))?.kind, 'head');
  });

  it('reads notes whatever the fanout git chose', async () => {
    const g = await clone('fanout.git');
    // 300 notes make git fan the notes tree out into sub-directories.
    await fastImportHistory(g, { branches: ['many'], commitsPerBranch: 300 });
    const many = (await g.run(['rev-list', 'refs/heads/many'])).split('\n');
    const stream = many
      .map((c, i) => {
        const text = appendFlightNote('', record(`m${i}`, c));
        return `N inline ${c}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
      })
      .join('');
    await g.run(['fast-import', '--quiet'], {
      input: `commit ${NOTES}\ncommitter g <g@e> 1700000000 +0000\ndata 3\nfan\n${stream}`,
    });
    const tree = await g.run(['ls-tree', NOTES]);
    assert.match(tree.split('\n')[0], /^040000 tree /); // fanned out
    assert.equal((await readFlights(g, NOTES, many[123]))[0].flight, 'm123');
    // Writing keeps the fanout and every other note; git's own reader agrees.
    const extra = await g.run(['rev-parse', 'refs/remotes/hosted/master']);
    await writeNote(g, NOTES, extra, appendFlightNote('', record('new', extra)));
    await writeNote(g, NOTES, many[7], appendFlightNote('', record('again', many[7])));
    assert.equal((await g.run(['notes', `--ref=${NOTES}`, 'list'])).split('\n').length, 301);
    const shown = await g.run(['notes', `--ref=${NOTES}`, 'show', extra]);
    assert.equal(JSON.parse(shown).flight, 'new');
    assert.equal((await readFlights(g, NOTES, many[7]))[0].flight, 'again');
    assert.equal((await readFlights(g, NOTES, many[8]))[0].flight, 'm8');
    assert.match((await g.run(['ls-tree', NOTES])).split('\n')[0], /^040000 tree /);
  });

  it('fans a flat notes tree out once it passes 256 notes, as git does, every note kept', async () => {
    const g = await clone('flat.git');
    await fastImportHistory(g, { branches: ['flat'], commitsPerBranch: 257 });
    const revs = (await g.run(['rev-list', 'refs/heads/flat'])).split('\n');
    // 256 notes in one flat tree, as writeNote kept them before.
    const files = revs.slice(1).map((c, i) => {
      const text = appendFlightNote('', record(`f${i}`, c));
      return `M 100644 inline ${c}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    });
    await g.run(['fast-import', '--quiet'], {
      input: `commit ${NOTES}\ncommitter g <g@e> 1700000000 +0000\ndata 5\nflat\n${files.join('')}`,
    });
    assert.equal((await g.run(['ls-tree', NOTES])).split('\n').length, 256);
    await writeNote(g, NOTES, revs[0], appendFlightNote('', record('257th', revs[0])));
    const top = (await g.run(['ls-tree', NOTES])).split('\n');
    assert.ok(
      top.every((l) => /^040000 tree [0-9a-f]+\t[0-9a-f]{2}$/.test(l)),
      top.join('\n'),
    );
    assert.equal((await g.run(['notes', `--ref=${NOTES}`, 'list'])).split('\n').length, 257);
    assert.equal((await readFlights(g, NOTES, revs[0]))[0].flight, '257th');
    assert.equal((await readFlights(g, NOTES, revs[200]))[0].flight, 'f199');
    assert.equal(
      JSON.parse(await g.run(['notes', `--ref=${NOTES}`, 'show', revs[5]])).flight,
      'f4',
    );
  });
});
