/** Markdown for people: the check's table and the divergence report. */
import type { Classification, Counts } from './classifier.js';
import type { DivergenceReport } from './divergence.js';

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
    `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`,
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
      `| ${cell(commitTitle(c))} | ${c.class} | ${short(c.upstream)} | ${c.patch ?? ''} | ${cell(noteOf(c))} |`,
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
