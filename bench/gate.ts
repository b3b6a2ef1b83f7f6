/**
 * The push gate's own work (everything but the network: read the results, find and read the
 * baseline and the revision's flights, decide, carry the history, write the note, check the
 * fast-forward, write JUnit) with 100 and with 10,000 flights recorded in the notes history,
 * for a flight of 200 jobs × 20 steps. Printed as ratios against each other and against
 * `git notes show` of one note plus `git merge-base --is-ancestor`, measured in the same run.
 *
 *   node build/bench/gate.js [--records 100,10000] [--jobs 200] [--steps 20] [--repeat 5]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  JOB_RESULT_FORMAT,
  type FlightJob,
  type FlightRecord,
  type StepStatus,
} from '../actions/lib/flight.js';
import { toJUnit } from '../actions/lib/junit.js';
import { initRepository, type Git } from '../actions/lib/git.js';
import {
  gateFlight,
  judge,
  loadContext,
  prepareGate,
  type GateSettings,
} from '../actions/lib/gate/gate.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { writeNote } from '../actions/lib/flight-notes.js';
import { checkFastForward } from '../actions/lib/gate/publish.js';
import { median } from './lib/stats.js';

const NOTES = 'refs/notes/tributary/flights';
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100,10000' },
    jobs: { type: 'string', default: '200' },
    steps: { type: 'string', default: '20' },
    repeat: { type: 'string', default: '5' },
  },
});
const JOBS = Number(values.jobs);
const STEPS = Number(values.steps);
const REPEAT = Number(values.repeat);

function flightJobs(seed: number): FlightJob[] {
  const jobs: FlightJob[] = [];
  for (let j = 0; j < JOBS; j++) {
    const steps = [];
    for (let s = 0; s < STEPS; s++) {
      // A few steps that never pass, a few that fail now and then.
      const status: StepStatus =
        s === STEPS - 1 && j % 10 === 0
          ? 'fail'
          : (j * 31 + s * 7 + seed) % 97 === 0
            ? 'fail'
            : 'pass';
      steps.push({ name: `step-${s}`, status, durationMs: 1000 + s });
    }
    jobs.push({ name: `${j < 10 ? 'build' : 'test'}-${j}`, steps });
  }
  return jobs;
}

/**
 * A tree of `records` first-parent commits, each with a flight record in the notes history
 * (one notes commit each, as the gate writes them), written by one `git fast-import`. The
 * tested head's record is a full 200 × 20 flight; older ones are small (2 jobs), which
 * changes nothing for a gate that reads only the head's note and the revision's.
 */
async function makeTree(
  dir: string,
  records: number,
): Promise<{ git: Git; head: string; revision: string }> {
  const git = await initRepository(join(dir, `tree-${records}.git`), {
    identity: { name: 'bench', email: 'bench@example.org' },
  });
  const out: string[] = [];
  const time = 1_700_000_000;
  for (let i = 1; i <= records + 1; i++) {
    const msg = `change ${i}\n`;
    out.push(
      `commit refs/heads/${i <= records ? 'master' : 'staging'}\nmark :${i}\ncommitter B <b@example.org> ${time + i} +0000\ndata ${msg.length}\n${msg}` +
        (i > 1 ? `from :${i - 1}\n` : '') +
        `M 644 inline f.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
    );
  }
  // Commit ids are needed inside the notes, so the commits go in first.
  await git.run(['fast-import', '--quiet', `--export-marks=${join(dir, `marks-${records}`)}`], {
    input: out.join(''),
  });
  const marks = new Map<number, string>();
  for (const line of readFileSync(join(dir, `marks-${records}`), 'utf8').split('\n')) {
    const [m, sha] = line.split(' ');
    if (m) marks.set(Number(m.slice(1)), sha);
  }
  const notes: string[] = [];
  let history = undefined as FlightRecord['history'];
  const small: FlightJob[] = [
    { name: 'build-x', steps: [{ name: 'build', status: 'pass' }] },
    {
      name: 'test-x',
      steps: [
        { name: 'boot', status: 'pass' },
        { name: 'migrate', status: 'fail' },
      ],
    },
  ];
  for (let i = 1; i <= records; i++) {
    const revision = marks.get(i)!;
    const at = new Date((time + i) * 1000).toISOString();
    const jobs = i === records ? flightJobs(i) : small;
    history = carryHistory(
      i === records ? undefined : history,
      { flight: `f${i}`, revision, at },
      jobs,
    );
    const record: FlightRecord = {
      format: FLIGHT_RECORD_FORMAT,
      flight: `f${i}`,
      tree: 'xen',
      revision,
      trees: [{ name: 'xen', revision }],
      jobs,
      recordedAt: at,
      decision: { verdict: 'push', pushed: true, regressions: 0 },
      history,
    };
    const text = appendFlightNote('', record);
    notes.push(
      `commit ${NOTES}\ncommitter B <b@example.org> ${time + i} +0000\ndata 5\nnote\n` +
        `N inline ${revision}\ndata ${Buffer.byteLength(text)}\n${text}\n`,
    );
  }
  await git.run(['fast-import', '--quiet'], { input: notes.join('') });
  return { git, head: marks.get(records)!, revision: marks.get(records + 1)! };
}

function writeResults(dir: string, revision: string): void {
  for (const job of flightJobs(1)) {
    mkdirSync(join(dir, `result-${job.name}`), { recursive: true });
    writeFileSync(
      join(dir, `result-${job.name}`, 'result.json'),
      JSON.stringify({
        format: JOB_RESULT_FORMAT,
        job: job.name,
        trees: [{ name: 'xen', revision }],
        steps: job.steps,
      }),
    );
  }
}

interface Size {
  records: number;
  setup: number;
  verdict: string;
  /** The measured pieces, each a function; `reset` undoes what `gate` wrote. */
  gate: () => Promise<unknown>;
  reset: () => Promise<unknown>;
  reference: () => Promise<unknown>;
  whole: () => Promise<unknown>;
  samples: { gate: number[]; reference: number[]; whole: number[] };
}

async function sample(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const quiet = new MemoryLogger();
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-gate-'));
try {
  const sizes: Size[] = [];
  for (const records of values.records!.split(',').map(Number)) {
    const t0 = Date.now();
    const { git, head, revision } = await makeTree(dir, records);
    const results = join(dir, `results-${records}`);
    writeResults(results, revision);
    // For the whole dry run over file://: partial clone, as GitHub allows.
    await git.run(['config', 'uploadpack.allowFilter', 'true']);
    await git.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    const settings: GateSettings = {
      results,
      remote: git.cwd,
      tree: 'xen',
      staging: 'staging',
      tested: 'master',
      required: [],
      buildJobs: ['build*'],
      noBaseline: 'refuse',
      untestedHead: 'ancestor',
      retryFlaky: false,
      dryRun: false,
      notesRef: NOTES,
      maxWalk: 100,
      flight: 'bench',
      junit: join(dir, 'flight.xml'),
      workDir: dir,
      identity: { name: 'bench', email: 'bench@example.org' },
    };
    const notesTip = await git.run(['rev-parse', NOTES]);
    let n = 0;
    const size: Size = {
      records,
      setup: Date.now() - t0,
      verdict: '',
      samples: { gate: [], reference: [], whole: [] },
      gate: async () => {
        const { results: r } = prepareGate(settings);
        const ctx = await loadContext(settings, git, r.revision, head);
        if (!ctx.baseline) throw new Error('bench: no baseline found');
        const { decision, record } = judge(settings, r, [], ctx);
        size.verdict = decision.verdict;
        await checkFastForward(git, 'master', head, r.revision);
        await writeNote(git, NOTES, r.revision, appendFlightNote('', record));
        writeFileSync(settings.junit!, toJUnit('bench', record.jobs));
      },
      reset: () => git.run(['update-ref', NOTES, notesTip]),
      reference: async () => {
        await git.run(['notes', `--ref=${NOTES}`, 'show', head]);
        await git.isAncestor(head, revision);
      },
      // For information: the whole gate in a dry run over file:// from a fresh clone (the
      // branches' commits, the notes' tip without blobs, then everything above).
      whole: () =>
        gateFlight(
          {
            ...settings,
            remote: `file://${git.cwd}`,
            dryRun: true,
            workDir: join(dir, `whole-${records}-${n++}`),
          },
          quiet,
        ),
    };
    sizes.push(size);
  }
  // Rounds over every size in turn, so that the load of a shared machine falls on all alike;
  // the first round warms up (JIT, page cache) and is not counted.
  for (let round = 0; round <= REPEAT; round++) {
    for (const size of round % 2 ? sizes : [...sizes].reverse()) {
      const g = await sample(size.gate);
      await size.reset();
      const r = await sample(size.reference);
      const w = await sample(size.whole);
      if (round === 0) continue;
      size.samples.gate.push(g);
      size.samples.reference.push(r);
      size.samples.whole.push(w);
    }
  }
  const rows = sizes.map((s) => ({
    records: s.records,
    gate: median(s.samples.gate),
    reference: median(s.samples.reference),
    whole: median(s.samples.whole),
  }));
  for (const [i, r] of rows.entries()) {
    console.log(
      `records=${r.records}: gate ${r.gate.toFixed(1)} ms (verdict ${sizes[i].verdict}), git notes show + merge-base --is-ancestor ${r.reference.toFixed(1)} ms, ratio ${(r.gate / r.reference).toFixed(2)}; whole dry run with fetch over file:// ${r.whole.toFixed(1)} ms  [setup ${sizes[i].setup} ms]`,
    );
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(
    `gate time at ${last.records} records / at ${first.records} records: ${(last.gate / first.gate).toFixed(2)} (goal <= 1.5); ` +
      `reference at ${last.records} / at ${first.records}: ${(last.reference / first.reference).toFixed(2)}; ` +
      `whole dry run at ${last.records} / at ${first.records}: ${(last.whole / first.whole).toFixed(2)}`,
  );
  console.log(`flight: ${JOBS} jobs x ${STEPS} steps; median of ${REPEAT} interleaved rounds`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
