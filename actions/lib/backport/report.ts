/** Markdown for people: the check's table and the divergence report. */
import type { Classification, Counts } from './classifier.js';
import type { DivergenceReport } from './divergence.js';
import { IssueKeeper, type GitHubRepository, type KeptIssue } from '../github.js';
import { type Logger, count } from '../log.js';

const short = (id?: string) => (id ? id.slice(0, 12) : '');

/** A table cell: pipes and line breaks would end the cell early. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

/** `1234567890ab subject`: how a commit is named in annotations and tables. */
export function commitTitle(c: { commit: string; subject: string }): string {
  return `${short(c.commit)} ${c.subject}`;
}

export function countsLine(counts: Counts): string {
  const parts = [
    `${counts.commits} commits`,
    `${counts.upstream} upstream`,
    `${counts.backport} backport`,
    `${counts.revert} revert`,
    `${counts['downstream-only']} downstream-only`,
    `${counts.sync} sync`,
    `${counts.merge} merge`,
    `${counts.violation} violation`,
    `${count(counts.warnings, 'warning')}`,
  ];
  return parts.join(', ');
}

/** What the Note column says: the problem first, then warnings, then facts. */
export function noteOf(c: Classification): string {
  const parts: string[] = [];
  if (c.class === 'violation' && c.reason) parts.push(`✗ ${c.reason}`);
  else if (c.reason) parts.push(c.reason);
  if (c.reverts) parts.push(`reverts ${short(c.reverts)}`);
  for (const w of c.warnings) parts.push(`⚠ ${w}`);
  parts.push(...c.notes);
  return parts.join('; ');
}

export function classificationTable(list: Classification[]): string {
  const rows = [
    '| Commit | Class | Upstream commit | Patch | Note |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of list) {
    rows.push(
      `| ${cell(commitTitle(c))} | ${c.class} | ${(c.upstreams ?? [c.upstream]).map(short).join(', ')} | ${c.patch ?? ''} | ${cell(noteOf(c))} |`,
    );
  }
  return rows.join('\n');
}

export function divergenceMarkdown(r: DivergenceReport): string {
  const out: string[] = [];
  out.push(
    `## Divergence of ${r.downstream.revision} from upstream`,
    '',
    `Downstream \`${short(r.downstream.commit)}\`, following \`${r.followed.revision}\` (\`${short(r.followed.commit)}\`), development branch \`${r.development.revision}\`; next sync to \`${r.target.revision}\` (\`${short(r.target.commit)}\`).`,
    '',
    countsLine(r.counts),
    '',
    `### Downstream-only (${r.downstreamOnly.length})`,
    '',
  );
  if (r.downstreamOnly.length) {
    out.push('| Commit | Reason |', '| --- | --- |');
    for (const c of r.downstreamOnly) out.push(`| ${cell(commitTitle(c))} | ${cell(c.reason)} |`);
  } else out.push('None.');
  if (r.unexplained.length) {
    out.push('', `### Unexplained: neither upstream nor declared (${r.unexplained.length})`, '');
    out.push('| Commit | Why |', '| --- | --- |');
    for (const c of r.unexplained)
      out.push(`| ${cell(commitTitle(c))} | ${cell(c.reason ?? '')} |`);
  }
  out.push('', `### Upstream now carries (${r.carried.length})`, '');
  if (r.carried.length) {
    out.push(
      '| Commit | Declared downstream-only | Upstream commit | Matched by | Patch |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of r.carried)
      out.push(
        `| ${cell(commitTitle(c))} | ${cell(c.declared ?? '')} | ${cell(`${short(c.upstream)} ${c.upstreamSubject}`)} | ${c.match} | ${c.patch} |`,
      );
  } else out.push('Nothing that exists only downstream is upstream yet.');
  out.push(
    '',
    `### Before syncing to ${r.target.revision}: revert or drop, in this order (${r.supersededByTarget.length})`,
    '',
  );
  if (r.supersededByTarget.length) {
    out.push(
      '| # | Action | Commit | Superseded by | Matched by | Patch |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    r.supersededByTarget.forEach((c, i) =>
      out.push(
        `| ${i + 1} | ${c.action} | ${cell(commitTitle(c))} | ${cell(`${short(c.upstream)} ${c.upstreamSubject}`)} | ${c.match} | ${c.patch} |`,
      ),
    );
  } else out.push(`Nothing: no downstream commit is superseded by ${r.target.revision}.`);
  return out.join('\n') + '\n';
}

/** GitHub shows this many error, and as many warning, annotations of a step; the rest are lost. */
export const ANNOTATIONS_SHOWN = 10;

export interface CheckAnnotation {
  title?: string;
  message: string;
}

export interface CheckAnnotations {
  /** Violations, oldest first, as many as leave room for the failure message. */
  errors: CheckAnnotation[];
  /** Commits with warnings, then, when they do not all fit, a line saying how many more. */
  warnings: CheckAnnotation[];
  /** Violations without an annotation of their own: the failure message says how many. */
  violationsLeft: number;
}

/**
 * The annotations of a check, within what GitHub shows: at most 9 violations (the step's
 * failure message is the 10th error), and at most 9 commits with warnings and a 10th saying
 * how many more the job summary lists. `warningsBefore` counts warnings already given in
 * the step (a base gone by force-push), which take room too.
 */
export function checkAnnotations(list: Classification[], warningsBefore = 0): CheckAnnotations {
  const room = ANNOTATIONS_SHOWN - 1;
  const violations = list.filter((c) => c.class === 'violation');
  const warned = list.filter((c) => c.class !== 'violation' && c.warnings.length);
  const errors = violations
    .slice(0, room)
    .map((c) => ({ title: commitTitle(c), message: noteOf(c) }));
  const warningRoom = Math.max(0, ANNOTATIONS_SHOWN - warningsBefore);
  const fits = warned.length <= warningRoom;
  const shown = fits ? warned : warned.slice(0, Math.max(0, warningRoom - 1));
  const warnings: CheckAnnotation[] = shown.map((c) => ({
    title: commitTitle(c),
    message: c.warnings.join('; '),
  }));
  const left = warned.length - shown.length;
  if (left && warningRoom > 0)
    warnings.push({
      message: `${left} more commit${left === 1 ? '' : 's'} with warnings ${left === 1 ? 'is' : 'are'} listed only in the job summary (GitHub shows ${ANNOTATIONS_SHOWN} warnings a step).`,
    });
  return { errors, warnings, violationsLeft: violations.length - errors.length };
}

/**
 * Keeps the divergence report of a branch in one issue (the GitHub module's issue keeper):
 * found by its marker, updated in place, opened only when none is open.
 */
export async function keepDivergenceIssue(
  repository: GitHubRepository,
  branch: string,
  issue: { title: string; labels: string[] },
  markdown: string,
  logger?: Logger,
): Promise<KeptIssue> {
  const keeper = new IssueKeeper(repository, 'divergence', { labels: issue.labels, logger });
  return keeper.keep(`${repository.fullName} ${branch}`, { title: issue.title, body: markdown });
}
