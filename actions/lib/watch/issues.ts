/**
 * One issue per regression of a series (series, job, step), found again by its marker: opened
 * once, commented while it lasts, closed with the flight where it passes again. A step the
 * heisenbug rule calls flaky is labelled flaky and never reopens its issue. What to do is
 * planned by a pure function from the comparison and the issues found; the keeper (the GitHub
 * module's, behind `RegressionIssues`) then does it.
 */
import type { FlightRef, TreeRevision } from '../flight.js';
import type { Comparison, StepChange } from './compare.js';

/** An issue the keeper found by marker. */
export interface KeptIssue {
  number: number;
  state: 'open' | 'closed';
  labels: string[];
  url?: string;
}

export interface NewIssue {
  marker: string;
  title: string;
  body: string;
  labels: string[];
}

/** What the watch asks of an issue keeper: find by marker, open, comment, close, reopen, label. */
export interface RegressionIssues {
  /** For each marker, its open issue, else its newest closed one; absent when none. */
  find(markers: string[]): Promise<Map<string, KeptIssue>>;
  open(issue: NewIssue): Promise<KeptIssue>;
  comment(issue: number, body: string): Promise<void>;
  close(issue: number): Promise<void>;
  reopen(issue: number): Promise<void>;
  addLabels(issue: number, labels: string[]): Promise<void>;
}

export type IssueActionKind = 'open' | 'comment' | 'reopen' | 'close' | 'label-flaky';

export interface IssueAction {
  kind: IssueActionKind;
  job: string;
  step: string;
  marker: string;
  /** The issue acted on (open: set once opened). */
  issue?: number;
  title?: string;
  /** The new issue's body, or the comment. */
  body: string;
  labels?: string[];
}

export interface IssuePolicy {
  labels: string[];
  flakyLabel: string;
}

/** What the issues say of the flight: its trees and where to read its logs. */
export interface FlightContext {
  trees: TreeRevision[];
  runUrl?: string;
  /** The previous flight's trees (the revisions of the last pass, for a new regression). */
  previousTrees?: TreeRevision[];
}

/** The hidden line that finds a regression's issue again; `--` cannot end the comment early. */
export function regressionMarker(series: string, job: string, step: string): string {
  const part = (s: string) => JSON.stringify(s).replace(/--/g, '-\\u002d');
  return `<!-- tributary:watch series=${part(series)} job=${part(job)} step=${part(step)} -->`;
}

export const describeFlight = (r: FlightRef | undefined): string =>
  r ? `flight ${r.flight} (${r.at.slice(0, 10)}, ${r.revision.slice(0, 12)})` : 'never';

function treesLine(trees: TreeRevision[] | undefined): string {
  return trees?.length ? trees.map((t) => `${t.name} \`${t.revision}\``).join(', ') : '(unknown)';
}

function logLines(c: StepChange, ctx: FlightContext): string[] {
  const lines: string[] = [];
  if (c.log) lines.push(`- log: ${c.log}`);
  if (ctx.runUrl) lines.push(`- flight run: ${ctx.runUrl}`);
  return lines;
}

function issueBody(cmp: Comparison, c: StepChange, ctx: FlightContext): string {
  return [
    `Step \`${c.step}\` of job \`${c.job}\` in the watch series \`${cmp.series}\` ${c.lastPass ? 'passed before and fails now' : 'fails'}: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
    '',
    `- series: \`${cmp.series}\``,
    `- job: \`${c.job}\`, step: \`${c.step}\``,
    `- failing since: ${describeFlight(c.failingSince ?? cmp.flight)}`,
    `- last pass: ${describeFlight(c.lastPass)}`,
    `- revisions now: ${treesLine(ctx.trees)}`,
    ...(c.lastPass && ctx.previousTrees && c.lastPass.flight === cmp.previous?.flight
      ? [`- revisions at the last pass: ${treesLine(ctx.previousTrees)}`]
      : []),
    ...logLines(c, ctx),
    '',
    'tributary keeps this issue: a comment while the step keeps failing, closed by the flight where it passes again.',
  ].join('\n');
}

const persists = (cmp: Comparison, c: StepChange, ctx: FlightContext, what: string) =>
  [
    `${what} in ${describeFlight(cmp.flight)}: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
    '',
    `- revisions: ${treesLine(ctx.trees)}`,
    `- failing since: ${describeFlight(c.failingSince)}; last pass: ${describeFlight(c.lastPass)}`,
    ...logLines(c, ctx),
  ].join('\n');

/**
 * The issue actions for a comparison, given the issues found by marker. Pure: the same
 * comparison and issues give the same actions, so a re-run does what the first run left undone.
 */
export function planIssues(
  cmp: Comparison,
  found: Map<string, KeptIssue>,
  policy: IssuePolicy,
  ctx: FlightContext,
): IssueAction[] {
  const actions: IssueAction[] = [];
  const marker = (c: { job: string; step: string }) => regressionMarker(cmp.series, c.job, c.step);
  const flaky = (i: KeptIssue) => i.labels.includes(policy.flakyLabel);
  const title = (c: StepChange) => `Regression in ${cmp.series}: ${c.job} ${c.step}`;
  for (const c of cmp.regressions) {
    const m = marker(c);
    const issue = found.get(m);
    const base = { job: c.job, step: c.step, marker: m };
    if (!issue)
      actions.push({
        ...base,
        kind: 'open',
        title: title(c),
        body: issueBody(cmp, c, ctx),
        labels: policy.labels,
      });
    else if (issue.state === 'open')
      actions.push({
        ...base,
        kind: 'comment',
        issue: issue.number,
        body: persists(cmp, c, ctx, 'Fails again'),
      });
    else if (flaky(issue))
      // A flaky step's issue stays closed: the history says how often, not a reopened issue.
      actions.push({
        ...base,
        kind: 'comment',
        issue: issue.number,
        body: persists(cmp, c, ctx, 'Failed again (flaky)'),
      });
    else
      actions.push({
        ...base,
        kind: 'reopen',
        issue: issue.number,
        body: persists(cmp, c, ctx, 'Regressed again'),
      });
  }
  for (const c of cmp.flaky) {
    const m = marker(c);
    const issue = found.get(m);
    if (!issue || flaky(issue)) continue;
    actions.push({
      kind: 'label-flaky',
      job: c.job,
      step: c.step,
      marker: m,
      issue: issue.number,
      labels: [policy.flakyLabel],
      body: `Flaky in ${describeFlight(cmp.flight)}: ${c.now}, but passed in ${c.passIn}.`,
    });
  }
  for (const c of cmp.stillFailing) {
    const m = marker(c);
    const issue = found.get(m);
    const base = { job: c.job, step: c.step, marker: m };
    if (issue?.state === 'open')
      actions.push({
        ...base,
        kind: 'comment',
        issue: issue.number,
        body: persists(cmp, c, ctx, 'Still failing'),
      });
    // A regression whose issue was never opened (an earlier run without a repository, or
    // one that stopped before its issues): opened now. One closed by hand stays closed.
    else if (!issue && c.lastPass)
      actions.push({
        ...base,
        kind: 'open',
        title: title(c),
        body: issueBody(cmp, c, ctx),
        labels: policy.labels,
      });
  }
  for (const p of cmp.passing) {
    const m = marker(p);
    const issue = found.get(m);
    if (issue?.state !== 'open') continue;
    actions.push({
      kind: 'close',
      job: p.job,
      step: p.step,
      marker: m,
      issue: issue.number,
      body: [
        `Passes again in ${describeFlight(cmp.flight)}: closing.`,
        '',
        `- revisions: ${treesLine(ctx.trees)}`,
        ...(ctx.runUrl ? [`- flight run: ${ctx.runUrl}`] : []),
      ].join('\n'),
    });
  }
  return actions;
}

/** The markers whose issues the plan needs to know. */
export function markersOf(cmp: Comparison): string[] {
  const all = [...cmp.regressions, ...cmp.flaky, ...cmp.stillFailing, ...cmp.passing];
  return [...new Set(all.map((c) => regressionMarker(cmp.series, c.job, c.step)))];
}

/** Does the planned actions with the keeper; returns them with the issue numbers filled in. */
export async function applyIssues(
  keeper: RegressionIssues,
  actions: IssueAction[],
): Promise<IssueAction[]> {
  const done: IssueAction[] = [];
  for (const a of actions) {
    switch (a.kind) {
      case 'open': {
        const issue = await keeper.open({
          marker: a.marker,
          title: a.title!,
          body: a.body,
          labels: a.labels ?? [],
        });
        done.push({ ...a, issue: issue.number });
        continue;
      }
      case 'comment':
        await keeper.comment(a.issue!, a.body);
        break;
      case 'reopen':
        await keeper.reopen(a.issue!);
        await keeper.comment(a.issue!, a.body);
        break;
      case 'close':
        await keeper.comment(a.issue!, a.body);
        await keeper.close(a.issue!);
        break;
      case 'label-flaky':
        await keeper.addLabels(a.issue!, a.labels ?? []);
        await keeper.comment(a.issue!, a.body);
        break;
    }
    done.push(a);
  }
  return done;
}
