/**
 * The page model as static HTML and one stylesheet: a real table (a column header per flight,
 * a row header per job and step), every cell marked in text as well as in colour, every text
 * from a record escaped (a step's name is data, never markup), links only to http(s). Nothing
 * runs in the browser: paging is plain links between page-N.html files.
 */
import type { Cell, FlightColumn, PageModel, StepRow } from './model.js';
import { describeRef } from './model.js';

export const STYLESHEET = 'history.css';
export const GENERATOR = 'tributary history';

/** Text and attribute values: every character that could open markup or close a quote. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"'`]/g,
    (ch) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]!,
  );
}

export const pageFile = (n: number) => `page-${n}.html`;

const short = (rev: string) => rev.slice(0, 12);

const MARK_HELP: [string, string][] = [
  ['pass', 'the step passed'],
  [
    'fail',
    'a regression: it passed in the baseline (the flight this one was judged against) and fails now',
  ],
  ['blocked', 'not run because a step before it failed'],
  [
    'allowable',
    'fails, but does not block: it failed in the baseline too, or never passed, or is allowed',
  ],
  [
    'pass-in',
    'pass in …: fails here, passed in another attempt or another flight of the same revision (flaky)',
  ],
  ['skip', 'skipped'],
  ['not-run', 'not run: the flight had no such job or step'],
];

function link(href: string | undefined, text: string, attrs = ''): string {
  return href ? `<a href="${esc(href)}"${attrs}>${esc(text)}</a>` : esc(text);
}

/** The gate's verdict as a person says it: pushed, push (nothing to move), refused, retry. */
function verdictText(c: FlightColumn): string | undefined {
  if (c.verdict === 'push') return c.pushed ? 'pushed' : 'push';
  return c.verdict === 'refuse' ? 'refused' : c.verdict;
}

function columnHeader(c: FlightColumn, i: number): string {
  const said = verdictText(c);
  const verdict = said
    ? `<span class="verdict verdict-${esc(c.verdict!)}">${esc(said)}</span>`
    : '';
  const trees = c.trees
    .map(
      (t) =>
        `<span class="tree">${esc(t.name)} <code title="${esc(t.revision)}">${esc(short(t.revision))}</code></span>`,
    )
    .join('');
  return (
    `<th scope="col" id="flight-${i + 1}" class="flight"${c.reason ? ` title="${esc(c.reason)}"` : ''}>` +
    `<span class="flight-id">${link(c.runUrl, c.flight)}</span>` +
    `<time datetime="${esc(c.recordedAt)}">${esc(c.recordedAt.replace('T', ' ').slice(0, 16))}</time>` +
    `<code class="revision" title="${esc(c.revision)}">${esc(short(c.revision))}</code>` +
    trees +
    verdict +
    `</th>`
  );
}

/** `headers` names the cell's job, step and flight headers, for screen readers (and tests). */
function cell(c: Cell, headers: string): string {
  return `<td class="cell ${c.mark}" headers="${headers}" title="${esc(c.detail)}">${link(c.href, c.text)}</td>`;
}

function pastCells(row: StepRow): string {
  if (!row.failingSince && !row.neverPassed) return '<td class="past"></td><td class="past"></td>';
  return (
    `<td class="past">${row.failingSince ? esc(describeRef(row.failingSince)) : ''}</td>` +
    `<td class="past">${row.neverPassed ? 'never' : esc(describeRef(row.lastPass))}</td>`
  );
}

function nav(m: PageModel): string {
  const items: string[] = [];
  items.push(
    m.page > 1
      ? `<a href="${pageFile(m.page - 1)}" rel="prev">Newer flights</a>`
      : '<span>Newer flights</span>',
  );
  for (let p = 1; p <= m.pages; p++)
    items.push(
      p === m.page ? `<span aria-current="page">${p}</span>` : `<a href="${pageFile(p)}">${p}</a>`,
    );
  items.push(
    m.page < m.pages
      ? `<a href="${pageFile(m.page + 1)}" rel="next">Older flights</a>`
      : '<span>Older flights</span>',
  );
  const more =
    m.more && m.page === m.pages
      ? '<p class="more">Older flights exist but are not on these pages (<code>tributary history --pages</code> sets how many pages are written).</p>'
      : '';
  return `<nav aria-label="Pages"><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></nav>${more}`;
}

function table(m: PageModel): string {
  if (!m.columns.length) return '<p class="empty">No flight recorded yet.</p>';
  const head =
    '<thead><tr><th scope="col">Job</th><th scope="col">Step</th>' +
    '<th scope="col">Failing since</th><th scope="col">Last pass</th>' +
    m.columns.map(columnHeader).join('') +
    '</tr></thead>';
  const body = m.jobs
    .map((g, j) => {
      const rows = g.rows.map((row, i) => {
        const jobHeader =
          i === 0
            ? `<th scope="rowgroup" rowspan="${g.rows.length}" id="job-${j + 1}" class="job">${esc(g.job)}</th>`
            : '';
        const step = `step-${j + 1}-${i + 1}`;
        const cells = row.cells.map((c, f) => cell(c, `job-${j + 1} ${step} flight-${f + 1}`));
        return `<tr>${jobHeader}<th scope="row" id="${step}" class="step">${esc(row.step)}</th>${pastCells(row)}${cells.join('')}</tr>`;
      });
      return `<tbody>${rows.join('')}</tbody>`;
    })
    .join('');
  const first = (m.page - 1) * m.perPage + 1;
  const caption = `Flights ${first} to ${first + m.columns.length - 1}, newest first: one column per flight, one row per job and step.`;
  return `<div class="scroll"><table><caption>${esc(caption)}</caption>${head}${body}</table></div>`;
}

function newest(m: PageModel): string {
  const c = m.columns[0];
  if (!c || m.page !== 1) return '';
  const rows = m.jobs.flatMap((g) => g.rows);
  const failing = rows.filter((r) => r.cells[0].mark === 'fail').map((r) => `${r.job} / ${r.step}`);
  const blocked = rows.filter((r) => r.cells[0].mark === 'blocked').length;
  const said = verdictText(c);
  return (
    `<p class="newest">Newest flight: <strong>${link(c.runUrl, c.flight)}</strong> of <code>${esc(short(c.revision))}</code>, ${esc(c.recordedAt.replace('T', ' ').slice(0, 16))} UTC` +
    (said ? `: <strong>${esc(said)}</strong>` : '') +
    (failing.length
      ? `. Regressions: ${failing.map(esc).join(', ')}${blocked ? ` (and ${blocked} step${blocked > 1 ? 's' : ''} blocked)` : ''}`
      : c.reason
        ? ` (${esc(c.reason)})`
        : '') +
    '.</p>'
  );
}

function legend(): string {
  return (
    '<details class="legend" open><summary>What the cells say</summary><dl>' +
    MARK_HELP.map(
      ([mark, help]) =>
        `<div><dt><span class="cell ${mark}">${mark === 'pass-in' ? 'pass in …' : mark.replace('-', ' ')}</span></dt><dd>${esc(help)}</dd></div>`,
    ).join('') +
    '</dl></details>'
  );
}

function damaged(m: PageModel): string {
  if (!m.damaged.length) return '';
  return (
    '<section class="damaged"><h2>Records that could not be read</h2><ul>' +
    m.damaged.map((d) => `<li><code>${esc(d.commit)}</code>: ${esc(d.error)}</li>`).join('') +
    '</ul></section>'
  );
}

export function renderPage(m: PageModel): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${GENERATOR}">`,
    `<title>${esc(m.title)}${m.pages > 1 ? ` (page ${m.page} of ${m.pages})` : ''}</title>`,
    `<link rel="stylesheet" href="${STYLESHEET}">`,
    '</head>',
    '<body>',
    `<header><h1>${esc(m.title)}</h1>`,
    `<p class="generated">Generated ${esc(m.generatedAt)} by ${GENERATOR}. Page ${m.page} of ${m.pages}, ${m.perPage} flights a page.</p>`,
    newest(m),
    '</header>',
    '<main>',
    nav(m),
    table(m),
    damaged(m),
    legend(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Colours are paired with text marks; each background keeps dark text readable (WCAG AA). */
export const CSS = `:root { color-scheme: light; --fg: #1b1b1b; --muted: #595959; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; margin: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; }
.generated, .more, .empty { color: var(--muted); }
code { font: 12px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0.5rem 0; }
nav a, nav span { display: inline-block; padding: 0.15rem 0.5rem; border: 1px solid var(--line); border-radius: 3px; }
nav span { color: var(--muted); }
nav [aria-current="page"] { color: var(--fg); font-weight: bold; border-color: var(--fg); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.4rem; vertical-align: top; }
thead th { background: #f2f2f2; position: sticky; top: 0; text-align: left; }
th.flight { min-width: 7.5rem; max-width: 10rem; font-weight: normal; }
th.flight > * { display: block; }
.flight-id { font-weight: bold; overflow-wrap: anywhere; }
.tree { color: var(--muted); font-size: 12px; }
.verdict { font-weight: bold; }
.verdict-refuse { color: #9b1c1c; }
.verdict-push { color: #1d5e20; }
th.job, th.step { text-align: left; background: #fafafa; overflow-wrap: anywhere; max-width: 14rem; }
td.past { color: var(--muted); font-size: 12px; max-width: 12rem; }
.cell { text-align: center; white-space: normal; overflow-wrap: anywhere; }
.cell a { color: inherit; }
.cell.pass { background: #d3ecd3; color: #143d14; }
.cell.fail { background: #f4c7c3; color: #6b0f0f; font-weight: bold; }
.cell.blocked { background: #e6d2b5; color: #4d3510; }
.cell.allowable { background: #fbeab0; color: #4d3d00; }
.cell.pass-in { background: #dcd4f4; color: #2e1f66; }
.cell.skip { background: #ececec; color: var(--muted); }
.cell.not-run { background: #fff; color: #767676; }
.legend dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.25rem 1rem; }
.legend dl div { display: flex; gap: 0.5rem; align-items: baseline; }
.legend dt .cell { display: inline-block; min-width: 5.5rem; padding: 0.1rem 0.4rem; border: 1px solid var(--line); }
.legend dd { margin: 0; }
.damaged { border-left: 4px solid #9b1c1c; padding-left: 0.75rem; }
`;
