/**
 * pin: in a consumer repository, move a pinned revision of a hosted tree forward, to the
 * tested branch's head or to the newest tag (matching a glob) whose revision passed the gate,
 * as the gate's flight records (git notes) say. The pin is a Makefile-style variable, a line
 * matched by a user's regex, or a submodule's gitlink, changed in-core (a temporary index),
 * so neither the consumer nor the submodule is checked out.
 */
import picomatch from 'picomatch';
import { errorMessage, settingError } from '../errors.js';
import { FlightNotes } from '../flight-notes.js';
import { jobStatus, type FlightRecord } from '../flight.js';
import { markerKey } from './marker.js';
import { branchName, short, signed, type TrackContext } from './context.js';
import { shortlog } from './history.js';
import { locatePin, type PinSpot } from './pin-spot.js';
import { newestFirst } from './versions.js';

// `git notes --ref` reads only under refs/notes/.
const TREE_NOTES = 'refs/notes/tributary-track/tree';
const HEX = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function passed(f: FlightRecord): boolean {
  if (f.decision) return f.decision.verdict === 'push';
  return (
    f.jobs.length > 0 &&
    f.jobs.every(
      (j) =>
        jobStatus(j.steps, j.cancelled) !== 'fail' && jobStatus(j.steps, j.cancelled) !== 'blocked',
    )
  );
}

function flightLink(f: FlightRecord | undefined): string {
  if (!f) return 'no flight is recorded for it';
  return f.trigger?.runUrl
    ? `flight [${f.flight}](${f.trigger.runUrl}) passed`
    : `flight ${f.flight} passed`;
}

/** What the pin moves to: a revision, the value written for it, and why it may be taken. */
interface Choice {
  commit: string;
  value: string;
  flight?: FlightRecord;
  /** A tag taken without any flight record (require-flight: false). */
  untested?: boolean;
}

/** Reads the flight records the gate left on revisions of the hosted tree. */
type FlightReader = ((commit: string) => Promise<FlightRecord[]>) & {
  /** Whether a record on the revision could not be read. */
  damaged?: (commit: string) => boolean;
};

export async function pin(ctx: TrackContext): Promise<void> {
  const { settings: s, git, work } = ctx;
  const p = s.pin!;
  await work.fetch(
    s.gitUrl,
    [{ remote: `refs/heads/${s.target}`, local: 'refs/track/target', input: 'target' }],
    { depth: 1, urlInput: 'git-url' },
  );
  const target = (await git.commitOf('refs/track/target'))!;
  const spot = await locatePin(git, p, target, s.target);

  // The hosted tree: what is there, and what passed the gate.
  const advertised = await work.advertised(p.treeUrl, 'tree-url');
  const oldIsTag = !HEX.test(spot.value) && advertised.has(`refs/tags/${spot.value}`);
  // A pin that names a branch follows it on purpose (Xen unstable builds QEMU master).
  if (!HEX.test(spot.value) && !oldIsTag && advertised.has(`refs/heads/${spot.value}`)) {
    const notice = `${spot.name} follows the branch ${spot.value} of ${p.treeUrl}: a branch is not a pinned revision, so it is left alone. Set it to a tag or a commit id to have tributary move it.`;
    ctx.notices.push(notice);
    return;
  }
  const isMatch = p.tags ? picomatch(p.tags) : () => false;
  const tags = newestFirst(
    [...advertised.keys()]
      .filter((r) => r.startsWith('refs/tags/') && isMatch(r.slice(10)))
      .map((r) => r.slice(10)),
  );
  if (p.tags && !tags.length)
    throw settingError('pin-tags', `no tag of ${p.treeUrl} matches '${p.tags}'.`);
  const wanted: { remote: string; local: string; optional?: boolean; input?: string }[] = [
    { remote: p.notesRef, local: TREE_NOTES, optional: true },
  ];
  if (p.branch)
    wanted.push({
      remote: `refs/heads/${p.branch}`,
      local: 'refs/track/tree-branch',
      input: 'pin-branch',
    });
  for (const t of tags)
    wanted.push({ remote: `refs/tags/${t}`, local: `refs/track/tree-tags/${t}` });
  if (oldIsTag && !tags.includes(spot.value))
    wanted.push({ remote: `refs/tags/${spot.value}`, local: `refs/track/tree-tags/${spot.value}` });
  // Notes too come without their blobs: only the records of the revisions looked at are
  // fetched, when read, however many flights the tree has recorded.
  await work.fetch(p.treeUrl, wanted, { urlInput: 'tree-url' });
  const hasNotes = !!(await git.commitOf(TREE_NOTES));
  // Lenient: a record this version cannot read never counts as a pass, and is reported.
  const notes = new FlightNotes(git, TREE_NOTES, {
    strict: false,
    logger: ctx.logger,
    shownAs: `${p.treeUrl} ${p.notesRef}`,
  });
  const flightsAt: FlightReader = async (commit) => (hasNotes ? notes.read(commit) : []);
  // A revision whose record cannot be read is not one without a record (never untested).
  flightsAt.damaged = (commit) => notes.damaged.some((d) => d.commit === commit);

  let choice: Choice | undefined;
  if (p.branch) {
    const commit = (await git.commitOf('refs/track/tree-branch'))!;
    choice = { commit, value: commit, flight: (await flightsAt(commit)).filter(passed).pop() };
  } else choice = await chooseTag(ctx, spot, tags, flightsAt);
  if (notes.damaged.length)
    ctx.notices.push(
      `${notes.damaged.length} flight record(s) in ${p.notesRef} of ${p.treeUrl} could not be read and count as no pass: ${[...new Set(notes.damaged.map((d) => d.commit))].map(short).join(', ')}.`,
    );
  if (!choice) return;

  let oldCommit: string | undefined;
  if (HEX.test(spot.value)) oldCommit = (await git.commitOf(spot.value)) ?? undefined;
  else if (oldIsTag) oldCommit = await git.commitOf(`refs/track/tree-tags/${spot.value}`);
  await proposePin(ctx, spot, choice, oldCommit);
}

/**
 * The newest matching tag that passed the gate, or, with require-flight: false, that has no
 * flight record at all (a tag whose flight was refused is never taken). Nothing taken: says
 * why, and warns when no tag has any record, since then nothing ever will be.
 */
async function chooseTag(
  ctx: TrackContext,
  spot: PinSpot,
  tags: string[],
  flightsAt: FlightReader,
): Promise<Choice | undefined> {
  const { git } = ctx;
  const p = ctx.settings.pin!;
  let recorded = false;
  for (const tag of tags) {
    const commit = (await git.commitOf(`refs/track/tree-tags/${tag}`))!;
    const flights = await flightsAt(commit);
    const unreadable = !!flightsAt.damaged?.(commit);
    if (flights.length || unreadable) recorded = true;
    const ok = flights.filter(passed).pop();
    if (ok) return { commit, value: tag, flight: ok };
    if (!flights.length && !unreadable && !p.requireFlight)
      return { commit, value: tag, untested: true };
  }
  if (!recorded) {
    const warning = `No flight record of ${p.treeUrl} (notes ref ${p.notesRef}) covers a tag matching '${p.tags}', so none counts as tested and ${spot.name} stays at ${spot.value}. Gate the tree with push-gate, which records each flight under ${p.notesRef} (or set notes-ref to where your gate records them); or set require-flight: false to pin the newest matching tag (${tags[0]}) without one.`;
    ctx.logger.warning(warning, { title: 'track-upstream: no flight record' });
    ctx.notes.push(warning);
  } else
    ctx.notes.push(
      `No tag of ${p.treeUrl} matching '${p.tags}' has passed the gate yet: the pin stays at ${spot.value}.`,
    );
  return undefined;
}

/** Opens, refreshes or closes the pull request that moves the pin to the choice. */
async function proposePin(
  ctx: TrackContext,
  spot: PinSpot,
  choice: Choice,
  oldCommit: string | undefined,
): Promise<void> {
  const { settings: s, git, pulls } = ctx;
  const p = s.pin!;
  const { commit: newCommit, value: newValue } = choice;
  await pulls.load('pin');
  const key = markerKey({ mode: 'pin', target: s.target, subject: spot.subject });
  // Never backwards: a pin already past the chosen revision (moved by hand) stays.
  const ahead =
    !!oldCommit && oldCommit !== newCommit && (await git.isAncestor(newCommit, oldCommit));
  if (ahead) {
    ctx.notes.push(
      `${spot.name} (${spot.value}) is already past ${newValue}: it is not moved back.`,
    );
    await pulls.close(
      key,
      `\`${s.target}\` already pins ${spot.name} to ${spot.value}, past ${newValue}: tributary does not move a pin back.`,
    );
    return;
  }
  if (spot.value === newValue || oldCommit === newCommit) {
    ctx.notes.push(`${spot.name} is already at ${newValue}.`);
    await pulls.close(
      key,
      `\`${s.target}\` already pins ${spot.name} to ${spot.value}, which is ${short(newCommit)}: there is nothing left to move.`,
    );
    return;
  }
  // A pin that is not an ancestor of the new revision moves sideways or back: say so.
  let history: string[];
  if (oldCommit && (await git.isAncestor(oldCommit, newCommit)))
    history = await shortlog(git, [`${oldCommit}..${newCommit}`]);
  else if (oldCommit)
    history = [
      `${short(oldCommit)} is not an ancestor of ${short(newCommit)}: this moves the pin sideways or back.`,
    ];
  else history = [`The old pin ${spot.value} is not a revision of ${p.treeUrl}: no shortlog.`];

  const title = `Update ${spot.name} to ${HEX.test(newValue) ? short(newValue) : newValue}`;
  const commit = await commitPin(ctx, spot, choice, title);
  const why = p.branch
    ? `${newValue.slice(0, 12)} is the head of the tested branch \`${p.branch}\`; ${flightLink(choice.flight)}.`
    : choice.untested
      ? `${newValue} is the newest tag matching \`${p.tags}\`. It has no flight record: it is proposed untested because require-flight is false.`
      : `${newValue} is the newest tag matching \`${p.tags}\` that passed the gate: ${flightLink(choice.flight)}.`;
  const body = [
    `Moves ${spot.name} from ${spot.value} to ${newValue}${newValue === newCommit ? '' : ` (${newCommit})`} of ${p.treeUrl}.`,
    '',
    why,
    '',
    `### Changes (${oldCommit && history[0]?.startsWith('- ') ? history.filter((l) => !l.includes('older commits')).length : 0})`,
    '',
    ...history,
  ];
  await pulls.propose({
    marker: { v: 1, mode: 'pin', target: s.target, subject: spot.subject, source: newCommit },
    branch: branchName(s, spot.subject.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '')),
    title,
    body: body.join('\n'),
    commit,
    change: `${spot.name} set to ${newValue}`,
  });
}

/** The commit that changes the pin, made in a temporary index: nothing is checked out. */
async function commitPin(
  ctx: TrackContext,
  spot: PinSpot,
  choice: Choice,
  title: string,
): Promise<string> {
  const { settings: s, git } = ctx;
  const target = (await git.commitOf('refs/track/target'))!;
  const change = await spot.write(choice.value, choice.commit);
  try {
    const tree = await git.treeWith(target, [change]);
    const old = HEX.test(spot.value) ? short(spot.value) : spot.value;
    return await git.commitTree(
      tree,
      [target],
      signed(s, `${title}\n\n${old} -> ${choice.value} (${choice.commit})\n`),
    );
  } catch (e) {
    throw new Error(`Could not write the pin update: ${errorMessage(e)}`);
  }
}
