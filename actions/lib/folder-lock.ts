/**
 * One run at a time in a kept folder (a mirror's cache folder, a part's object store). Runs
 * sharing a folder share its stores, and a store's refs (what was fetched, what is staged for
 * a push) are one run's working state: two mirror runs in one at once pushed each other's
 * refs, or broke each other's first fetch. So a run takes the folder's lock first, and a
 * second run waits, saying for whom. The lock is a file naming its owner (pid and the pid's
 * start time, host, run); a lock whose owner is gone from this host is stale and taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { isAlive, processStartTime } from './process-table.js';
import type { Logger } from './log.js';

/** The mirror's lock, in its cache folder. */
export const LOCK_FILE = '.tributary-mirror.lock';

export interface CacheLockOwner {
  pid: number;
  /** The pid's start time, so a pid reused by another process is not taken for the owner. */
  processStart?: string;
  host: string;
  startedAt: string;
  /** Who holds it: a workflow run and job, or a user's command. */
  holder: string;
  /** What it does there: `mirroring <source> → <destination>`, `fetching into the store`. */
  doing: string;
  /** What locks written before `doing` say instead: source → destination. */
  mirroring?: string;
}

/** Says who this process is, for a run that finds the folder taken. */
export function describeHolder(
  env: NodeJS.ProcessEnv = process.env,
  command = 'tributary mirror',
): string {
  if (env.GITHUB_RUN_ID) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const run = env.GITHUB_REPOSITORY
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : env.GITHUB_RUN_ID;
    return `workflow run ${run}${env.GITHUB_JOB ? ` (job ${env.GITHUB_JOB})` : ''}`;
  }
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no user name for this uid
  }
  return `${command}${user ? ` run by ${user}` : ''}`;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

function readOwner(file: string): CacheLockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheLockOwner;
  } catch {
    return undefined;
  }
}

/** Whether an owner is certainly gone: on this host, and its pid dead or now another process. */
function gone(owner: CacheLockOwner): boolean {
  if (owner.host !== hostname()) return false; // another machine's run: only it can tell
  if (!isAlive(owner.pid)) return true;
  return owner.processStart !== undefined && processStartTime(owner.pid) !== owner.processStart;
}

const same = (a: CacheLockOwner, b: CacheLockOwner) =>
  a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

export class CacheLock {
  private constructor(
    readonly file: string,
    readonly owner: CacheLockOwner,
  ) {}

  /**
   * Takes the lock of `dir` (the file `name` in it), waiting as long as a live run holds it (a line says whose it is)
   * and taking over one whose owner is gone. The file is written whole under another name and
   * hard-linked into place, which fails when a lock exists: nobody ever reads half a lock.
   * Rejects with the signal's reason when it aborts while waiting.
   */
  static async acquire(
    dir: string,
    who: { holder: string; doing: string },
    logger: Logger,
    signal?: AbortSignal,
    name = LOCK_FILE,
  ): Promise<CacheLock> {
    const file = join(dir, name);
    const owner: CacheLockOwner = {
      pid: process.pid,
      processStart: processStartTime(process.pid),
      host: hostname(),
      startedAt: new Date().toISOString(),
      ...who,
    };
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, JSON.stringify(owner, null, 2) + '\n');
    let said = '';
    let unreadable = 0;
    try {
      for (;;) {
        signal?.throwIfAborted();
        try {
          linkSync(temp, file);
          return new CacheLock(file, owner);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const held = readOwner(file);
        if (held && gone(held)) {
          takeOver(file, held, logger);
          continue;
        }
        // (unreadable: being moved aside by a run taking it over, or not a lock of ours)
        const line = held
          ? `Waiting for the cache folder ${dir}: ${held.holder} (pid ${held.pid} on ${held.host}, since ${held.startedAt}) is ${held.doing ?? `mirroring ${held.mirroring}`} there.`
          : `Waiting for the cache folder ${dir}: its lock ${file} cannot be read; remove it if no run uses the folder.`;
        if (line !== said && (held || unreadable++)) logger.info((said = line));
        await sleep(200, signal);
      }
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /** Lets go of the lock, if it is still this run's. */
  release(): void {
    const held = readOwner(this.file);
    if (!held || !same(held, this.owner)) return;
    try {
      unlinkSync(this.file);
    } catch {
      // gone already
    }
  }
}

/**
 * Removes a lock whose owner is gone. It is first moved aside (a rename: of two runs taking it
 * over at once, one moves it); if what was moved is not the dead owner's lock but a live run's
 * that took it over meanwhile, it is put back.
 */
function takeOver(file: string, dead: CacheLockOwner, logger: Logger): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // another run moved it first
  }
  const moved = readOwner(aside);
  if (moved && !same(moved, dead)) {
    try {
      linkSync(aside, file);
    } catch {
      // a third run took it within this instant: both hold it (three runs meeting a dead
      // run's lock at once; nothing cheaper than a kernel lock, which Node lacks, closes it)
    }
  } else {
    logger.warning(
      `Took over the cache folder's lock from ${dead.holder} (pid ${dead.pid}, since ${dead.startedAt}), which is gone.`,
    );
  }
  rmSync(aside, { force: true });
}
