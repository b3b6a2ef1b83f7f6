/**
 * The history page's reading of the notes, on real repositories: a branch's first-parent line
 * or a watch series' notes, newest first, read only as far as the pages asked for reach; a
 * damaged note reported; the pages written, stale ones of ours removed, bad input refused
 * before anything is written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepository, type Git } from '../actions/lib/git.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { readNoteText, writeNote } from '../actions/lib/flight-notes.js';
import { writeHistory, type HistorySettings } from '../actions/lib/history/history.js';
import { loadFlights, type HistorySource } from '../actions/lib/history/source.js';
import { WATCH_NOTES_REF } from '../actions/lib/flight-notes.js';
import { ConfigurationError, errorMessage, SettingError } from '../actions/lib/errors.js';
import { valuesReader } from '../actions/lib/settings.js';
import { WorkTree, tempDir } from './harness/fixtures.js';

const jobs = (migrate: StepStatus): FlightJob[] => [
  { name: 'build-amd64', steps: [{ name: 'build', status: 'pass' }] },
  {
    name: 'test-hvm',
    steps: [
      { name: 'boot', status: 'pass' },
      { name: 'migrate', status: migrate },
    ],
  },
];

let clock = Date.UTC(2026, 1, 1);
function record(
  flight: string,
  revision: string,
  migrate: StepStatus,
  extra: Partial<FlightRecord> = {},
  prev?: FlightRecord,
): FlightRecord {
  const at = new Date((clock += 60_000)).toISOString();
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight,
    tree: 'qemu',
    revision,
    trees: [{ name: 'qemu', revision }],
    jobs: jobs(migrate),
    recordedAt: at,
    history: carryHistory(prev?.history, { flight, revision, at }, jobs(migrate)),
    ...extra,
  };
}

async function append(git: Git, ref: string, r: FlightRecord): Promise<void> {
  const old = (await readNoteText(git, ref, r.revision)) ?? '';
  await writeNote(git, ref, r.revision, appendFlightNote(old, r));
}

describe('history: reading the notes', () => {
  const tmp = tempDir('tributary-history-notes-');
  let git: Git;
  let commits: string[];
  after(() => tmp.cleanup());

  before(async () => {
    const work = await WorkTree.create(join(tmp.path, 'work'));
    commits = [];
    for (let i = 0; i < 60; i++) commits.push(await work.commit(`change ${i}`));
    git = await initRepository(join(tmp.path, 'hosted.git'), {
      identity: { name: 't', email: 't@example.org' },
    });
    await work.git.run(['push', '--quiet', git.cwd, `${commits[59]}:refs/heads/master`]);
  });

  it('reads a branch newest first, no further back than the pages need', async () => {
    const ref = 'refs/notes/test/branch';
    let prev: FlightRecord | undefined;
    // Every other commit has a flight; commit 50 has two.
    for (let i = 0; i < 60; i += 2) {
      prev = record(`f${i}`, commits[i], i % 4 ? 'pass' : 'fail', {}, prev);
      await append(git, ref, prev);
    }
    prev = record('f50-again', commits[50], 'pass', {}, prev);
    await append(git, ref, prev);
    const source: HistorySource = {
      kind: 'branch',
      tree: 'qemu',
      branch: 'master',
      head: commits[59],
      notesRef: ref,
    };
    const few = await loadFlights(git, source, { count: 3 });
    assert.deepEqual(
      few.records.slice(0, 4).map((r) => r.flight),
      ['f50-again', 'f58', 'f56', 'f54'],
    );
    assert.equal(few.more, true);
    assert.ok(few.notesRead <= 16, `read ${few.notesRead} notes for 3 flights`);
    const all = await loadFlights(git, source, { count: 1000 });
    assert.equal(all.records.length, 31);
    assert.equal(all.more, false);
    assert.equal(all.notesRead, 30);
    // The blobs to read are handed to prefetch first, all of a round at once.
    const asked: string[][] = [];
    await loadFlights(git, source, { count: 3, prefetch: async (b) => void asked.push(b) });
    assert.ok(asked.length >= 1 && asked[0].length > 1, JSON.stringify(asked));
  });

  it('reads a watch series from the notes log, newest first, only that series', async () => {
    const ref = 'refs/notes/test/watch';
    for (let i = 0; i < 40; i++) {
      const series = i % 3 ? 'qemu master vs xen unstable' : 'qemu master vs xen 4.19';
      // Flights of older revisions recorded later too: order is the recording's, not the tree's.
      await append(git, ref, record(`w${i}`, commits[(i * 7) % 60], 'pass', { series }));
    }
    const source: HistorySource = {
      kind: 'series',
      series: 'qemu master vs xen 4.19',
      notesRef: ref,
    };
    const few = await loadFlights(git, source, { count: 2 });
    assert.deepEqual(
      few.records.slice(0, 3).map((r) => r.flight),
      ['w39', 'w36', 'w33'],
    );
    assert.ok(few.notesRead < 40, `read ${few.notesRead} of 40 notes`);
    const all = await loadFlights(git, source, { count: 100 });
    assert.equal(all.records.length, 14);
    assert.ok(all.records.every((r) => r.series === 'qemu master vs xen 4.19'));
    assert.deepEqual([...all.seriesSeen].sort(), [
      'qemu master vs xen 4.19',
      'qemu master vs xen unstable',
    ]);
  });

  it('reads notes written by git notes too, and through a merge of the notes ref', async () => {
    const ref = 'refs/notes/test/foreign';
    const other = 'refs/notes/test/foreign-other';
    const series = 'seabios master vs xen unstable';
    await append(git, ref, record('n1', commits[1], 'pass', { series }));
    const byGit = record('n2', commits[2], 'fail', { series });
    await git.run(['notes', `--ref=${ref}`, 'add', '-m', JSON.stringify(byGit), commits[2]]);
    // Another writer's line from here, merged back with git notes merge: its commit is not on
    // the first-parent line, only the merge's diff names its note.
    await git.run(['update-ref', other, ref]);
    await append(git, other, record('n3', commits[3], 'pass', { series }));
    await append(git, ref, record('n4', commits[4], 'pass', { series }));
    await git.run(['notes', `--ref=${ref}`, 'merge', '--quiet', '-s', 'union', other]);
    await append(git, ref, record('n5', commits[5], 'pass', { series }));
    const subjects = await git.run(['log', '--first-parent', '--format=%s', ref]);
    assert.match(subjects, /^Notes added by 'git notes add'$/m);
    assert.match(subjects, /^Merged notes/m);
    const loaded = await loadFlights(git, { kind: 'series', series, notesRef: ref }, { count: 10 });
    assert.deepEqual(
      loaded.records.map((r) => r.flight),
      ['n5', 'n4', 'n3', 'n2', 'n1'],
    );
    assert.deepEqual(loaded.damaged, []);
  });

  it('reports a damaged note and shows the rest', async () => {
    const ref = 'refs/notes/test/damaged';
    await append(git, ref, record('d1', commits[1], 'pass'));
    await writeNote(git, ref, commits[2], '{"format":"tributary.flight/v1","flight":\n');
    await append(git, ref, record('d3', commits[3], 'fail'));
    const out = join(tmp.path, 'damaged-out');
    const outcome = await writeHistory(git, {
      ...settings(out),
      source: { kind: 'branch', tree: 'qemu', branch: 'master', head: commits[59], notesRef: ref },
    });
    assert.equal(outcome.flights, 2);
    assert.equal(outcome.damaged.length, 1);
    assert.equal(outcome.damaged[0].commit, commits[2]);
    const html = readFileSync(join(out, 'page-1.html'), 'utf8');
    assert.match(html, /Records that could not be read/);
    assert.ok(html.includes(commits[2]));
  });

  it('reads a baseline the shown flights name from outside what was read', async () => {
    const ref = 'refs/notes/test/baseline';
    // The baseline is on a commit off the walked line: only its name in the decision finds it.
    const side = await new WorkTree(join(tmp.path, 'work')).commit('side');
    await new WorkTree(join(tmp.path, 'work')).git.run([
      'push',
      '--quiet',
      git.cwd,
      `${side}:refs/heads/side`,
    ]);
    const base = record('base', side, 'pass');
    await append(git, ref, base);
    const now = record(
      'now',
      commits[10],
      'fail',
      {
        decision: {
          verdict: 'refuse',
          pushed: false,
          regressions: 1,
          baseline: { flight: 'base', revision: side },
        },
      },
      base,
    );
    await append(git, ref, now);
    const out = join(tmp.path, 'baseline-out');
    await writeHistory(git, {
      ...settings(out),
      source: { kind: 'branch', tree: 'qemu', branch: 'master', head: commits[59], notesRef: ref },
    });
    const html = readFileSync(join(out, 'page-1.html'), 'utf8');
    assert.match(
      html,
      /<td class="cell fail" headers="[^"]+" title="test-hvm \/ migrate in flight now: fail, blocking, regression/,
    );
  });

  it('writes the pages, removes only its own stale pages, refuses bad input first', async () => {
    const ref = 'refs/notes/test/pages';
    let prev: FlightRecord | undefined;
    for (let i = 0; i < 7; i++) {
      prev = record(`p${i}`, commits[i], 'pass', {}, prev);
      await append(git, ref, prev);
    }
    const out = join(tmp.path, 'pages-out');
    mkdirSync(out);
    writeFileSync(join(out, 'page-9.html'), 'not ours');
    writeFileSync(join(out, 'CNAME'), 'history.example.org');
    const source: HistorySource = {
      kind: 'branch',
      tree: 'qemu',
      branch: 'master',
      head: commits[59],
      notesRef: ref,
    };
    const first = await writeHistory(git, { ...settings(out), source, perPage: 2, pages: 'all' });
    assert.equal(first.pages, 4);
    assert.equal(first.more, false);
    assert.deepEqual(readdirSync(out).sort(), [
      'CNAME',
      'history.css',
      'index.html',
      'page-1.html',
      'page-2.html',
      'page-3.html',
      'page-4.html',
      'page-9.html',
    ]);
    assert.equal(
      readFileSync(join(out, 'index.html'), 'utf8'),
      readFileSync(join(out, 'page-1.html'), 'utf8'),
    );
    const second = await writeHistory(git, { ...settings(out), source, perPage: 3, pages: 2 });
    assert.equal(second.pages, 2);
    assert.equal(second.more, true);
    assert.deepEqual(readdirSync(out).sort(), [
      'CNAME',
      'history.css',
      'index.html',
      'page-1.html',
      'page-2.html',
      'page-9.html',
    ]);
    assert.match(readFileSync(join(out, 'page-2.html'), 'utf8'), /Older flights exist/);

    const none = join(tmp.path, 'none-out');
    await assert.rejects(
      writeHistory(git, {
        ...settings(none),
        source: {
          kind: 'series',
          series: 'qemu master vs xen 4.20',
          notesRef: 'refs/notes/test/watch',
        },
      }),
      (e: Error) =>
        e instanceof ConfigurationError &&
        /No flight of the watch series 'qemu master vs xen 4\.20' in refs\/notes\/test\/watch \(series recorded there: qemu master vs xen 4\.19, qemu master vs xen unstable\)/.test(
          e.message,
        ),
    );
    // Refused as a setting, which each front end names its own way.
    const refused = (setting: string, message: RegExp) => (e: Error) =>
      e instanceof SettingError &&
      e.setting === setting &&
      message.test(errorMessage(e, valuesReader({}, 'command line')));
    await assert.rejects(
      writeHistory(git, { ...settings(none), source, perPage: 0 }),
      refused('per-page', /Invalid --per-page '0'/),
    );
    await assert.rejects(
      writeHistory(git, { ...settings(none), source: { ...source, notesRef: 'refs/heads/x' } }),
      refused(
        'notes-ref',
        /Invalid --notes-ref 'refs\/heads\/x'. Expected a ref under refs\/notes\//,
      ),
    );
    assert.equal(existsSync(none), false, 'nothing written on bad input');
  });

  function settings(out: string): HistorySettings {
    return {
      source: { kind: 'series', series: 'x', notesRef: WATCH_NOTES_REF },
      out,
      perPage: 20,
      pages: 10,
      buildJobs: ['build*'],
      now: new Date('2026-03-01T00:00:00Z'),
    };
  }
});
