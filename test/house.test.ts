/**
 * The house rules of CONTRIBUTING.md's layout, checked on the source itself: git is asked
 * only through the named verbs of actions/lib/git.ts (no raw argument arrays in the parts),
 * and the import rules ESLint enforces (the library never imports the runner, the runtime or
 * the command line; a part imports another only through its index.ts) really catch what they
 * are meant to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { repoRoot } from './harness/runner.js';

/** The git funnel itself: the only files that may hand git an argument array. */
const FUNNEL = ['actions/lib/git.ts', 'actions/lib/git-process.ts'];

/**
 * Files that still hand git raw argument arrays, each with why. Keep it short: a part needing
 * something of git asks for a verb in git.ts, unless its own algorithm truly needs an unusual
 * call (then say so here and in a comment at the call).
 */
const ALLOWED: Record<string, string> = {
  // The classifier's pipeline streams its own questions to git (patch-id pipelines, the walk
  // of both sides, batch lookups of commits a reference names); they are its algorithm.
  'actions/lib/backport/facts.ts': 'the facts pass: one streamed git log piped to patch-id',
  'actions/lib/backport/resolve.ts': 'batch lookups of the ids a message names',
  'actions/lib/backport/squash.ts': "a squash's picks merged in one batch of merge-tree",
  'actions/lib/backport/walk.ts': 'the streamed walk of both sides',
  // Fetches that read git's own refusal (401, 403, a missing ref) to name the input at fault.
  'actions/lib/backport/fetch.ts': "fetch and ls-remote with git's refusals read back",
};

/** GitProcess' methods that take git's arguments as an array. */
const RAW = new Set(['run', 'exec', 'try', 'lines', 'chunks', 'pipeLines']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Whether a type is GitProcess or a class built on it (Git). */
function isGitProcess(type: ts.Type, checker: ts.TypeChecker): boolean {
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    if (t.isUnion()) return t.types.some(visit);
    if (t.getSymbol()?.getName() === 'GitProcess') return true;
    const target = (t as ts.TypeReference).target ?? t;
    return (
      target.isClassOrInterface() &&
      (checker.getBaseTypes(target as ts.InterfaceType) ?? []).some(visit)
    );
  };
  return visit(type);
}

/** Every call of a raw method on a git funnel in the library, outside the funnel itself. */
function rawGitCalls(): { file: string; line: number; text: string }[] {
  const files = sourceFiles(join(repoRoot, 'actions', 'lib'));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const found: { file: string; line: number; text: string }[] = [];
  for (const path of files) {
    const file = relative(repoRoot, path);
    if (FUNNEL.includes(file)) continue;
    const source = program.getSourceFile(path)!;
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        RAW.has(node.expression.name.text) &&
        isGitProcess(checker.getTypeAtLocation(node.expression.expression), checker)
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ file, line: line + 1, text: node.getText(source).split('\n')[0] });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Import circles that are known and being taken apart, each with why. A circle makes two
 * modules one: neither can be read, tested or changed alone.
 */
const CIRCLES: Record<string, string> = {};

/** The circles of value imports (`import type` costs nothing at run time) among the files. */
function importCircles(files: string[]): string[][] {
  const edges = new Map<string, string[]>();
  const from = /^(?:import|export)(?!\s+type\b)[^;]*?\bfrom\s+'(\.[^']+)'/gm;
  for (const f of files) {
    const text = ts.sys.readFile(f) ?? '';
    edges.set(
      f,
      [...text.matchAll(from)].map((m) => join(f, '..', m[1].replace(/\.js$/, '.ts'))),
    );
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of edges.get(f) ?? []) {
      if (!edges.has(g)) continue;
      if (state.get(g) === 'open') circles.push(stack.slice(stack.indexOf(g)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...edges.keys()].sort()) if (!state.has(f)) visit(f);
  return circles;
}

describe('the house', () => {
  it('has no import circle in the library (the gate and its report included)', () => {
    const lib = join(repoRoot, 'actions', 'lib');
    const circles = importCircles(sourceFiles(lib)).map((c) =>
      c.map((f) => relative(repoRoot, f)).join(' -> '),
    );
    assert.deepEqual(
      circles.filter((c) => !CIRCLES[c]),
      [],
    );
    // The check sees a circle when there is one.
    const tmp = ts.sys.resolvePath(join(repoRoot, 'build', 'house-circle'));
    ts.sys.writeFile(join(tmp, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
    ts.sys.writeFile(join(tmp, 'b.ts'), "import { a } from './a.js';\nexport const b = a;\n");
    ts.sys.writeFile(
      join(tmp, 'c.ts'),
      "import type { a } from './a.js';\nexport type C = typeof a;\n",
    );
    assert.deepEqual(
      importCircles(sourceFiles(tmp)).map((c) => c.map((f) => relative(tmp, f))),
      [['a.ts', 'b.ts']],
    );
  });

  it('asks git only through named verbs: no raw argument arrays in the parts', () => {
    const calls = rawGitCalls();
    // The scan finds what it looks for: the allowed files still have their calls.
    assert.ok(
      calls.some((c) => c.file in ALLOWED),
      'the scan finds the raw calls the allow list names',
    );
    const stray = calls.filter((c) => !(c.file in ALLOWED));
    assert.deepEqual(
      stray.map((c) => `${c.file}:${c.line}: ${c.text}`),
      [],
      'a part asks git through a verb of actions/lib/git.ts (add one there), not an argument array',
    );
  });

  it('keeps the library off the runner, the runtime and the command line, and parts apart', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const lint = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
    };
    const refused: [string, string][] = [
      ['actions/lib/mirror/new.ts', `import * as core from '@actions/core';`],
      ['actions/lib/mirror/new.ts', `import * as cache from '@actions/cache';`],
      ['actions/lib/mirror/new.ts', `import { core } from '../../runtime/runner.js';`],
      ['actions/lib/new.ts', `import { core } from '../runtime/runner.js';`],
      ['actions/lib/gate/new.ts', `import { gateCommand } from '../../../cli/gate.js';`],
      ['actions/lib/track/new.ts', `import { divergence } from '../backport/divergence.js';`],
      ['actions/lib/mirror/new.ts', `import { spawnTagged } from '../hypervisor/processes.js';`],
      ['actions/lib/history/new.ts', `import { decideFlight } from '../gate/decide.js';`],
      ['actions/lib/bisect/new.ts', `import { publishFlight } from '../gate/publish.js';`],
      ['actions/lib/flight.ts', `import { parseAllowList } from './gate/allow-list.js';`],
      ['actions/lib/github.ts', `import * as core from '@actions/core';`],
      ['cli/new.ts', `import * as core from '@actions/core';`],
      ['cli/new.ts', `import { core } from '../actions/runtime/runner.js';`],
    ];
    for (const [file, code] of refused)
      assert.equal(await lint(file, `${code}\nexport {};\n`), 1, `${file}: ${code}`);
    const allowed: [string, string][] = [
      ['actions/lib/track/new.ts', `import { divergence } from '../backport/index.js';`],
      ['actions/lib/bisect/new.ts', `import { publishFlight } from '../gate/index.js';`],
      ['actions/lib/track/new.ts', `import { Git } from '../git.js';`],
      ['actions/lib/github.ts', `import { getOctokit } from '@actions/github';`],
      ['actions/mirror/main.ts', `import { core } from '../runtime/runner.js';`],
      ['actions/runtime/cache.ts', `import * as cache from '@actions/cache';`],
    ];
    for (const [file, code] of allowed)
      assert.equal(await lint(file, `${code}\nexport {};\n`), 0, `${file}: ${code}`);
  });
});
