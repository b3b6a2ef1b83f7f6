/**
 * Processes a job starts, and how they are found again. Every process gets its own process
 * group (so a step's whole tree can be signalled at once) and two environment variables that
 * its descendants inherit: the job's tag and the host's lock directory. A process that escaped
 * its group (a daemon) is still found by reading /proc/<pid>/environ.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { isAlive } from '../process-table.js';

export const TAG_ENV = 'TRIBUTARY_RUN';
export const LOCK_DIR_ENV = 'TRIBUTARY_LOCK_DIR';

export interface Tagging {
  tag: string;
  lockDir: string;
}

export interface Started {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (128 + n for a signal) once the process has exited. */
  exited: Promise<number>;
}

/** Spawns a program (argument array, never a shell string) in a new process group, output to a file. */
export function spawnTagged(
  program: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; logFile: string; tagging: Tagging },
): Started {
  const fd = openSync(opts.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(program, args, {
      cwd: opts.cwd,
      env: {
        ...process.env,
        ...opts.env,
        [TAG_ENV]: opts.tagging.tag,
        [LOCK_DIR_ENV]: opts.tagging.lockDir,
      },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 0)));
  });
  // No pid: the program could not be started; `exited` says 127.
  return { child, pid: child.pid ?? -1, exited };
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    try {
      process.kill(pgid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether any process of the group is still there (zombies aside). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return isAlive(pgid);
  }
  return taggedProcesses((p) => p.pgid === pgid).length > 0 || isAlive(pgid);
}

/** SIGTERM to the group, then SIGKILL after `graceMs` if anything in it is still alive. */
export async function killGroup(pgid: number, graceMs = 2000): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return;
    await sleep(25);
  }
  signalGroup(pgid, 'SIGKILL');
}

let buffer = Buffer.alloc(64 * 1024);

/**
 * Reads a /proc file whole. readFileSync is slow there (the files say they are empty, so it
 * reads in small growing steps); one reusable buffer makes a scan of every process cheap.
 */
function readProc(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.toString('latin1', 0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

export interface ProcessInfo {
  pid: number;
  pgid: number;
  cmdline: string[];
  env: Record<string, string>;
}

/**
 * Processes on the host we can read, with their environment, filtered. Only those carrying our
 * tag variable are looked at unless `all` (a filter on the command line alone needs them all).
 */
export function taggedProcesses(filter: (p: ProcessInfo) => boolean, all = false): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    if (pid === process.pid) continue;
    try {
      const environ = readProc(`/proc/${pid}/environ`);
      if (!all && !environ.includes(`${TAG_ENV}=`)) continue;
      const env: Record<string, string> = {};
      for (const kv of environ.split('\0')) {
        const eq = kv.indexOf('=');
        if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      const stat = readProc(`/proc/${pid}/stat`);
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      const cmdline = readProc(`/proc/${pid}/cmdline`).split('\0').filter(Boolean);
      const info = { pid, pgid: Number(fields[2]), cmdline, env };
      if (filter(info)) found.push(info);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Processes whose command line carries `text` as a whole argument or inside one. */
export function processesWithArgument(text: string): ProcessInfo[] {
  return taggedProcesses((p) => p.cmdline.some((a) => a.includes(text)), true);
}

/** Kills processes (their groups first, then each one) and waits until they are gone. */
export async function killProcesses(list: ProcessInfo[], graceMs = 2000): Promise<number[]> {
  const pgids = new Set(list.map((p) => p.pgid).filter((g) => g > 1 && g !== process.pid));
  // Never our own group: the action's node process may share it with what it spawned.
  const ownGroup = Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[2]);
  pgids.delete(ownGroup);
  await Promise.all([...pgids].map((g) => killGroup(g, graceMs)));
  for (const p of list) {
    if (isAlive(p.pid)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  return list.map((p) => p.pid);
}
