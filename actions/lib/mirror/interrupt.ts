/**
 * An interrupted mirror run (Ctrl-C, `kill -INT`, the runner cancelling the job) stops git, and
 * everything git started, before it goes: a push must never carry on alone after the command
 * said it stopped. The story then unwinds as from any failure, so the cache folder's lock is
 * released and a temporary folder removed, and the caller exits 128 + the signal's number.
 */
import { constants } from 'node:os';
import { stopGit } from '../git.js';
import type { Logger } from '../log.js';

export class Interrupted extends Error {
  /** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM. */
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`Interrupted (${signal}): git was stopped, and the run with it.`);
    this.name = 'Interrupted';
    this.exitCode = 128 + (constants.signals[signal] ?? 0);
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Runs a story that stops at SIGINT or SIGTERM: the signal aborts the story's AbortSignal and
 * stops git; once the story has unwound and every git process has exited, this rejects with
 * Interrupted. A second signal leaves at once.
 */
export async function interruptible<T>(
  logger: Logger,
  story: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(new Interrupted(signal).exitCode);
    logger.warning(`Interrupted (${signal}): stopping git, then cleaning up.`);
    controller.abort(new Interrupted(signal));
    void stopGit();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const result = await story(controller.signal).catch((e: unknown) => {
      if (controller.signal.aborted) return undefined;
      throw e;
    });
    if (!controller.signal.aborted) return result as T;
    await stopGit(); // every git started, awaited by the story or not, has exited
    throw controller.signal.reason as Interrupted;
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}
