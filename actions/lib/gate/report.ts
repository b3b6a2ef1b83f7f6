/**
 * What the gate tells people: the commit status line and the job summary, with the regression
 * table first (osstest's report: since when it fails, the last flight where it passed) and the
 * allowable failures below it.
 */
import type { FlightRecord, FlightRef } from '../flight.js';
import type { Annotation, Verdict } from '../github.js';
import { count } from '../log.js';
import type { Decision, Finding } from './decide.js';
import type { GateOutcome, NotCarried } from './model.js';

export const STATUS_CONTEXT = 'tributary/push-gate';

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ref = (r: FlightRef | undefined) =>
  r ? `flight ${r.flight} (${r.revision.slice(0, 12)}, ${r.at.slice(0, 10)})` : '';
const link = (log: string | undefined) =>
  !log ? '' : /^https?:\/\//.test(log) ? `[log](${log})` : `\`${cell(log)}\``;

const KIND: Record<Finding['kind'], string> = {
  regression: 'regression',
  missing: 'required job missing or cancelled',
  'not-run': 'did not run',
  'failed-in-baseline': 'failed in the baseline too',
  'never-passed': 'never passed',
  'no-baseline': 'no baseline to judge against',
  flaky: 'flaky',
  allowed: 'allow list',
};

/** The commit status: state and a description GitHub accepts (≤ 140 characters). */
export function statusOf(outcome: GateOutcome): {
  state: 'success' | 'failure' | 'pending' | 'error';
  description: string;
} {
  const d = outcome.decision;
  const n = d.regressions.length;
  const regressions = count(n, 'regression');
  let state: 'success' | 'failure' | 'pending' | 'error';
  let text: string;
  if (outcome.error) {
    state = 'error';
    text = `${regressions}; not pushed: ${outcome.error}`;
  } else if (d.verdict === 'retry') {
    state = 'pending';
    text = `${regressions} in non-build steps; a fresh flight was asked for`;
  } else if (d.verdict === 'push') {
    state = 'success';
    const done = outcome.pushed
      ? `pushed to ${outcome.tested}`
      : outcome.alreadyThere
        ? `already on ${outcome.tested}`
        : 'dry run, not pushed';
    text = `${regressions}${d.forced ? ` (forced by ${d.forced.actor})` : ''}; ${done}`;
  } else {
    state = 'failure';
    text = n
      ? `${regressions}: ${d.regressions.map((r) => `${r.job} ${r.step}`).join(', ')}`
      : d.reason;
  }
  return { state, description: text.length > 140 ? text.slice(0, 137) + '...' : text };
}

function regressionTable(rows: Finding[]): string[] {
  return [
    '| job | step | baseline | now | failing since | last passed in | log |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(r.job)} | ${cell(r.step)} | ${r.baseline ?? '—'} | ${r.now}${r.build ? ' (build)' : ''} | ${ref(r.failingSince) || (r.kind === 'missing' || r.kind === 'not-run' ? cell(r.message) : 'this flight')} | ${ref(r.lastPass) || 'never'} | ${link(r.log)} |`,
    ),
  ];
}

function allowableTable(rows: Finding[]): string[] {
  return [
    '| job | step | why | baseline | now | failing since | last passed in | log |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const why =
        r.kind === 'flaky'
          ? `flaky: pass in ${r.passIn}`
          : r.allowedBy
            ? `allow list: ${cell(r.allowedBy.reason)} ([issue](${r.allowedBy.issue}), until ${r.allowedBy.expires})`
            : KIND[r.kind];
      return `| ${cell(r.job)} | ${cell(r.step)} | ${why} | ${r.baseline ?? '—'} | ${r.now} | ${ref(r.failingSince) || 'this flight'} | ${ref(r.lastPass) || 'never'} | ${link(r.log)} |`;
    }),
  ];
}

/**
 * An annotation per regression (and per allowable failure, as a notice), on `.github` line 1
 * as GitHub places annotations that belong to no file: the Checks tab lists them by step.
 */
function annotationsOf(d: Decision): Annotation[] {
  const at = { path: '.github', start_line: 1, end_line: 1 };
  return [
    ...d.regressions.map((r): Annotation => ({
      ...at,
      annotation_level: 'failure',
      title: `Regression: ${r.job} ${r.step}`,
      message: `${r.baseline ?? 'not run'} in the baseline, ${r.now} now${r.lastPass ? `; last passed in ${ref(r.lastPass)}` : ''}${r.log ? `; log: ${r.log}` : ''}`,
    })),
    ...d.allowable.map((r): Annotation => ({
      ...at,
      annotation_level: 'notice',
      title: `Allowed: ${r.job} ${r.step}`,
      message: r.kind === 'flaky' ? `flaky: pass in ${r.passIn}` : KIND[r.kind],
    })),
  ];
}

/** The verdict as GitHub shows it: a check run (summary, annotations) or a commit status. */
export function verdictOf(outcome: GateOutcome, detailsUrl?: string): Verdict {
  const st = statusOf(outcome);
  return {
    sha: outcome.revision,
    name: STATUS_CONTEXT,
    state: st.state,
    description: st.description,
    summary: renderSummary(outcome),
    annotations: annotationsOf(outcome.decision),
    detailsUrl,
  };
}

/**
 * The trees other than the one under test whose revision moved since the baseline flight, job
 * by job (each job's own trees, else its flight's), grouped by move: a regression may be the
 * consumer's change, not the gated tree's.
 */
export function treesMoved(
  record: FlightRecord,
  baseline: FlightRecord | undefined,
): { tree: string; from: string; to: string; jobs: string[] }[] {
  if (!baseline) return [];
  const moves = new Map<string, { tree: string; from: string; to: string; jobs: string[] }>();
  for (const job of record.jobs) {
    const before = baseline.jobs.find((j) => j.name === job.name);
    if (!before) continue;
    const then = new Map((before.trees ?? baseline.trees).map((t) => [t.name, t.revision]));
    for (const t of job.trees ?? record.trees) {
      const from = then.get(t.name);
      if (t.name === record.tree || !from || from === t.revision) continue;
      const key = `${t.name} ${from} ${t.revision}`;
      const move = moves.get(key) ?? { tree: t.name, from, to: t.revision, jobs: [] };
      move.jobs.push(job.name);
      moves.set(key, move);
    }
  }
  return [...moves.values()];
}

/** The job summary in Markdown. */
export function renderSummary(outcome: GateOutcome): string {
  const d: Decision = outcome.decision;
  const verdict = outcome.error
    ? `not pushed: ${outcome.error}`
    : d.verdict === 'push'
      ? outcome.pushed
        ? `pushed ${outcome.revision.slice(0, 12)} to ${outcome.tested}`
        : outcome.alreadyThere
          ? `already there: ${outcome.tested} is at ${outcome.revision.slice(0, 12)}${outcome.record.decision?.dryRun ? ' (dry run)' : '; flight recorded'}`
          : `would push ${outcome.revision.slice(0, 12)} to ${outcome.tested} (dry run)`
      : d.verdict === 'retry'
        ? 'not pushed: a fresh flight of this revision was asked for'
        : `refused: ${d.reason}`;
  const out = [
    `## Push gate: ${outcome.tree} ${outcome.revision.slice(0, 12)} → ${outcome.tested}`,
    '',
    `**${cell(verdict)}**`,
    '',
    `- flight: ${outcome.record.flight}, ${count(outcome.record.jobs.length, 'job')}, ${count(
      outcome.record.jobs.reduce((n, j) => n + j.steps.length, 0),
      'step',
    )}`,
    `- baseline: ${outcome.baseline ? `flight ${outcome.baseline.record.flight} of ${outcome.baseline.record.revision.slice(0, 12)}${outcome.baseline.kind === 'ancestor' ? ` (the tested head ${outcome.testedHead.slice(0, 12)} has no record; nearest ancestor with one)` : ''}` : 'none'}`,
  ];
  for (const m of treesMoved(outcome.record, outcome.baseline?.record))
    out.push(
      `- ${cell(m.tree)} moved from ${m.from.slice(0, 12)} to ${m.to.slice(0, 12)} since the baseline (${m.jobs.map(cell).join(', ')})`,
    );
  if (d.forced) out.push(`- **forced** by ${cell(d.forced.actor)}: ${cell(d.forced.reason)}`);
  if (outcome.dispatched)
    out.push(
      `- asked for a flight of ${outcome.dispatched.revision.slice(0, 12)} (${outcome.dispatched.purpose}) via ${outcome.dispatched.workflow}`,
    );
  out.push('', `### Regressions (${d.regressions.length})`, '');
  out.push(...(d.regressions.length ? regressionTable(d.regressions) : ['None.']));
  if (d.allowable.length)
    out.push(
      '',
      `### Allowable failures (${d.allowable.length})`,
      '',
      ...allowableTable(d.allowable),
    );
  if (d.fixed.length)
    out.push(
      '',
      `### Passing now (${d.fixed.length})`,
      '',
      ...d.fixed.map(
        (f) => `- ${cell(f.job)} ${cell(f.step)} (baseline: ${f.baseline ?? 'not run'})`,
      ),
    );
  if (d.newJobs.length) out.push('', `New jobs: ${d.newJobs.map(cell).join(', ')}`);
  if (d.goneJobs.length)
    out.push('', `Jobs gone since the baseline: ${d.goneJobs.map(cell).join(', ')}`);
  if (d.expiredAllows.length)
    out.push(
      '',
      '### Expired allow-list entries (no longer allow)',
      '',
      ...d.expiredAllows.map(
        (e) =>
          `- ${cell(e.job)} / ${cell(e.step)}: expired ${e.expires} (${e.source}; [issue](${e.issue}))`,
      ),
    );
  if (d.staleAllows.length)
    out.push(
      '',
      '### Stale allow-list entries (their steps pass now)',
      '',
      ...d.staleAllows.map(
        (e) => `- ${cell(e.job)} / ${cell(e.step)} (${e.source}; [issue](${e.issue}))`,
      ),
    );
  return out.join('\n') + '\n';
}

/** The summary of a revision refused before judging: staging did not carry it. */
export function renderNotCarried(e: NotCarried): string {
  return [
    `## Push gate: ${e.revision.slice(0, 12)} refused`,
    '',
    `**refused: not carried by ${cell(e.branch)}**`,
    '',
    cell(e.message),
    '',
    `The gate pushes a revision only when the head of \`${cell(e.branch)}\` it fetched reaches it (or it is the tested head itself): a commit that exists only under \`refs/pull/*\`, a fork or another branch is never pushed, whoever dispatched the run.`,
    '',
  ].join('\n');
}
