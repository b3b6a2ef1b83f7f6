/**
 * Host hygiene on persistent runners. One job at a time per host: a lock file in a host-wide
 * directory, naming its owner (pid, the pid's start time, the job's tag, when it started). A
 * lock whose owner is gone is stale and recovered. Each job also keeps a record in that
 * directory of what it started (process groups, guests, its scratch directory), written before
 * each thing starts, so whatever a crashed job left behind can be found and stopped by the
 * next job, or by the job's own post step.
 *
 * A record says what to kill, what to remove and which stop command to run, as the runner:
 * so the directory must be the runner user's own, and anything in it that is not is refused
 * before it is read (see `HostLock.check`).
 */
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, hostname } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { isAlive, processStartTime } from '../process-table.js';
import {
  killGroup,
  killProcesses,
  LOCK_DIR_ENV,
  spawnTagged,
  TAG_ENV,
  taggedProcesses,
} from './processes.js';

export interface LockOwner {
  pid: number;
  /** The pid's start time (clock ticks since boot), so a reused pid is not taken for the owner. */
  processStart?: string;
  tag: string;
  job: string;
  host: string;
  startedAt: string;
}

/**
 * A process group a job started, by its leader's pid and start time: a pid is only signalled
 * while it still names the same process, never a stranger that got the number later.
 */
export interface GroupRef {
  pgid: number;
  start?: string;
}

export function groupRef(pgid: number): GroupRef {
  return { pgid, start: processStartTime(pgid) };
}

function sameProcess(ref: GroupRef): boolean {
  return isAlive(ref.pgid) && (ref.start === undefined || processStartTime(ref.pgid) === ref.start);
}

/** A guest a job started, with what it takes to stop it from another process. */
export interface GuestRecord {
  backend: 'qemu' | 'xen' | 'command';
  name: string;
  /** The process group of the guest's process (QEMU, or a command backend's start command). */
  group?: GroupRef;
  /** `xl` for a xen guest. */
  program?: string;
  /** A command backend's stop command, with the directory and environment it runs in. */
  stop?: string;
  cwd?: string;
  env?: Record<string, string>;
}

export interface JobRecord {
  tag: string;
  job: string;
  groups: GroupRef[];
  guests: GuestRecord[];
  /** Directories to remove when the job is cleaned up. */
  scratch: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The lock directory when none is given: in the runner user's own cache ($XDG_CACHE_HOME, else
 * ~/.cache), which no other user can write to, never a shared folder such as /tmp.
 */
export function defaultLockDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const cache = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(cache, 'tributary', 'host');
}

/** Whether a path exists, without following it: a dangling link exists. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Why a path is not the runner user's own (a link, another owner, writable by others), if so. */
function notOwn(path: string, folder: boolean): string | undefined {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return `is a symbolic link (to ${readlinkSync(path)})`;
  if (folder ? !st.isDirectory() : !st.isFile()) return `is not a ${folder ? 'folder' : 'file'}`;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid)
    return `is owned by uid ${st.uid}, not by the runner's user (uid ${uid})`;
  const writers = [st.mode & 0o020 && 'group', st.mode & 0o002 && 'others'].filter(Boolean);
  if (writers.length)
    return `is writable by ${writers.join(' and ')} (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')})`;
  return undefined;
}

/**
 * Refuses a path of the lock directory that another user could have planted or changed, with
 * what to do about it. The lock directory itself gets a fix for the input; anything inside it
 * is looked at and removed by hand, since hypervisor-test alone writes there.
 */
function trust(path: string, what: 'lock folder' | 'jobs folder' | 'lock' | 'job record'): void {
  const why = notOwn(path, what.endsWith('folder'));
  if (!why) return;
  const fallback = defaultLockDir();
  let fix: string;
  if (what === 'lock folder') {
    const unset =
      fallback === path ? '' : `, or use the default lock folder, ${fallback} (created mode 0700)`;
    fix = why.startsWith('is a symbolic link')
      ? `give the folder itself, not a link to it${unset}`
      : why.startsWith('is writable')
        ? `chmod go-w ${path} (the records in it are then checked one by one)${unset}`
        : `give a folder the runner's user created and alone can write${unset}`;
  } else if (what === 'jobs folder' && why.startsWith('is writable')) {
    fix = `chmod go-w ${path} (the records in it are then checked one by one)`;
  } else {
    const rm = what === 'jobs folder' && !why.startsWith('is a symbolic link') ? 'rm -r' : 'rm';
    fix = `look at what it holds, then remove it (${rm} -- ${path}); only hypervisor-test writes there, as the runner's user`;
  }
  throw new ConfigurationError(
    'lock-dir',
    `Refusing the host's ${what} ${path}: it ${why}. Job records in the lock folder name ` +
      `commands this runner runs and processes it kills, so the folder and all in it must be ` +
      `the runner user's own. Fix: ${fix}.`,
  );
}

export class HostLock {
  readonly lockFile: string;
  readonly jobsDir: string;

  constructor(
    readonly lockDir: string,
    private readonly logger: Logger,
  ) {
    this.lockFile = join(lockDir, 'host.lock');
    this.jobsDir = join(lockDir, 'jobs');
  }

  /**
   * Creates the lock directory and its jobs/ (mode 0700) when missing, and refuses (a
   * ConfigurationError) the directory, jobs/, the lock or any record that is a symbolic link, is
   * owned by another user, or is writable by group or others, before anything in it is read.
   * With `create` off, what is missing is left missing (the post step: nothing there to clean).
   */
  check(create = true): void {
    if (!present(this.lockDir)) {
      if (!create) return;
      mkdirSync(this.lockDir, { recursive: true, mode: 0o700 });
    }
    trust(this.lockDir, 'lock folder');
    if (!present(this.jobsDir)) {
      if (!create) return;
      mkdirSync(this.jobsDir, { recursive: true, mode: 0o700 });
    }
    trust(this.jobsDir, 'jobs folder');
    if (present(this.lockFile)) trust(this.lockFile, 'lock');
    for (const name of readdirSync(this.jobsDir))
      if (name.endsWith('.json')) trust(join(this.jobsDir, name), 'job record');
  }

  owner(): LockOwner | undefined {
    try {
      return JSON.parse(readFileSync(this.lockFile, 'utf8')) as LockOwner;
    } catch {
      return undefined;
    }
  }

  /** Whether a lock's owner is gone: its pid is dead, or now names another process. */
  static stale(owner: LockOwner): boolean {
    if (!isAlive(owner.pid)) return true;
    return owner.processStart !== undefined && processStartTime(owner.pid) !== owner.processStart;
  }

  /**
   * Takes the host's lock, waiting up to `waitMs` for a live owner to let go, recovering a
   * stale one. The file is written in full under another name and then hard-linked into place,
   * which fails if a lock exists: no reader ever sees half a lock.
   */
  async acquire(
    owner: Omit<LockOwner, 'processStart' | 'host' | 'startedAt'>,
    opts: { waitMs: number; signal?: AbortSignal },
  ): Promise<LockOwner> {
    mkdirSync(this.jobsDir, { recursive: true, mode: 0o700 });
    const full: LockOwner = {
      ...owner,
      processStart: processStartTime(owner.pid),
      host: hostname(),
      startedAt: new Date().toISOString(),
    };
    const temp = join(this.lockDir, `.lock.${owner.tag}.${process.pid}`);
    writeFileSync(temp, JSON.stringify(full, null, 2) + '\n', { mode: 0o600 });
    const deadline = Date.now() + opts.waitMs;
    let said = '';
    try {
      for (;;) {
        try {
          linkSync(temp, this.lockFile);
          return full;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const held = this.owner();
        if (!held) {
          // Unreadable: a lock written by something else, or gone in between. Look again.
          await sleep(50);
          if (existsSync(this.lockFile) && !this.owner()) this.recover(undefined);
          continue;
        }
        if (held.tag === owner.tag) return held;
        if (HostLock.stale(held)) {
          this.recover(held);
          continue;
        }
        const line = `Waiting for the host: job '${held.job}' (run ${held.tag}, pid ${held.pid}) holds ${this.lockFile} since ${held.startedAt}`;
        if (line !== said) this.logger.info((said = line));
        if (opts.signal?.aborted) throw new Error('Cancelled while waiting for the host lock');
        if (Date.now() > deadline)
          throw new Error(
            `The host is busy: job '${held.job}' (run ${held.tag}, pid ${held.pid}) has held ${this.lockFile} since ${held.startedAt}`,
          );
        await sleep(250);
      }
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /** Moves a stale lock aside (atomically, so two recoverers cannot both win) and removes it. */
  private recover(held: LockOwner | undefined): void {
    const aside = `${this.lockFile}.stale.${process.pid}`;
    try {
      renameSync(this.lockFile, aside);
    } catch {
      return; // someone else recovered it first
    }
    const moved = (() => {
      try {
        return JSON.parse(readFileSync(aside, 'utf8')) as LockOwner;
      } catch {
        return undefined;
      }
    })();
    if (held && moved && moved.tag !== held.tag && !HostLock.stale(moved)) {
      // A new owner took the lock between our read and the rename: give it back.
      try {
        linkSync(aside, this.lockFile);
      } catch {
        // it is gone now; the loop will look again
      }
    } else if (held) {
      this.logger.warning(
        `Recovered a stale host lock: job '${held.job}' (run ${held.tag}, pid ${held.pid}, since ${held.startedAt}) is gone`,
      );
    }
    rmSync(aside, { force: true });
  }

  /** Lets go of the lock if it is still the given job's. */
  release(tag: string): boolean {
    const held = this.owner();
    if (!held || held.tag !== tag) return false;
    try {
      unlinkSync(this.lockFile);
      return true;
    } catch {
      return false;
    }
  }

  recordFile(tag: string): string {
    return join(this.jobsDir, `${tag}.json`);
  }

  /** A job's record, refused (a ConfigurationError) when it is not the runner user's own. */
  readRecord(tag: string): JobRecord | undefined {
    const file = this.recordFile(tag);
    if (!present(file)) return undefined;
    trust(file, 'job record');
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as JobRecord;
    } catch {
      return undefined;
    }
  }

  /** Written whole under a temporary name and renamed, so a crash never leaves half a record. */
  writeRecord(record: JobRecord): void {
    mkdirSync(this.jobsDir, { recursive: true, mode: 0o700 });
    const file = this.recordFile(record.tag);
    writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  /** Records of other jobs: what jobs that did not finish cleanly left. */
  otherRecords(tag: string): JobRecord[] {
    let names: string[] = [];
    try {
      names = readdirSync(this.jobsDir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .map((n) => n.slice(0, -'.json'.length))
      .filter((t) => t !== tag)
      .map((t) => this.readRecord(t) ?? { tag: t, job: '?', groups: [], guests: [], scratch: [] });
  }

  /**
   * Stops everything a job started: its guests (xl destroy, a command backend's stop), its
   * process groups, any process still carrying its tag in this host's lock directory, then
   * removes its scratch directories and its record. Safe to call again.
   */
  async cleanJob(tag: string, record?: JobRecord): Promise<{ killed: number[]; guests: string[] }> {
    const rec = record ?? this.readRecord(tag);
    const guests: string[] = [];
    for (const g of rec?.guests ?? []) {
      try {
        if (await stopRecordedGuest(g, this.lockDir, tag)) guests.push(g.name);
      } catch (e) {
        this.logger.warning(`Could not stop guest ${g.name}: ${errorMessage(e)}`);
      }
    }
    // Our processes carry the tag; a recorded group whose leader is still the same process
    // is signalled whole, which also reaches members that dropped their environment.
    const groups = [...(rec?.groups ?? []), ...(rec?.guests ?? []).flatMap((g) => g.group ?? [])];
    for (const g of groups) if (sameProcess(g)) await killGroup(g.pgid, 1000);
    const tagged = taggedProcesses(
      (p) => p.env[TAG_ENV] === tag && p.env[LOCK_DIR_ENV] === this.lockDir,
    );
    const killed = tagged.length ? await killProcesses(tagged) : [];
    for (const dir of rec?.scratch ?? []) rmSync(dir, { recursive: true, force: true });
    rmSync(this.recordFile(tag), { force: true });
    return { killed, guests };
  }

  /** Processes of this host's lock directory tagged by some other job: leftovers of a crash. */
  strayProcesses(tag: string) {
    return taggedProcesses((p) => p.env[LOCK_DIR_ENV] === this.lockDir && p.env[TAG_ENV] !== tag);
  }
}

/** Stops one recorded guest through its backend; true when there was something to stop. */
async function stopRecordedGuest(g: GuestRecord, lockDir: string, tag: string): Promise<boolean> {
  const tagging = { tag, lockDir };
  const run = async (
    program: string,
    args: string[],
    cwd: string,
    env?: Record<string, string>,
  ) => {
    const started = spawnTagged(program, args, {
      cwd,
      env,
      logFile: '/dev/null',
      tagging,
    });
    const timer = setTimeout(() => started.pid > 0 && killGroup(started.pid, 500), 60_000);
    const code = await started.exited;
    clearTimeout(timer);
    return code;
  };
  if (g.backend === 'xen' && g.program) {
    // xl list says whether the domain is there; destroy only what exists.
    if ((await run(g.program, ['list', g.name], '/')) !== 0) return false;
    await run(g.program, ['destroy', g.name], '/');
    return true;
  }
  if (g.backend === 'command' && g.stop) {
    await run('bash', ['-c', g.stop], existsSync(g.cwd ?? '/') ? (g.cwd ?? '/') : '/', g.env);
    return true;
  }
  if (g.group && sameProcess(g.group)) {
    await killGroup(g.group.pgid);
    return true;
  }
  // Recorded before its process was known: our tag, and its name on the command line.
  const named = taggedProcesses(
    (p) =>
      p.env[TAG_ENV] === tag &&
      p.env[LOCK_DIR_ENV] === lockDir &&
      p.cmdline.some((a) => a === g.name || a.startsWith(`${g.name},`)),
  );
  if (named.length) await killProcesses(named);
  return named.length > 0;
}
