/**
 * What a bisection says to people and to the workflow: the action's outputs (the next round's
 * matrix, or done and the culprit) and the result in Markdown, the text of the comment on the
 * regression's issue and of the job summary: the commit (full id, subject, author), the runs
 * it rests on with their flights and logs, or why nothing was blamed.
 */
import type { TreeRevision } from '../flight.js';
import { renderMarker } from '../github.js';
import type { BisectReport } from './repository.js';
import type { Run } from './runs.js';

/** One test of a round, as a matrix entry of the workflow's test job. */
export interface MatrixEntry {
  /** The tree the round moves (the watched one while finding whose change is at fault). */
  tree: string;
  revision: string;
  /** Every tree of the series: name → revision. */
  trees: Record<string, string>;
}

export interface BisectOutputs {
  done: boolean;
  matrix: MatrixEntry[];
  /** The blamed commit's full id, when one is blamed. */
  culprit: string;
}

export function bisectOutputs(report: BisectReport): BisectOutputs {
  if (report.kind === 'round')
    return {
      done: false,
      matrix: report.tests.map((t) => {
        const tree = report.tree ?? t.trees[0].name;
        return {
          tree,
          revision: t.trees.find((x) => x.name === tree)!.revision,
          trees: Object.fromEntries(t.trees.map((x) => [x.name, x.revision])),
        };
      }),
      culprit: '',
    };
  return {
    done: true,
    matrix: [],
    culprit: report.outcome === 'blamed' && report.commit ? report.commit.id : '',
  };
}

/** The marker kind of a bisection's comment (the GitHub module's one marker format). */
export const BISECT_MARKER = 'bisect';

/** The key of a bisection's comment: one comment a regression and range. */
export function bisectKey(r: Pick<BisectReport, 'series' | 'job' | 'step' | 'pass' | 'fail'>) {
  const rev = (t: { trees: TreeRevision[] }) => t.trees.map((x) => x.revision).join(',');
  return `${r.series} ${r.job} ${r.step} ${rev(r.pass)}..${rev(r.fail)}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const link = (text: string, url?: string) =>
  url && /^https?:\/\//.test(url) ? `[${text}](${url})` : text;

function trees(list: TreeRevision[]): string {
  return list.map((t) => `${t.name} ${code(t.revision.slice(0, 12))}`).join(', ');
}

/** The runs a result rests on: flight, trees, outcome, links to the job and the step's log. */
function evidenceTable(runs: Run[]): string[] {
  if (!runs.length) return ['No run is recorded for it.'];
  const rows = runs.map((r) => {
    const log = r.log
      ? /^https?:\/\//.test(r.log)
        ? link('log', r.log)
        : `${code(r.log)} in the job's artifact`
      : '';
    const outcome = r.outcome + (r.attempt ? ` (attempt ${r.attempt})` : '');
    return `| ${cell(link(r.flight, r.url))} | ${r.purpose} | ${trees(r.trees)} | ${outcome}${r.why && r.outcome !== 'pass' ? `: ${cell(r.why)}` : ''} | ${log} |`;
  });
  return ['| flight | purpose | trees | outcome | log |', '|---|---|---|---|---|', ...rows];
}

/** The result in Markdown: the issue comment and the job summary (a round: what it tests). */
export function renderBisect(report: BisectReport): string {
  const head = `### Bisection of ${code(report.job)} ${code(report.step)} (series ${code(report.series)})`;
  const range = `Last pass: flight ${code(report.pass.flight)} (${trees(report.pass.trees)}); first fail: flight ${code(report.fail.flight)} (${trees(report.fail.trees)}).`;
  const lines = [renderMarker(BISECT_MARKER, bisectKey(report)), head, '', range, ''];
  if (report.recorded.length)
    lines.push(
      `Recorded this time: ${report.recorded.map((f) => `${code(f.flight)} (${trees(f.trees)})`).join(', ')}.`,
      '',
    );
  if (report.kind === 'round') {
    lines.push(
      `Next round (${report.phase}${report.suspects ? `, ${report.suspects} suspect(s) left` : ''}): ${report.tests.length} test(s).`,
      '',
      '| # | trees | why |',
      '|---|---|---|',
      ...report.tests.map((t, i) => `| ${i + 1} | ${trees(t.trees)} | ${cell(t.why)} |`),
    );
    return lines.join('\n') + '\n';
  }
  switch (report.outcome) {
    case 'blamed': {
      const c = report.commit!;
      lines.push(
        `**First bad commit** of ${code(report.tree ?? '')}: ${code(c.id)}`,
        '',
        `> ${c.subject ?? '(subject unknown)'}`,
        '',
        `Author: ${c.author ?? 'unknown'}${c.date ? `, ${c.date}` : ''}. Parent(s): ${c.parents.map(code).join(', ') || 'none'}.`,
      );
      if (report.held?.length) lines.push(`Other trees held at: ${trees(report.held)}.`);
      lines.push('', `Why: ${report.reason}.`);
      if (report.alsoAtFault?.length)
        lines.push(
          '',
          `The change of ${report.alsoAtFault.map(code).join(', ')} fails alone too: bisect it with input \`tree\`.`,
        );
      break;
    }
    case 'not-reproducible':
      lines.push(`**Not reproducible**: ${report.reason}.`);
      break;
    case 'untestable':
      lines.push(
        `**Untestable**: ${report.reason}.`,
        '',
        'The first bad commit is one of:',
        ...(report.candidates ?? []).map((c) => `- ${code(c.id)} ${c.subject ?? ''}`.trimEnd()),
      );
      break;
    case 'not-isolated':
      lines.push(`**Not isolated**: ${report.reason}.`);
      break;
  }
  lines.push('', '#### Evidence', '', ...evidenceTable(report.evidence));
  return lines.join('\n') + '\n';
}
