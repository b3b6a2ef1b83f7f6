/**
 * A guest step: start the guest, watch its serial console for its stages and its pass and fail
 * patterns, take its exit status (the isa-debug-exit device) when it leaves, and stop it,
 * whatever happened: pass, fail, timeout or cancellation.
 */
import { existsSync, openSync, closeSync, readSync, fstatSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { StepResult } from '../flight.js';
import type { GuestSpec, GuestStep, PlanStep } from './test-plan.js';
import { formatDuration } from './test-plan.js';
import { startGuest, type GuestContext } from './backends.js';

export interface StepOutcome {
  status: 'pass' | 'fail';
  message: string;
  /** Set when the step ended because the job was cancelled or ran out of time. */
  interrupted?: boolean;
  /** A guest step with stages: each stage's outcome, in order (after a failed one, blocked). */
  stages?: StageOutcome[];
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
  /**
   * Everything up to the last line break is matched; the line after it may still grow, and is
   * read again unless `consumed` (counted from the unscanned text's start) says it decided
   * something already.
   */
  scanned(consumed = 0): void {
    this.scannedTo = Math.max(this.text.lastIndexOf('\n') + 1, this.scannedTo + consumed);
  }
  /** The last lines of the console, for annotations. */
  tail(lines = 10): string {
    this.poll();
    return this.text.trimEnd().split('\n').slice(-lines).join('\n');
  }
}

interface Match {
  /** The whole line, trimmed. */
  line: string;
  index: number;
  /** Where the line ends (past its line break). */
  end: number;
}

/** The first match of `re` in `text` from `from` (a line's start, so `^` holds there). */
function matchFrom(text: string, from: number, re: RegExp): Match | undefined {
  const m = re.exec(text.slice(from));
  if (!m) return undefined;
  const index = from + m.index;
  const start = text.lastIndexOf('\n', index) + 1;
  const nl = text.indexOf('\n', index);
  return {
    line: text.slice(Math.max(start, from), nl < 0 ? undefined : nl).trim(),
    index,
    end: nl < 0 ? text.length : nl + 1,
  };
}

function earliest(text: string, from: number, res: RegExp[]): Match | undefined {
  let first: Match | undefined;
  for (const re of res) {
    const m = matchFrom(text, from, re);
    if (m && (!first || m.index < first.index)) first = m;
  }
  return first;
}

/** Whether a guest checks anything of its own (a pass pattern, an exit status) after its stages. */
function hasOwnCheck(g: GuestSpec): boolean {
  return g.pass !== undefined || (g.backend === 'qemu' && g.exitCode !== undefined);
}

export interface StageOutcome {
  name: string;
  status: 'pass' | 'fail' | 'blocked';
  message: string;
  durationMs?: number;
}

/**
 * Decides a guest step from what its console says, in order: its stages one after the other
 * (each within its timeout, from the end of the one before), then its own pass pattern and
 * exit status, if it has them; a fail pattern ends it at whatever it was waiting for. Fed text
 * and times, it starts and reads nothing itself.
 */
export class ConsoleWatch {
  private current = 0;
  private stageStart: number;
  private passedAt?: string;
  /** The stages passed so far, in order. */
  readonly passed: StageOutcome[] = [];
  constructor(
    private readonly step: GuestStep,
    private readonly startedAt: number,
  ) {
    this.stageStart = startedAt;
  }

  private get stages() {
    return this.step.guest.stages;
  }
  private get wantsExit(): boolean {
    const g = this.step.guest;
    return g.backend === 'qemu' && g.exitCode !== undefined;
  }
  private get ownCheck(): boolean {
    return hasOwnCheck(this.step.guest);
  }

  /**
   * Reads console text not seen before (starting at a line's start). Returns the outcome once
   * the step is decided, and how far the text was read: a line that decided something is not
   * read again when more of it arrives.
   */
  scan(text: string, now: number): { outcome?: StepOutcome; consumed: number } {
    const g = this.step.guest;
    let pos = 0;
    for (;;) {
      const stage = this.stages[this.current];
      const failed = earliest(text, pos, stage ? [...g.fail, ...stage.fail] : g.fail);
      const want = stage ? stage.pass : this.passedAt === undefined ? g.pass : undefined;
      const passed = want && matchFrom(text, pos, want);
      if (failed && (!passed || failed.index <= passed.index))
        return {
          outcome: this.finish('fail', `console: ${failed.line}`, now),
          consumed: failed.end,
        };
      if (!passed) return { consumed: pos };
      pos = passed.end;
      if (stage) {
        this.passed.push({
          name: stage.name,
          status: 'pass',
          message: `console: ${passed.line}`,
          durationMs: now - this.stageStart,
        });
        this.current++;
        this.stageStart = now;
        if (this.current === this.stages.length && !this.ownCheck)
          return {
            outcome: this.finish('pass', `all ${this.stages.length} stages passed`, now),
            consumed: pos,
          };
        continue;
      }
      this.passedAt = passed.line;
      if (!this.wantsExit)
        return { outcome: this.finish('pass', `console: ${passed.line}`, now), consumed: pos };
    }
  }

  /** The guest is gone by itself (its console read to the end first). */
  ended(finished: { code?: number; how: string }, now: number): StepOutcome {
    const g = this.step.guest;
    const note = debugExitNote(finished.code);
    const stage = this.stages[this.current];
    if (stage)
      return this.finish(
        'fail',
        `${finished.how}; expected a console line matching /${stage.pass.source}/${note}`,
        now,
      );
    const wantsExit = g.backend === 'qemu' && g.exitCode !== undefined;
    if (wantsExit && finished.code === g.exitCode && (!g.pass || this.passedAt !== undefined))
      return this.finish(
        'pass',
        `guest left with status ${finished.code}${this.passedAt ? `; console: ${this.passedAt}` : ''}`,
        now,
      );
    const expected = wantsExit
      ? `status ${g.exitCode}${g.pass && this.passedAt === undefined ? ` and a console line matching /${g.pass.source}/` : ''}`
      : `a console line matching /${g.pass!.source}/`;
    return this.finish('fail', `${finished.how}; expected ${expected}${note}`, now);
  }

  /** When what the step waits for runs out of time: the current stage's timeout, or the step's. */
  deadline(): number {
    const stepEnd = this.startedAt + this.step.timeoutMs;
    const t = this.stages[this.current]?.timeoutMs;
    return t === undefined ? stepEnd : Math.min(stepEnd, this.stageStart + t);
  }

  timedOut(now: number): StepOutcome {
    const stage = this.stages[this.current];
    if (!stage)
      return this.finish(
        'fail',
        `timed out after ${formatDuration(this.step.timeoutMs)}; guest stopped`,
        now,
      );
    const stepEnd = this.startedAt + this.step.timeoutMs;
    const own = stage.timeoutMs !== undefined && this.stageStart + stage.timeoutMs <= stepEnd;
    const after = own
      ? `timed out after ${formatDuration(stage.timeoutMs!)}`
      : `the step timed out after ${formatDuration(this.step.timeoutMs)}`;
    return this.finish('fail', `${after} waiting for /${stage.pass.source}/; guest stopped`, now);
  }

  interrupted(reason: string, now: number): StepOutcome {
    return { ...this.finish('fail', `${reason}; guest stopped`, now), interrupted: true };
  }

  /** The step's outcome: with stages, the one it ended in is named, and those after it blocked. */
  private finish(status: 'pass' | 'fail', message: string, now: number): StepOutcome {
    if (!this.stages.length) return { status, message };
    const stage = this.stages[this.current];
    if (!stage) return { status, message, stages: [...this.passed] };
    const stages: StageOutcome[] = [
      ...this.passed,
      { name: stage.name, status, message, durationMs: now - this.stageStart },
      ...this.stages.slice(this.current + 1).map((s) => ({
        name: s.name,
        status: 'blocked' as const,
        message: 'a stage before it failed',
      })),
    ];
    return { status, message: `stage '${stage.name}': ${message}`, stages };
  }
}

/** The stage a guest step failed in, if it has stages. */
export function failedStage(outcome: StepOutcome): string | undefined {
  return outcome.stages?.find((s) => s.status === 'fail')?.name;
}

/**
 * The steps of the result a guest step stands for: one per stage (named after it, sharing the
 * step's console log), then the step itself when it checks something of its own after them. A
 * step that never watched its stages (blocked, or failed before its guest started) puts its
 * status on the first stage and blocks the others, so every flight has the same steps.
 */
export function stageResults<T extends StepResult & { consoleTail?: string }>(
  report: T,
  step: PlanStep,
  stages?: StageOutcome[],
): T[] {
  if (step.kind !== 'guest' || !step.guest.stages.length) return [report];
  const outcomes =
    stages ??
    step.guest.stages.map((s, i): StageOutcome => {
      const first = i === 0 || report.status === 'blocked';
      return {
        name: s.name,
        status: first ? (report.status as StageOutcome['status']) : 'blocked',
        message: first ? (report.message ?? '') : 'a stage before it failed',
      };
    });
  const results = outcomes.map((s) => {
    const r: T = { ...report, name: s.name, status: s.status, message: s.message };
    if (s.durationMs === undefined) delete r.durationMs;
    else r.durationMs = s.durationMs;
    if (s.status !== 'fail') delete r.consoleTail;
    return r;
  });
  if (!hasOwnCheck(step.guest)) return results;
  const stageFailed = outcomes.some((s) => s.status !== 'pass');
  const own = { ...report };
  if (stageFailed && report.status !== 'blocked') {
    own.status = 'blocked';
    own.message = 'a stage before it failed';
    delete own.consoleTail;
  }
  return [...results, own];
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
  const watch = new ConsoleWatch(step, Date.now());
  try {
    for (;;) {
      // The console is read once more after the guest ended: its last words decide.
      const finished = ended;
      console.poll();
      const told = watch.passed.length;
      const seen = watch.scan(console.unscanned(), Date.now());
      console.scanned(seen.consumed);
      for (const s of watch.passed.slice(told))
        ctx.logger.info(
          `Stage '${s.name}' passed after ${((s.durationMs ?? 0) / 1000).toFixed(1)} s: ${s.message}`,
        );
      if (seen.outcome) {
        if (seen.outcome.status === 'fail') await settle(ctx.consoleLog);
        return seen.outcome;
      }
      if (finished) return watch.ended(finished, Date.now());
      if (signal.aborted) return watch.interrupted(abortReason(signal), Date.now());
      if (Date.now() >= watch.deadline()) return watch.timedOut(Date.now());
      // Wake at once when the guest leaves, so its exit is not noticed a poll late.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, POLL_MS)))]);
      clearTimeout(timer);
    }
  } finally {
    await guest.stop();
  }
}

/**
 * A fail pattern often matches the first line of a report (Xen's panic banner, an oops): the
 * guest gets a moment to write the rest before it is stopped, so the console shows why.
 */
async function settle(file: string, quietMs = 300, maxMs = 2000): Promise<void> {
  const size = () => (existsSync(file) ? statSync(file).size : 0);
  const until = Date.now() + maxMs;
  let last = size();
  let since = Date.now();
  while (Date.now() < until && Date.now() - since < quietMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = size();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
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
