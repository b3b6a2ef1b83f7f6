/**
 * The flight-history page's generation (read the notes the requested pages show, mark every
 * cell, write the files) with 100 and with 10,000 flights recorded, for a tree's branch and
 * for a watch series, the same pages asked for at both sizes (4 pages of 20 flights), from the
 * scratch clone `tributary history` makes (its fetch is not counted). Paging is what keeps
 * the two close: only the newest flights' notes are read, and each record's history summary
 * gives "failing since" and "last pass" without reading older ones. Printed as ratios measured
 * in the same run; the whole command over file:// (whose fetch of the branch's commits or the
 * notes' log grows with history) is shown for information.
 *
 *   node build/bench/history.js [--records 100,10000] [--jobs 10] [--steps 8] [--repeat 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';
import { Git, initRepository, NOTES_FANOUT } from '../actions/lib/git.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { fetchHistorySource, prefetchBlobs } from '../actions/lib/history/fetch.js';
import { writeHistory, type HistorySettings } from '../actions/lib/history/history.js';
import type { HistorySource } from '../actions/lib/history/source.js';
import {
  FLIGHT_NOTES_REF as GATE_NOTES_REF,
  WATCH_NOTES_REF,
} from '../actions/lib/flight-notes.js';
import { median } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100,10000' },
    jobs: { type: 'string', default: '10' },
    steps: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '5' },
    /** Internal: make the repository of `--make N` flights in `--dir`, in a process of its own. */
    make: { type: 'string' },
    dir: { type: 'string' },
  },
});
const JOBS = Number(values.jobs);
const STEPS = Number(values.steps);
const REPEAT = Number(values.repeat);
const PER_PAGE = 20;
const PAGES = 4;
const SERIES = 'qemu master vs xen unstable';
/** The newest notes are written one notes commit each, as the gate and the watch write them. */
const ONE_BY_ONE = 500;

function flightJobs(i: number): FlightJob[] {
  const jobs: FlightJob[] = [];
  for (let j = 0; j < JOBS; j++) {
    const steps = [];
    for (let s = 0; s < STEPS; s++) {
      // A step that never passes, a regression now and then, a flaky one.
      const status: StepStatus =
        s === STEPS - 1 && j === 3
          ? 'fail'
          : (i + j * 7 + s * 3) % 53 === 0
            ? 'fail'
            : (i + j + s) % 41 === 0
              ? 'blocked'
              : 'pass';
      steps.push({
        name: `step-${s}`,
        status,
        durationMs: 1000 + s,
        log: `https://logs.example/${i}/${j}/${s}.log`,
      });
    }
    jobs.push({
      name: `${j < 2 ? 'build' : 'test'}-${j}`,
      url: `https://ci.example/run/${i}/job/${j}`,
      steps,
    });
  }
  return jobs;
}

/** Commits of a first-parent line, one fast-import; their ids in order. */
async function makeCommits(git: Git, dir: string, n: number): Promise<string[]> {
  const out: string[] = [];
  const time = 1_700_000_000;
  for (let i = 1; i <= n; i++) {
    const msg = `change ${i}\n`;
    out.push(
      `commit refs/heads/master\nmark :${i}\ncommitter B <b@example.org> ${time + i} +0000\ndata ${msg.length}\n${msg}` +
        (i > 1 ? `from :${i - 1}\n` : '') +
        `M 644 inline f.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
    );
  }
  const marks = join(dir, 'marks');
  await git.run(['fast-import', '--quiet', `--export-marks=${marks}`], { input: out.join('') });
  const ids = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').split('\n')) {
    const [m, sha] = line.split(' ');
    if (m) ids.set(Number(m.slice(1)), sha);
  }
  return Array.from({ length: n }, (_, i) => ids.get(i + 1)!);
}

/** One record a commit, as the gate (branch) or the watch (series) records them. */
function records(commits: string[], series: boolean): FlightRecord[] {
  const out: FlightRecord[] = [];
  let history: FlightRecord['history'];
  const t0 = Date.UTC(2025, 0, 1);
  commits.forEach((revision, i) => {
    const at = new Date(t0 + i * 3_600_000).toISOString();
    const flight = `${100000 + i}`;
    const jobs = flightJobs(i);
    history = carryHistory(history, { flight, revision, at }, jobs);
    const prev = out[i - 1];
    out.push({
      format: FLIGHT_RECORD_FORMAT,
      flight,
      tree: 'qemu',
      // One flight in ten belongs to another series, which the page leaves out.
      ...(series ? { series: i % 10 === 5 ? 'qemu master vs xen 4.19' : SERIES } : {}),
      revision,
      trees: [
        { name: 'qemu', revision },
        { name: 'xen', revision: commits[Math.floor(i / 50) * 50] },
      ],
      jobs,
      trigger: { event: 'schedule', runUrl: `https://ci.example/run/${i}` },
      recordedAt: at,
      ...(series
        ? {}
        : {
            decision: {
              verdict: 'push' as const,
              pushed: true,
              regressions: 0,
              regressionList: [],
              ...(prev ? { baseline: { flight: prev.flight, revision: prev.revision } } : {}),
            },
          }),
      history,
    });
  });
  return out;
}

/**
 * The notes as the notes module keeps them (writeNote: flat up to NOTES_FANOUT notes, then in
 * two-digit folders, as git notes does): the older ones in one notes commit, the newest
 * ONE_BY_ONE one commit each (the series' log walks only those).
 */
async function writeNotes(git: Git, ref: string, recs: FlightRecord[]): Promise<void> {
  const chunks: string[] = [];
  const fanned = recs.length > NOTES_FANOUT;
  const file = (r: FlightRecord) => {
    const text = appendFlightNote('', r);
    const path = fanned ? `${r.revision.slice(0, 2)}/${r.revision.slice(2)}` : r.revision;
    return `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  };
  const split = Math.max(0, recs.length - ONE_BY_ONE);
  let time = 1_800_000_000;
  // Each commit's subject is the one the notes module writes (writeNote).
  const commit = (subject: string, body: string[]) =>
    chunks.push(
      `commit ${ref}\ncommitter B <b@example.org> ${time++} +0000\ndata ${subject.length + 1}\n${subject}\n` +
        body.join(''),
    );
  if (split) commit('tributary: flight records', recs.slice(0, split).map(file));
  for (const r of recs.slice(split)) commit(`tributary: flight record on ${r.revision}`, [file(r)]);
  await git.run(['fast-import', '--quiet'], { input: chunks.join('') });
}

async function sample(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

interface Case {
  records: number;
  kind: 'branch' | 'series';
  setup: number;
  notesRead: number;
  flights: number;
  run: () => Promise<unknown>;
  whole?: () => unknown;
  samples: number[];
  wholeSamples: number[];
}

/**
 * The repository of `n` flights in `dir`: commits, the gate's notes and the watch's. Run in a
 * child process, so the measuring one stays small (a large heap slows every spawn of git).
 */
async function makeRepository(dir: string, n: number): Promise<void> {
  const git = await initRepository(join(dir, `tree-${n}.git`));
  await git.run(['config', 'uploadpack.allowFilter', 'true']);
  await git.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  const commits = await makeCommits(git, join(dir, `m-${n}`), n);
  await writeNotes(git, GATE_NOTES_REF, records(commits, false));
  await writeNotes(git, WATCH_NOTES_REF, records(commits, true));
}

if (values.make) {
  await makeRepository(values.dir!, Number(values.make));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-history-'));
try {
  const cases: Case[] = [];
  for (const n of values.records!.split(',').map(Number)) {
    const t0 = Date.now();
    const made = spawnSync(process.execPath, [process.argv[1], '--make', String(n), '--dir', dir], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error(`bench: making the repository of ${n} flights failed`);
    const hosted = new Git({ cwd: join(dir, `tree-${n}.git`) });
    const remote = { url: `file://${hosted.cwd}` };
    for (const kind of ['branch', 'series'] as const) {
      // The scratch clone the command makes (commits, the notes' tip or log), then the notes
      // the pages show fetched once: what is measured is the generation from that clone.
      const git = await initRepository(join(dir, `clone-${kind}-${n}.git`));
      const notesRef = kind === 'branch' ? GATE_NOTES_REF : WATCH_NOTES_REF;
      const { head } = await fetchHistorySource(
        git,
        remote,
        kind === 'branch' ? { kind, branch: 'master' } : { kind },
        notesRef,
      );
      const source: HistorySource =
        kind === 'branch'
          ? { kind, tree: 'qemu', branch: 'master', head: head!, notesRef }
          : { kind, series: SERIES, notesRef };
      const settings: HistorySettings = {
        source,
        out: join(dir, `out-${kind}-${n}`),
        perPage: PER_PAGE,
        pages: PAGES,
        buildJobs: ['build*'],
      };
      await writeHistory(git, { ...settings, prefetch: (b) => prefetchBlobs(git, remote, b) });
      const setup = Date.now() - t0;
      const c: Case = {
        records: n,
        kind,
        setup,
        notesRead: 0,
        flights: 0,
        samples: [],
        wholeSamples: [],
        run: async () => {
          const o = await writeHistory(git, settings);
          c.notesRead = o.notesRead;
          c.flights = o.flights;
        },
      };
      // For information: the whole command over file://, fetch included.
      c.whole = () => {
        const r = spawnSync(
          process.execPath,
          [
            join('build', 'cli', 'tributary.js'),
            'history',
            '--tree-url',
            remote.url,
            ...(kind === 'branch' ? ['--branch', 'master'] : ['--series', SERIES]),
            '--output-dir',
            join(dir, `whole-${kind}-${n}`),
            '--per-page',
            String(PER_PAGE),
            '--pages',
            String(PAGES),
          ],
          { encoding: 'utf8' },
        );
        if (r.status !== 0) throw new Error(`tributary history failed: ${r.stderr}`);
      };
      cases.push(c);
    }
  }
  // Rounds over every case in turn, so that the load of a shared machine falls on all alike;
  // the first round warms up (JIT, page cache) and is not counted.
  for (let round = 0; round <= REPEAT; round++) {
    for (const c of round % 2 ? cases : [...cases].reverse()) {
      const t = await sample(c.run);
      const w = await sample(c.whole!);
      if (round === 0) continue;
      c.samples.push(t);
      c.wholeSamples.push(w);
    }
  }
  for (const c of cases)
    console.log(
      `${c.kind} records=${c.records}: pages ${median(c.samples).toFixed(1)} ms (${c.flights} flights shown, ${c.notesRead} notes read); ` +
        `whole command over file:// ${median(c.wholeSamples).toFixed(1)} ms  [setup ${c.setup} ms]`,
    );
  for (const kind of ['branch', 'series'] as const) {
    const [small, large] = [
      cases.find((c) => c.kind === kind)!,
      cases.findLast((c) => c.kind === kind)!,
    ];
    console.log(
      `${kind}: page generation at ${large.records} flights / at ${small.records}: ${(median(large.samples) / median(small.samples)).toFixed(2)} (goal <= 1.5); ` +
        `whole command: ${(median(large.wholeSamples) / median(small.wholeSamples)).toFixed(2)}`,
    );
  }
  console.log(
    `flights: ${JOBS} jobs x ${STEPS} steps; ${PAGES} pages of ${PER_PAGE}; median of ${REPEAT} interleaved rounds`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
