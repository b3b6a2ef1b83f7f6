/**
 * One issue per regression of a series (series, job, step), kept by the GitHub module's issue
 * keeper (marker kind `watch`): opened once, commented while the step keeps failing (once a
 * flight, so a re-run says nothing twice), closed with the flight where it passes again. A
 * step the heisenbug rule calls flaky (it failed and passed at the same revisions) never opens
 * an issue; its open issue is labelled flaky and stays open, so its next failures are comments
 * there, not an issue closed and opened again each time; a person closes it once fixed.
 * What to do is planned by a pure function from the comparison and the open issues found;
 * `keepIssues` then does it.
 */
import type { IssueItem, IssueKeeper } from '../github.js';
import type { FlightRef, TreeRevision } from '../flight.js';
import type { Comparison, StepChange } from './compare.js';

/** The keeper's marker kind for the regressions' issues. */
export const ISSUE_KIND = 'watch';

export type IssueActionKind = 'open' | 'comment' | 'close' | 'label-flaky';

export interface IssueAction {
  kind: IssueActionKind;
  job: string;
  step: string;
  /** The keeper's key: series, job and step. */
  key: string;
  /** The issue acted on (open: set once opened). */
  issue?: number;
  title?: string;
  /** The new issue's body, or the comment. */
  body: string;
  labels?: string[];
}

export interface IssuePolicy {
  flakyLabel: string;
}

/** What the issues say of the flight: its trees and where to read its logs. */
export interface FlightContext {
  trees: TreeRevision[];
  runUrl?: string;
  /** The previous flight's trees (the revisions of the last pass, for a new regression). */
  previousTrees?: TreeRevision[];
}

/** The keeper's key of a regression: one issue per series, job and step. */
export function regressionKey(series: string, job: string, step: string): string {
  return `${series} ${job} ${step}`;
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
    `Step \`${c.step}\` of job \`${c.job}\` in the watch series \`${cmp.series}\` passed before and fails now: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
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

const stillFails = (cmp: Comparison, c: StepChange, ctx: FlightContext, what: string) =>
  [
    `${what} in ${describeFlight(cmp.flight)}: ${c.now}${c.message ? ` (${c.message})` : ''}.`,
    '',
    `- revisions: ${treesLine(ctx.trees)}`,
    `- failing since: ${describeFlight(c.failingSince)}; last pass: ${describeFlight(c.lastPass)}`,
    ...logLines(c, ctx),
  ].join('\n');

/**
 * The issue actions for a comparison, given the open issues of the series by key. Pure: the
 * same comparison and issues give the same actions, so a re-run does what the first left undone.
 */
export function planIssues(
  cmp: Comparison,
  open: Map<string, IssueItem>,
  policy: IssuePolicy,
  ctx: FlightContext,
): IssueAction[] {
  const actions: IssueAction[] = [];
  const keyOf = (c: { job: string; step: string }) => regressionKey(cmp.series, c.job, c.step);
  const isFlaky = (i: IssueItem) => i.labels.includes(policy.flakyLabel);
  const labelFlaky = (c: { job: string; step: string }, issue: IssueItem, body: string) =>
    actions.push({
      kind: 'label-flaky',
      job: c.job,
      step: c.step,
      key: keyOf(c),
      issue: issue.number,
      labels: [policy.flakyLabel],
      body,
    });
  for (const c of cmp.regressions) {
    const key = keyOf(c);
    const issue = open.get(key);
    const base = { job: c.job, step: c.step, key };
    if (issue)
      actions.push({
        ...base,
        kind: 'comment',
        issue: issue.number,
        body: stillFails(cmp, c, ctx, isFlaky(issue) ? 'Failed again (flaky)' : 'Fails again'),
      });
    else
      actions.push({
        ...base,
        kind: 'open',
        title: `Regression in ${cmp.series}: ${c.job} ${c.step}`,
        body: issueBody(cmp, c, ctx),
      });
  }
  // Flaky: no issue is opened for it; an open one is labelled, once.
  for (const c of cmp.flaky) {
    const issue = open.get(keyOf(c));
    if (!issue || isFlaky(issue)) continue;
    labelFlaky(
      c,
      issue,
      `Flaky: in ${describeFlight(cmp.flight)} it ended ${c.now}, but passed in ${c.passIn} at the same revisions of every tree. The issue stays open, labelled \`${policy.flakyLabel}\`: close it once the step is reliable.`,
    );
  }
  for (const c of cmp.stillFailing) {
    const key = keyOf(c);
    const issue = open.get(key);
    if (!issue) continue;
    actions.push({
      kind: 'comment',
      job: c.job,
      step: c.step,
      key,
      issue: issue.number,
      body: stillFails(cmp, c, ctx, 'Still failing'),
    });
  }
  for (const p of cmp.passing) {
    const key = keyOf(p);
    const issue = open.get(key);
    if (!issue || isFlaky(issue)) continue;
    if (p.failedIn) {
      // It failed at these very revisions and passes now: the failure was a flake.
      labelFlaky(
        p,
        issue,
        `Flaky: passes in ${describeFlight(cmp.flight)}, but failed in ${p.failedIn} at the same revisions of every tree. The issue stays open, labelled \`${policy.flakyLabel}\`: close it once the step is reliable.`,
      );
      continue;
    }
    actions.push({
      kind: 'close',
      job: p.job,
      step: p.step,
      key,
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

/** The open issues of the comparison's steps, by key (one listing of the keeper's issues). */
export async function openIssuesOf(
  keeper: IssueKeeper,
  cmp: Comparison,
): Promise<Map<string, IssueItem>> {
  const found = new Map<string, IssueItem>();
  const steps = [...cmp.regressions, ...cmp.flaky, ...cmp.stillFailing, ...cmp.passing];
  for (const s of steps) {
    const key = regressionKey(cmp.series, s.job, s.step);
    if (found.has(key)) continue;
    const issue = await keeper.find(key);
    if (issue) found.set(key, issue);
  }
  return found;
}

/** Does the planned actions with the keeper; returns them with the issue numbers filled in. */
export async function keepIssues(
  keeper: IssueKeeper,
  cmp: Comparison,
  actions: IssueAction[],
): Promise<IssueAction[]> {
  const done: IssueAction[] = [];
  // Said once a flight: a re-run of the same flight comments nothing twice.
  const once = `${cmp.flight.flight} ${cmp.flight.revision}`;
  for (const a of actions) {
    switch (a.kind) {
      case 'open': {
        const issue = await keeper.keep(a.key, {
          title: a.title!,
          body: a.body,
          payload: { series: cmp.series, job: a.job, step: a.step },
        });
        done.push({ ...a, issue: issue.number });
        continue;
      }
      case 'comment':
        await keeper.comment(a.key, a.body, once);
        break;
      case 'close':
        await keeper.close(a.key, a.body);
        break;
      case 'label-flaky':
        await keeper.label(a.key, a.labels ?? []);
        await keeper.comment(a.key, a.body, once);
        break;
    }
    done.push(a);
  }
  return done;
}
