/**
 * Live output: while a step runs, the new lines of its log files (a command's output, a guest's
 * console and its backend's messages) go to the logger's `output`, inside the step's log group,
 * so a four-hour build is not an empty group until it ends. The files stay the record; the
 * processes keep writing to them, never to a pipe the job could break by dying.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Logger } from '../log.js';

const POLL_MS = 200;
/** Read per file and poll at most, so a flood is shown in pieces and memory stays bounded. */
const CHUNK = 1 << 20;
/** A line longer than this is shown in pieces rather than held back. */
const LONGEST_LINE = 64 * 1024;

export interface FollowedFile {
  path: string;
  /** Put before each of its lines (`qemu: `), to tell two files of one step apart. */
  prefix?: string;
}

class Follower {
  private offset = 0;
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  constructor(readonly file: FollowedFile) {}

  /** The whole lines the file gained (and, at the end, its unfinished last line). */
  take(final: boolean): string[] {
    const lines: string[] = [];
    for (;;) {
      const text = this.read();
      if (text === undefined) break;
      const parts = (this.partial + text).split('\n');
      this.partial = parts.pop()!;
      lines.push(...parts);
      if (!final) break;
    }
    if (final) this.partial += this.decoder.end();
    if (final || this.partial.length > LONGEST_LINE) {
      if (this.partial) lines.push(this.partial);
      this.partial = '';
    }
    const prefix = this.file.prefix ?? '';
    return lines.map((l) => prefix + l.replace(/\r/g, ''));
  }

  /** Up to CHUNK new bytes as text, or undefined when the file has nothing new (or is not there yet). */
  private read(): string | undefined {
    let fd: number;
    try {
      fd = openSync(this.file.path, 'r');
    } catch {
      return undefined;
    }
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return undefined;
      const buf = Buffer.alloc(Math.min(size - this.offset, CHUNK));
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      if (n === 0) return undefined;
      this.offset += n;
      return this.decoder.write(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Runs `fn` with the files followed, and shows what is left of them once it ends. Nothing is
 * followed when the logger shows no output.
 */
export async function withLiveOutput<T>(
  logger: Logger,
  files: FollowedFile[],
  fn: () => Promise<T>,
): Promise<T> {
  const show = logger.output?.bind(logger);
  if (!show) return fn();
  const followers = files.map((f) => new Follower(f));
  const poll = (final: boolean) => {
    for (const f of followers) {
      const lines = f.take(final);
      if (lines.length) show(lines.join('\n'));
    }
  };
  const timer = setInterval(() => poll(false), POLL_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    poll(true);
  }
}
