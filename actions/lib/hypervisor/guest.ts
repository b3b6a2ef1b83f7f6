/**
 * A guest step: start the guest, watch its serial console for the pass and fail patterns,
 * take its exit status (the isa-debug-exit device) when it leaves, and stop it, whatever
 * happened: pass, fail, timeout or cancellation.
 */
import { existsSync, openSync, closeSync, readSync, fstatSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { GuestStep } from './plan.js';
import { formatDuration } from './plan.js';
import { startGuest, type GuestContext } from './backends.js';

export interface StepOutcome {
  status: 'pass' | 'fail';
  message: string;
  /** Set when the step ended because the job was cancelled or ran out of time. */
  interrupted?: boolean;
}

/** How much of a console is kept in memory for tails; the file has it all. */
const KEEP = 1 << 20;

/**
 * Reads what a growing console file gained since the last call. Patterns are matched against
 * the unscanned part only (from the start of the last line seen, which may have been
 * incomplete), so a long, chatty boot costs no more per poll than a short one.
 */
export class ConsoleReader {
  private offset = 0;
  private readonly decoder = new StringDecoder('utf8');
  private scannedTo = 0;
  /** The console's last part (up to 1 MiB), carriage returns removed. */
  text = '';
  constructor(readonly path: string) {}
  poll(): void {
    if (!existsSync(this.path)) return;
    const fd = openSync(this.path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return;
      const buf = Buffer.alloc(size - this.offset);
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      this.offset += n;
      this.text += this.decoder.write(buf.subarray(0, n)).replace(/\r/g, '');
      if (this.text.length > KEEP) {
        const drop = this.text.length - KEEP;
        this.text = this.text.slice(drop);
        this.scannedTo = Math.max(0, this.scannedTo - drop);
      }
    } finally {
      closeSync(fd);
    }
  }
  /** The text not matched yet. */
  unscanned(): string {
    return this.text.slice(this.scannedTo);
  }
  /** Everything up to the last line break is matched; the line after it may still grow. */
  scanned(): void {
    this.scannedTo = this.text.lastIndexOf('\n') + 1;
  }
  /** The last lines of the console, for annotations. */
  tail(lines = 10): string {
    this.poll();
    return this.text.trimEnd().split('\n').slice(-lines).join('\n');
  }
}

function matchedLine(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const start = text.lastIndexOf('\n', m.index) + 1;
  const end = text.indexOf('\n', m.index);
  return text.slice(start, end < 0 ? undefined : end).trim();
}

const POLL_MS = 50;

export async function runGuestStep(
  step: GuestStep,
  ctx: GuestContext,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const missing = step.pendingFiles.filter((f) => !existsSync(f.path));
  if (missing.length) {
    return {
      status: 'fail',
      message: missing
        .map((f) => `${f.field} '${f.path}' does not exist: the steps before did not build it`)
        .join('; '),
    };
  }
  const g = step.guest;
  const console = new ConsoleReader(ctx.consoleLog);
  const guest = await startGuest(g, ctx);
  let ended: { code?: number; how: string } | undefined;
  const gone = guest.ended.then((e) => (ended = e));
  const timeoutAt = Date.now() + step.timeoutMs;
  let passedAt: string | undefined;
  try {
    for (;;) {
      // The console is read once more after the guest ended: its last words decide.
      const finished = ended;
      console.poll();
      const fresh = console.unscanned();
      for (const re of g.fail) {
        const line = matchedLine(fresh, re);
        if (line !== undefined) return { status: 'fail', message: `console: ${line}` };
      }
      if (g.pass && passedAt === undefined) passedAt = matchedLine(fresh, g.pass);
      console.scanned();
      const wantsExit = g.backend === 'qemu' && g.exitCode !== undefined;
      if (passedAt !== undefined && !wantsExit)
        return { status: 'pass', message: `console: ${passedAt}` };
      if (finished) {
        if (wantsExit && finished.code === g.exitCode && (!g.pass || passedAt !== undefined))
          return {
            status: 'pass',
            message: `guest left with status ${finished.code}${passedAt ? `; console: ${passedAt}` : ''}`,
          };
        const expected = wantsExit
          ? `status ${g.exitCode}${g.pass && passedAt === undefined ? ` and a console line matching /${g.pass.source}/` : ''}`
          : `a console line matching /${g.pass!.source}/`;
        return {
          status: 'fail',
          message: `${finished.how}; expected ${expected}${debugExitNote(finished.code)}`,
        };
      }
      if (signal.aborted)
        return {
          status: 'fail',
          message: `${abortReason(signal)}; guest stopped`,
          interrupted: true,
        };
      if (Date.now() >= timeoutAt)
        return {
          status: 'fail',
          message: `timed out after ${formatDuration(step.timeoutMs)}; guest stopped`,
        };
      // Wake at once when the guest leaves, so its exit is not noticed a poll late.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, POLL_MS)))]);
      clearTimeout(timer);
    }
  } finally {
    await guest.stop();
  }
}

function debugExitNote(code: number | undefined): string {
  // isa-debug-exit makes QEMU exit with (value << 1) | 1: say which value the guest wrote.
  return code !== undefined && code % 2 === 1 && code > 1
    ? ` (the guest wrote 0x${(code >> 1).toString(16)} to isa-debug-exit)`
    : '';
}

export function abortReason(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return typeof r === 'string' ? r : r instanceof Error ? r.message : 'cancelled';
}
