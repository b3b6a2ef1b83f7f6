/**
 * The real-Xen fixture (test/fixtures/xen/build.sh, built by scripts/setup.sh into
 * test/fixtures/xen/out) and the xen-smoke recipe (docs/recipes/xen-smoke.yml) that boots it.
 * A tree under test holds the recipe as its plan and `boot`, a link to the fixture.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runner.js';

export const xenFixtureDir = join(repoRoot, 'test', 'fixtures', 'xen', 'out');
export const xenRecipeFile = join(repoRoot, 'docs', 'recipes', 'xen-smoke.yml');

/** The recipe's stages, in order: the steps of a xen-smoke job's result. */
export const XEN_STAGES = ['xen up', 'dom0 up', 'guest created', 'guest up', 'guest destroyed'];

/** The fixture's directory; throws, saying how to build it, when it is not there. */
export function requireXenFixture(): string {
  for (const f of ['xen', 'vmlinux', 'dom0.cpio.gz'])
    if (!existsSync(join(xenFixtureDir, f)))
      throw new Error(
        `The real-Xen fixture is missing (${join(xenFixtureDir, f)}): run scripts/setup.sh, or test/fixtures/xen/build.sh`,
      );
  return xenFixtureDir;
}

/** The Debian package versions the fixture was built from. */
export function xenFixtureVersions(): Record<string, string> {
  return Object.fromEntries(
    readFileSync(join(xenFixtureDir, 'versions.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string]),
  );
}

/**
 * The recipe's plan, with Xen's or dom0's command line changed: `edit` gets the line and gives
 * it back changed (it must change, or the test would test the recipe unchanged by mistake).
 */
export function xenPlan(edit: { xen?: (c: string) => string; dom0?: (c: string) => string } = {}) {
  let text = readFileSync(xenRecipeFile, 'utf8');
  for (const [which, re] of [
    ['xen', /^(\s+cmdline: )(console=com1 .*)$/m],
    ['dom0', /^(\s+cmdline: )(console=hvc0 .*)$/m],
  ] as const) {
    const f = edit[which];
    if (!f) continue;
    const m = re.exec(text);
    if (!m) throw new Error(`the recipe has no ${which} command line`);
    const changed = f(m[2]);
    if (changed === m[2]) throw new Error(`the ${which} command line did not change`);
    text = text.replace(re, `$1${changed}`);
  }
  return text;
}

/** Makes `boot` in a tree's work directory point at the fixture, as the recipe expects. */
export function linkXenFixture(workDir: string): void {
  symlinkSync(requireXenFixture(), join(workDir, 'boot'));
}
