/**
 * The watch report (`mode: report`: read the job results, find the previous flight of the
 * series, compare, record the flight) with 100 and with 10,000 flights recorded in the
 * watched tree's notes, one flight in ten of another series: the same flight reported at both
 * sizes, against the hosted repository over file://, from a fresh clone each time as the
 * action makes it. The previous flight is found in the notes log's newest commits only, so the
 * two should be close (goal <= 1.5). The notes tree is fanned out past 256 notes, as the
 * notes module writes it. The hosted notes are put back after each run.
 *
 * Run by bench/watch.ts; `node build/bench/watch/report.js --make N --dir D` makes the
 * repository of N flights in a process of its own (a large heap slows every spawn of git).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  JOB_RESULT_FORMAT,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../../actions/lib/flight.js';
import { Git, initRepository, NOTES_FANOUT } from '../../actions/lib/git.js';
import { carryHistory } from '../../actions/lib/gate/history.js';
import type { Logger } from '../../actions/lib/log.js';
import { WATCH_IDENTITY, type WatchReportSettings } from '../../actions/lib/watch/settings.js';
import { runWatch, type ReportOutcome } from '../../actions/lib/watch/watch.js';
import { median } from '../lib/stats.js';

const NOTES = 'refs/notes/tributary/watch';
const SERIES = 'qemu-master-vs-xen-unstable';
const JOBS = 6;
const STEPS = 6;
/** The newest notes are written one notes commit each, as the watch writes them. */
const ONE_BY_ONE = 500;
const XEN = 'a'.repeat(40);

function jobs(i: number): FlightJob[] {
  return Array.from({ length: JOBS }, (_, j) => ({
    name: `${j < 1 ? 'build' : 'test'}-${j}`,
    url: `https://ci.example/run/${i}/job/${j}`,
    steps: Array.from({ length: STEPS }, (_, s) => ({
      name: `step-${s}`,
      status: ((i + j * 7 + s * 3) % 37 === 0 ? 'fail' : 'pass') as StepStatus,
      log: `https://logs.example/${i}/${j}/${s}.log`,
    })),
  }));
}

/** The hosted tree of `n` commits, each with one watch flight in its note. */
async function make(dir: string, n: number): Promise<void> {
  const git = await initRepository(join(dir, `tree-${n}.git`));
  await git.run(['config', 'uploadpack.allowFilter', 'true']);
  await git.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const msg = `change ${i}\n`;
    out.push(
      `commit refs/heads/master\nmark :${i}\ncommitter B <b@example.org> ${1_700_000_000 + i} +0000\ndata ${msg.length}\n${msg}` +
        (i > 1 ? `from :${i - 1}\n` : '') +
        `M 644 inline f.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
    );
  }
  const marks = join(dir, `marks-${n}`);
  await git.run(['fast-import', '--quiet', `--export-marks=${marks}`], { input: out.join('') });
  const ids = new Map(
    readFileSync(marks, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [Number(l.split(' ')[0].slice(1)), l.split(' ')[1]] as const),
  );
  const commits = Array.from({ length: n }, (_, i) => ids.get(i + 1)!);
  const histories = new Map<string, FlightRecord['history']>();
  const t0 = Date.UTC(2025, 0, 1);
  const notes: string[] = [];
  let time = 1_800_000_000;
  const commit = (subject: string, files: string[]) =>
    notes.push(
      `commit ${NOTES}\ncommitter B <b@example.org> ${time++} +0000\ndata ${subject.length + 1}\n${subject}\n` +
        files.join(''),
    );
  const older: string[] = [];
  commits.forEach((revision, i) => {
    const series = i % 10 === 5 ? 'qemu-master-vs-xen-4.20' : SERIES;
    const at = new Date(t0 + i * 3_600_000).toISOString();
    const flight = `${100000 + i}`;
    const js = jobs(i);
    const history = carryHistory(histories.get(series), { flight, revision, at }, js);
    histories.set(series, history);
    const record: FlightRecord = {
      format: FLIGHT_RECORD_FORMAT,
      flight,
      series,
      purpose: 'watch',
      tree: 'qemu',
      revision,
      trees: [
        { name: 'qemu', revision },
        { name: 'xen', revision: XEN },
      ],
      jobs: js,
      recordedAt: at,
      history,
    };
    const text = appendFlightNote('', record);
    // Fanned out in two-digit directories past 256 notes, as writeNote keeps them.
    const path = n > NOTES_FANOUT ? `${revision.slice(0, 2)}/${revision.slice(2)}` : revision;
    const file = `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    if (i < n - ONE_BY_ONE) older.push(file);
    else {
      if (older.length) commit('tributary: flight records', older.splice(0));
      commit(`tributary: flight record on ${revision}`, [file]);
    }
  });
  if (older.length) commit('tributary: flight records', older);
  await git.run(['fast-import', '--quiet'], { input: notes.join('') });
}

const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  error: () => {},
  group: (_n, fn) => fn(),
  secret: () => {},
};

interface Case {
  records: number;
  hosted: Git;
  tip: string;
  settings: (k: number) => WatchReportSettings;
  samples: number[];
  last?: ReportOutcome;
}

export async function benchWatchReport(dir: string, sizes: number[], repeat: number) {
  const cases: Case[] = [];
  for (const n of sizes) {
    const made = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--make', String(n), '--dir', dir],
      { stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error(`bench: making the tree of ${n} flights failed`);
    const hosted = new Git({ cwd: join(dir, `tree-${n}.git`) });
    const head = (await hosted.revParse('refs/heads/master'))!;
    // The flight reported: the head again with another xen (the same revisions would make a
    // failure flaky), as its previous flight but for one step that passed there: a regression.
    const results = join(dir, `results-${n}`);
    mkdirSync(results, { recursive: true });
    const before = jobs(n - 1);
    const [rj, rs] = [2, before[2].steps.findIndex((st) => st.status === 'pass')];
    before.forEach((job, j) =>
      writeFileSync(
        join(results, `job-${j}.json`),
        JSON.stringify({
          format: JOB_RESULT_FORMAT,
          job: job.name,
          trees: [
            { name: 'qemu', revision: head },
            { name: 'xen', revision: 'b'.repeat(40) },
          ],
          steps: job.steps.map((s, i) => (j === rj && i === rs ? { ...s, status: 'fail' } : s)),
        }),
      ),
    );
    cases.push({
      records: n,
      hosted,
      tip: (await hosted.revParse(NOTES))!,
      samples: [],
      settings: (k) => ({
        mode: 'report',
        series: SERIES,
        tree: 'qemu',
        hosted: { url: `file://${hosted.cwd}` },
        results,
        notesRef: NOTES,
        labels: ['regression'],
        flakyLabel: 'flaky',
        flight: `bench-${k}`,
        buildJobs: ['build*'],
        workDir: join(dir, `work-${n}-${k}`),
        identity: WATCH_IDENTITY,
      }),
    });
  }
  // Rounds over every case in turn, so a shared machine's load falls on all alike; the first
  // round warms up and is not counted.
  let k = 0;
  for (let round = 0; round <= repeat; round++) {
    for (const c of round % 2 ? cases : [...cases].reverse()) {
      const s = c.settings(k++);
      const t = process.hrtime.bigint();
      c.last = (await runWatch(s, { logger: quiet })) as ReportOutcome;
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      // As it was: the same previous flight for every run.
      await c.hosted.run(['update-ref', NOTES, c.tip]);
      rmSync(s.workDir, { recursive: true, force: true });
      if (round) c.samples.push(ms);
    }
  }
  for (const c of cases)
    console.log(
      `watch report, ${c.records} flights recorded: ${median(c.samples).toFixed(1)} ms (previous flight ${c.last!.comparison.previous?.flight}, ` +
        `${c.last!.lookup.depth} notes-log commits fetched, ${c.last!.lookup.notesRead} notes read; ${c.last!.regressions.length} regression)`,
    );
  const [small, large] = [cases[0], cases[cases.length - 1]];
  console.log(
    `watch report at ${large.records} flights / at ${small.records}: ${(median(large.samples) / median(small.samples)).toFixed(2)} (goal <= 1.5); median of ${repeat} interleaved rounds`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { make: { type: 'string' }, dir: { type: 'string' } } });
  await make(values.dir!, Number(values.make));
}
