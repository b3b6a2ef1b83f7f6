/**
 * SECURITY.md names, for each claim of its threat model, the tests that check it, written
 * `test/<file>.test.ts` › "<test name>". This keeps those citations true: every cited file
 * exists and declares a test or suite of exactly that name (read with the TypeScript parser,
 * so a renamed or deleted test breaks this, not the document silently), none is skipped
 * outright, and every row of a table with a "checked by" column cites a test or says plainly
 * "not tested here". The README and CONTRIBUTING.md link to it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './harness/runner.js';

const TEST_CALLS = new Set(['it', 'test', 'describe', 'suite']);
const SKIPPING = new Set(['skip', 'todo']);

/** The literal names of the tests and suites a test file declares, and whether each is always
 * skipped (`it.skip`, `it.todo`, `{ skip: true }`). Names built at run time cannot be cited. */
export function declaredTests(source: string, file: string): Map<string, { skipped: boolean }> {
  const names = new Map<string, { skipped: boolean }>();
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let base: string | undefined;
      let modifier: string | undefined;
      if (ts.isIdentifier(callee)) base = callee.text;
      else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        base = callee.expression.text;
        modifier = callee.name.text;
      }
      const [first, second] = node.arguments;
      if (
        base &&
        TEST_CALLS.has(base) &&
        first &&
        (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))
      ) {
        const alwaysSkipped =
          second !== undefined &&
          ts.isObjectLiteralExpression(second) &&
          second.properties.some(
            (p) =>
              ts.isPropertyAssignment(p) &&
              ts.isIdentifier(p.name) &&
              SKIPPING.has(p.name.text) &&
              (p.initializer.kind === ts.SyntaxKind.TrueKeyword ||
                ts.isStringLiteral(p.initializer)),
          );
        names.set(first.text, {
          skipped: (modifier !== undefined && SKIPPING.has(modifier)) || alwaysSkipped,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

const CITATION = /`(test\/[\w./-]+\.test\.ts)` › "([^"]+)"/g;

export interface Cited {
  file: string;
  name: string;
  line: number;
}

export function citations(doc: string): Cited[] {
  return [...doc.matchAll(CITATION)].map((m) => ({
    file: m[1],
    name: m[2].replace(/\s+/g, ' ').trim(),
    line: doc.slice(0, m.index).split('\n').length,
  }));
}

/** Rows of a "checked by" table that cite no test and do not say that nothing checks them. */
export function uncheckedRows(doc: string, docName = 'SECURITY.md'): string[] {
  const findings: string[] = [];
  const lines = doc.split('\n');
  let column = -1;
  let inTable = false;
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) {
      inTable = false;
      return;
    }
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split('|')
      .map((c) => c.trim());
    if (!inTable) {
      inTable = true;
      column = cells.findIndex((c) => /checked by/i.test(c));
      return;
    }
    if (column < 0 || cells.every((c) => /^:?-+:?$/.test(c))) return;
    const cell = cells[column] ?? '';
    if (![...cell.matchAll(CITATION)].length && !/not tested here/i.test(cell))
      findings.push(`${docName}:${i + 1}: the row "${cells[0]}" cites no test`);
  });
  return findings;
}

/** What is wrong with a document's citations, one line each; read(file) gives a test file's
 * text, or undefined when there is none. */
export function citationFindings(
  doc: string,
  read: (file: string) => string | undefined,
  docName = 'SECURITY.md',
): string[] {
  const findings: string[] = [];
  const cache = new Map<string, Map<string, { skipped: boolean }> | undefined>();
  for (const c of citations(doc)) {
    if (!cache.has(c.file)) {
      const text = read(c.file);
      cache.set(c.file, text === undefined ? undefined : declaredTests(text, c.file));
    }
    const names = cache.get(c.file);
    const at = `${docName}:${c.line}: ${c.file}`;
    if (!names) findings.push(`${at}: no such test file`);
    else if (!names.has(c.name)) findings.push(`${at}: no test named "${c.name}"`);
    else if (names.get(c.name)?.skipped) findings.push(`${at}: "${c.name}" is always skipped`);
  }
  return [...findings, ...uncheckedRows(doc, docName)];
}

const readTest = (file: string): string | undefined => {
  const path = join(repoRoot, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

describe('SECURITY.md', () => {
  const doc = readFileSync(join(repoRoot, 'SECURITY.md'), 'utf8');

  it('cites only tests that exist, and a test for every claim of its tables', () => {
    assert.ok(citations(doc).length >= 30, `only ${citations(doc).length} citations`);
    assert.deepEqual(citationFindings(doc, readTest), []);
  });

  it('says how to report, and what each actor can and cannot do', () => {
    const headings = [...doc.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]);
    for (const h of [
      'Reporting a vulnerability',
      'What the push gate guarantees',
      'Which workflow holds which credential',
      'A committer',
      'A fork',
      'An upstream',
      'A host user',
      'Tokens',
      'What is not protected',
    ])
      assert.ok(headings.includes(h), `no section "${h}" (found: ${headings.join(', ')})`);
    assert.match(doc, /private vulnerability reporting/i);
  });

  it('is linked from the README and CONTRIBUTING.md', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md'])
      assert.match(readFileSync(join(repoRoot, file), 'utf8'), /\]\(SECURITY\.md\)/, file);
  });

  it('finds a citation of a test that does not exist, is skipped, or a claim citing none (the check can fail)', () => {
    const files: Record<string, string> = {
      'test/a.test.ts': [
        "describe('suite', () => {",
        "  it('real one', () => {});",
        "  it.skip('skipped one', () => {});",
        "  it('skipped too', { skip: true }, () => {});",
        "  it('skipped on some hosts', { skip: process.getuid?.() !== 0 && 'root' }, () => {});",
        '  it(`built ${1}`, () => {});',
        '});',
      ].join('\n'),
    };
    const bad = [
      '| claim | checked by |',
      '| --- | --- |',
      '| fine | `test/a.test.ts` › "real one", `test/a.test.ts` › "suite" |',
      '| gone | `test/a.test.ts` › "renamed one" |',
      '| file | `test/none.test.ts` › "real one" |',
      '| skip | `test/a.test.ts` › "skipped one"; `test/a.test.ts` › "skipped too" |',
      '| some | `test/a.test.ts` › "skipped on some hosts" |',
      '| built | `test/a.test.ts` › "built 1" |',
      '| bare | we promise |',
      '| said | not tested here (a GitHub setting) |',
      '',
      'Prose may cite across a line break: `test/a.test.ts` › "real',
      'one".',
    ].join('\n');
    assert.deepEqual(
      citationFindings(bad, (f) => files[f]),
      [
        'SECURITY.md:4: test/a.test.ts: no test named "renamed one"',
        'SECURITY.md:5: test/none.test.ts: no such test file',
        'SECURITY.md:6: test/a.test.ts: "skipped one" is always skipped',
        'SECURITY.md:6: test/a.test.ts: "skipped too" is always skipped',
        'SECURITY.md:8: test/a.test.ts: no test named "built 1"',
        'SECURITY.md:9: the row "bare" cites no test',
      ],
    );
  });
});
