/**
 * The consumer revisions a watch flight is tested against (`mode: baseline`): for the
 * consumer's unstable branch and each named stable branch, the newest revision its own gate's
 * records say passed, else (a consumer gated elsewhere, Xen by osstest) simply the branch head.
 * Reads only: the branches' last commits (no trees, no files) and the gate's notes they name.
 */
import { ConfigurationError } from '../errors.js';
import type { FlightRecord } from '../flight.js';
import type { Git, Remote } from '../git.js';
import type { Logger } from '../log.js';
import { readFlightsOf } from '../flight-notes.js';
import { fetchNotes, usePartialClone } from '../gate/index.js';

/** How far back along a branch's first parents a passing gate record is looked for. */
export const BASELINE_WALK = 100;

export interface BaselineEntry {
  branch: string;
  revision: string;
  source: 'gate-record' | 'branch-head';
  /** The gate's flight that passed it (source gate-record). */
  flight?: string;
}

/** A flight the consumer's gate let through on its own merits (a forced push did not pass). */
const passed = (r: FlightRecord) => r.decision?.verdict === 'push' && !r.decision.forced;

export async function resolveBaseline(
  git: Git,
  consumer: Remote,
  branches: string[],
  notesRef: string,
  logger: Logger,
): Promise<BaselineEntry[]> {
  const refs = branches.map((b) => `refs/heads/${b}`);
  const heads = await git.lsRemote(consumer.url, refs);
  const missing = branches.filter((b) => !heads.has(`refs/heads/${b}`));
  if (missing.length)
    throw new ConfigurationError(
      'consumer-branches',
      `The consumer's branch${missing.length > 1 ? 'es' : ''} ${missing.map((b) => `'${b}'`).join(', ')} (consumer-branches) ${missing.length > 1 ? 'do' : 'does'} not exist in ${consumer.url}.`,
    );
  const hosted = await usePartialClone(git, consumer);
  // The last commits of each branch only: the walk reads no further.
  await git.fetch(
    hosted,
    branches.map((b) => `+refs/heads/${b}:refs/remotes/consumer/${b}`),
    { depth: BASELINE_WALK, filter: 'tree:0', retries: 3 },
  );
  const notes = await fetchNotes(git, consumer, notesRef);
  const out: BaselineEntry[] = [];
  for (const branch of branches) {
    const head = heads.get(`refs/heads/${branch}`)!;
    let found: BaselineEntry | undefined;
    if (notes) {
      const line = await git.firstParents(head, BASELINE_WALK);
      const records = await readFlightsOf(git, notesRef, line);
      for (const commit of line) {
        const pass = [...(records.get(commit) ?? [])].reverse().find(passed);
        if (pass) {
          found = { branch, revision: commit, source: 'gate-record', flight: pass.flight };
          break;
        }
      }
    }
    const entry = found ?? { branch, revision: head, source: 'branch-head' as const };
    logger.info(
      entry.source === 'gate-record'
        ? `${branch}: ${entry.revision}, passed the consumer's gate in flight ${entry.flight}${entry.revision === head ? ' (the head)' : ` (the head ${head} has no passing record)`}`
        : `${branch}: ${entry.revision}, the branch head (no passing gate record in ${notesRef} on its last ${BASELINE_WALK} first-parent commits)`,
    );
    out.push(entry);
  }
  return out;
}
