/**
 * The boot-sector fixture tree (test/fixtures/bootsector): a tiny git repository whose build
 * makes a 512-byte boot sector that SeaBIOS boots under QEMU. Variants change the code and
 * the message: `bad` prints a panic line and leaves with another isa-debug-exit value, `hang`
 * never leaves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkTree } from './fixtures.js';
import { repoRoot } from './runner.js';
import { processesWithArgument } from '../../actions/lib/hypervisor/processes.js';

export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'bootsector');
export const xlStandInDir = join(repoRoot, 'test', 'fixtures', 'xl');

const read = (name: string) => readFileSync(join(fixtureDir, name), 'utf8');

export type Variant = 'good' | 'bad' | 'hang';

/** The files of the tree for a variant (boot.hex and message.txt are what changes). */
export function variantFiles(variant: Variant): Record<string, string> {
  if (variant === 'good')
    return { 'boot.hex': read('boot.hex'), 'message.txt': read('message.txt') };
  return {
    'boot.hex': read(`variants/${variant}.hex`),
    'message.txt': read(`variants/${variant}.message.txt`),
  };
}

/** Creates the fixture tree with its first (good) commit; returns the tree and the commit. */
export async function bootsectorTree(
  dir: string,
  opts: { variant?: Variant; plan?: string; branch?: string } = {},
): Promise<{ tree: WorkTree; head: string }> {
  const tree = await WorkTree.create(dir, opts.branch ?? 'master');
  const head = await tree.commit(`bootsector: ${opts.variant ?? 'good'} boot sector`, {
    'build.sh': read('build.sh'),
    'plan.yml': opts.plan ?? read('plan.yml'),
    '.gitignore': 'boot.bin\n',
    ...variantFiles(opts.variant ?? 'good'),
  });
  return { tree, head };
}

/**
 * The fixture plan with the boot step's timeout changed, under TCG by default: nested KVM can
 * take seconds to reach the boot sector, and a test of timeouts must know the guest is up.
 */
export function planWithBootTimeout(timeout: string, accel = 'tcg'): string {
  return read('plan.yml')
    .replace(/(- name: boot\n\s+timeout:) \S+/, `$1 ${timeout}`)
    .replace(/(\n(\s+)backend: qemu\n)/, `$1$2accel: ${accel}\n`);
}

/** Processes whose command line carries the run's tag: the guests it named tributary-<tag>-<n>. */
export function guestProcesses(tag: string) {
  return processesWithArgument(`tributary-${tag}-`);
}

/**
 * Kills the main step of a running hypervisor-test job hard (SIGKILL, as a crashed runner
 * would leave it) once its guest runs; the job is found through the host lock it holds.
 */
export async function crashWhenGuestRuns(lockDir: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the job never started its guest');
    try {
      const owner = JSON.parse(readFileSync(join(lockDir, 'host.lock'), 'utf8')) as {
        pid: number;
        tag: string;
      };
      if (guestProcesses(owner.tag).length) {
        process.kill(owner.pid, 'SIGKILL');
        return owner.tag;
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
