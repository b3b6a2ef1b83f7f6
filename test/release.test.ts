/**
 * The project's own release machinery: the script that takes a release's notes from
 * CHANGELOG.md (and refuses a tag that package.json or the changelog does not match), Dependabot
 * watching npm and the pinned actions, and the CODEOWNERS example. The workflows in .github/ are
 * linted and held to the templates' rules in test/workflows.test.ts, with the templates.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempDir } from './harness/fixtures.js';
import { repoRoot } from './harness/runner.js';

const script = join(repoRoot, 'scripts', 'release-notes.mjs');

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

describe("the project's own .github/", () => {
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
