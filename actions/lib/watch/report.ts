/**
 * What a person reads after a watch run: the job summary (markdown) of each mode. The report
 * mode's tables say what regressed, what was fixed, what still fails since when and what is
 * flaky, with the issue kept for each.
 */
import type { FlightRef } from '../flight.js';
import type { StepChange } from './compare.js';
import { regressionKey } from './issues.js';
import type { BaselineOutcome, ReleasesOutcome, ReportOutcome, WatchOutcome } from './watch.js';
import { count } from '../log.js';

/** A table cell: no line breaks, no pipes. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const ref = (r: FlightRef | undefined) =>
  r ? `${r.flight} (${r.revision.slice(0, 12)})` : 'never';

function table(o: ReportOutcome, title: string, rows: StepChange[], kind: string): string[] {
  if (!rows.length) return [];
  const issues = new Map<string, number>();
  for (const a of o.issueActions) if (a.issue) issues.set(a.key, a.issue);
  const lines = [
    `### ${title} (${rows.length})`,
    '',
    '| job | step | kind | before | now | failing since | last pass | issue |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of rows) {
    const issue = issues.get(regressionKey(o.series, c.job, c.step));
    const what =
      kind === 'still failing' && c.neverPassed
        ? 'never passed'
        : kind === 'flaky'
          ? `flaky: passed in ${c.passIn}`
          : kind;
    lines.push(
      `| ${[
        c.job,
        c.step,
        what,
        c.before ?? 'not run',
        c.now,
        kind === 'fixed' ? '' : ref(c.failingSince),
        ref(c.lastPass),
        issue ? `#${issue}` : '',
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return [...lines, ''];
}

function renderReport(o: ReportOutcome): string {
  const c = o.comparison;
  const trees = o.record.trees.map((t) => `${t.name} \`${t.revision.slice(0, 12)}\``).join(', ');
  const lines = [
    `## tributary watch: ${o.series}`,
    '',
    `Flight ${o.record.flight}: ${trees}. ` +
      (c.previous
        ? `Compared with the previous flight ${ref(c.previous)}.`
        : 'The first flight of the series: nothing to compare with yet.'),
    '',
    `**${count(c.regressions.length, 'regression')}**, ${c.fixed.length} fixed, ${c.stillFailing.length} still failing, ${c.flaky.length} flaky. A watch flight gates nothing.`,
    '',
    ...table(o, 'Regressions', c.regressions, 'regression'),
    ...table(o, 'Fixed', c.fixed, 'fixed'),
    ...table(o, 'Still failing', c.stillFailing, 'still failing'),
    ...table(o, 'Flaky', c.flaky, 'flaky'),
    ...table(o, 'Not run', c.notRun, 'not run'),
  ];
  if (o.issueActions.length) {
    lines.push(o.issuesKept ? '### Issues' : '### Issues (not kept: no repository or token)', '');
    for (const a of o.issueActions)
      lines.push(
        `- ${a.kind} ${a.issue ? `#${a.issue}` : ''}: ${cell(a.job)} / ${cell(a.step)}`.replace(
          / {2,}/g,
          ' ',
        ),
      );
    lines.push('');
  }
  return lines.join('\n');
}

function renderBaseline(o: BaselineOutcome): string {
  return [
    '## tributary watch: baseline',
    '',
    '| branch | revision | source |',
    '|---|---|---|',
    ...o.baseline.map(
      (b) =>
        `| ${cell(b.branch)} | \`${b.revision}\` | ${b.source}${b.flight ? ` (flight ${cell(b.flight)})` : ''} |`,
    ),
    '',
  ].join('\n');
}

function renderReleases(o: ReleasesOutcome): string {
  return [
    '## tributary watch: releases',
    '',
    '| tag | kind |',
    '|---|---|',
    ...o.releases.map((r) => `| ${cell(r.tag)} | ${r.kind} |`),
    ...o.unmatched.map((t) => `| ${cell(t)} | unmatched: not a release |`),
    '',
  ].join('\n');
}

export function renderWatchSummary(o: WatchOutcome): string {
  if (o.mode === 'report') return renderReport(o);
  if (o.mode === 'baseline') return renderBaseline(o);
  return renderReleases(o);
}
