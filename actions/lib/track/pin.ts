/**
 * pin: in a consumer repository, move a pinned revision of a hosted tree forward, to the
 * tested branch's head or to the newest tag (matching a glob) whose revision passed the gate,
 * as the gate's flight records (git notes) say. The pin is a Makefile-style variable, a line
 * matched by a user's regex, or a submodule's gitlink, changed in-core (a temporary index),
 * so neither the consumer nor the submodule is checked out.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError, errorMessage } from '../errors.js';
import { jobStatus, parseFlightRecord, type FlightRecord } from '../flight.js';
import { markerKey } from './marker.js';
import { branchName, short, signed, type TrackContext } from './context.js';
import { shortlog } from './history.js';
import type { PinSettings } from './settings.js';

// `git notes --ref` reads only under refs/notes/.
const TREE_NOTES = 'refs/notes/tributary-track/tree';
const HEX = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

interface PinSpot {
  /** What is pinned, for keys and titles: `Config.mk:SEABIOS_UPSTREAM_REVISION`. */
  subject: string;
  name: string;
  value: string;
  /** The new content of the file (or the gitlink) for a new value. */
  write(value: string, sha: string): Promise<{ mode: string; object: string; path: string }>;
}

/** Finds the pin in the consumer's tree at `target`; every miss is a ConfigurationError. */
async function locate(ctx: TrackContext, p: PinSettings, target: string): Promise<PinSpot> {
  const { git, settings: s } = ctx;
  if (p.submodule !== undefined) {
    const path = p.submodule.replace(/\/+$/, '');
    const entry = await git.run(['ls-tree', target, '--', path]);
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t/.exec(entry);
    if (!m)
      throw new ConfigurationError(
        'pin-submodule',
        `Input 'pin-submodule': ${path} does not exist in ${s.target}.`,
      );
    if (m[1] !== '160000')
      throw new ConfigurationError(
        'pin-submodule',
        `Input 'pin-submodule': ${path} is not a submodule in ${s.target} (it is a ${m[2]}, not a gitlink).`,
      );
    return {
      subject: `submodule:${path}`,
      name: `submodule ${path}`,
      value: m[3],
      write: async (_value, sha) => ({ mode: '160000', object: sha, path }),
    };
  }
  const file = p.file!;
  const entry = await git.run(['ls-tree', target, '--', file]);
  const m = /^(\d+) blob ([0-9a-f]+)\t/.exec(entry);
  if (!m)
    throw new ConfigurationError(
      'pin-file',
      `Input 'pin-file': ${file} does not exist in ${s.target}.`,
    );
  const [, mode, blob] = m;
  const content = (await git.exec(['cat-file', 'blob', blob])).stdout;
  let re: RegExp;
  let subject: string;
  let name: string;
  if (p.variable) {
    const v = p.variable.replace(/[.]/g, '\\.');
    re = new RegExp(
      `^[ \\t]*(?:override[ \\t]+|export[ \\t]+)?${v}[ \\t]*(?:\\?=|::?=|\\+=|=)[ \\t]*(\\S+)`,
      'md',
    );
    subject = `${file}:${p.variable}`;
    name = p.variable;
  } else {
    re = new RegExp(p.pattern!.source, 'md');
    subject = `${file}:/${p.pattern!.source}/`;
    name = `the pin in ${file}`;
  }
  const found = re.exec(content);
  if (!found?.indices?.[1]) {
    const input = p.variable ? 'pin-variable' : 'pin-pattern';
    throw new ConfigurationError(
      input,
      p.variable
        ? `Input 'pin-variable': ${file} in ${s.target} has no assignment to ${p.variable} (expected a line like '${p.variable} ?= <revision>').`
        : `Input 'pin-pattern': '${p.pattern!.source}' matches nothing in ${file} in ${s.target}.`,
    );
  }
  const [start, end] = found.indices[1];
  return {
    subject,
    name,
    value: found[1],
    write: async (value) => {
      const updated = content.slice(0, start) + value + content.slice(end);
      const object = await git.run(['hash-object', '-w', '--stdin'], { input: updated });
      return { mode, object, path: file };
    },
  };
}

/** The flights recorded on a revision (a note may hold several records, appended). */
export function flightsOf(note: string | undefined, source: string): FlightRecord[] {
  if (!note?.trim()) return [];
  const chunks = (() => {
    try {
      const whole = JSON.parse(note) as unknown;
      return Array.isArray(whole) ? whole.map((x) => JSON.stringify(x)) : [note];
    } catch {
      return note.split(/\n(?=\{)/);
    }
  })();
  const out: FlightRecord[] = [];
  for (const c of chunks) {
    try {
      out.push(parseFlightRecord(c, source));
    } catch {
      // A record this version cannot read does not count as a pass.
    }
  }
  return out;
}

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

export async function pin(ctx: TrackContext): Promise<void> {
  const { settings: s, git, work, pulls } = ctx;
  const p = s.pin!;
  await work.fetch(
    s.gitUrl,
    [{ remote: `refs/heads/${s.target}`, local: 'refs/track/target', input: 'target' }],
    { depth: 1 },
  );
  const target = (await git.commitOf('refs/track/target'))!;
  const spot = await locate(ctx, p, target);

  // The hosted tree: what is there, and what passed the gate.
  const advertised = await git.lsRemote(p.treeUrl, []);
  let newCommit: string;
  let newValue: string;
  let flight: FlightRecord | undefined;
  const wanted: { remote: string; local: string; optional?: boolean; input?: string }[] = [
    { remote: p.notesRef, local: TREE_NOTES, optional: true },
  ];
  if (p.branch)
    wanted.push({
      remote: `refs/heads/${p.branch}`,
      local: 'refs/track/tree-branch',
      input: 'pin-branch',
    });
  const isMatch = p.tags ? picomatch(p.tags) : () => false;
  const tags = [...advertised.keys()]
    .filter((r) => r.startsWith('refs/tags/') && isMatch(r.slice(10)))
    .map((r) => r.slice(10))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  if (p.tags && !tags.length)
    throw new ConfigurationError(
      'pin-tags',
      `Input 'pin-tags': no tag of ${p.treeUrl} matches '${p.tags}'.`,
    );
  for (const t of tags)
    wanted.push({ remote: `refs/tags/${t}`, local: `refs/track/tree-tags/${t}` });
  const oldIsTag = !HEX.test(spot.value) && advertised.has(`refs/tags/${spot.value}`);
  if (oldIsTag && !tags.includes(spot.value))
    wanted.push({ remote: `refs/tags/${spot.value}`, local: `refs/track/tree-tags/${spot.value}` });
  // Notes too come without their blobs: only the records of the revisions looked at are
  // fetched, when read, however many flights the tree has recorded.
  await work.fetch(p.treeUrl, wanted);
  const hasNotes = !!(await git.commitOf(TREE_NOTES));
  const flightsAt = async (commit: string) =>
    hasNotes
      ? flightsOf(await git.note(TREE_NOTES, commit), `${p.notesRef} on ${short(commit)}`)
      : [];

  if (p.branch) {
    newCommit = (await git.commitOf('refs/track/tree-branch'))!;
    newValue = newCommit;
    flight = (await flightsAt(newCommit)).filter(passed).pop();
  } else {
    let chosen: { tag: string; commit: string; flight: FlightRecord } | undefined;
    for (const t of tags) {
      const commit = (await git.commitOf(`refs/track/tree-tags/${t}`))!;
      const ok = (await flightsAt(commit)).filter(passed).pop();
      if (ok) {
        chosen = { tag: t, commit, flight: ok };
        break;
      }
    }
    if (!chosen) {
      ctx.notes.push(
        `No tag of ${p.treeUrl} matching '${p.tags}' has passed the gate yet: the pin stays at ${spot.value}.`,
      );
      return;
    }
    ({ commit: newCommit, tag: newValue, flight } = chosen);
  }

  let oldCommit: string | undefined;
  if (HEX.test(spot.value)) oldCommit = (await git.commitOf(spot.value)) ?? undefined;
  else if (oldIsTag) oldCommit = await git.commitOf(`refs/track/tree-tags/${spot.value}`);
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

  // The commit, made in a temporary index: nothing is checked out.
  const change = await spot.write(newValue, newCommit);
  const index = join(git.cwd, `tributary-pin-${process.pid}.index`);
  let commit: string;
  try {
    const env = { GIT_INDEX_FILE: index };
    await git.run(['read-tree', target], { env });
    await git.run(
      ['update-index', '--cacheinfo', `${change.mode},${change.object},${change.path}`],
      { env },
    );
    const tree = await git.run(['write-tree'], { env });
    const title = `Update ${spot.name} to ${HEX.test(newValue) ? short(newValue) : newValue}`;
    commit = await git.commitTree(
      tree,
      [target],
      signed(
        s,
        `${title}\n\n${HEX.test(spot.value) ? short(spot.value) : spot.value} -> ${newValue} (${newCommit})\n`,
      ),
    );
  } catch (e) {
    throw new Error(`Could not write the pin update: ${errorMessage(e)}`);
  } finally {
    rmSync(index, { force: true });
  }
  const title = `Update ${spot.name} to ${HEX.test(newValue) ? short(newValue) : newValue}`;
  const body = [
    `Moves ${spot.name} from ${spot.value} to ${newValue}${newValue === newCommit ? '' : ` (${newCommit})`} of ${p.treeUrl}.`,
    '',
    p.branch
      ? `${newValue.slice(0, 12)} is the head of the tested branch \`${p.branch}\`; ${flightLink(flight)}.`
      : `${newValue} is the newest tag matching \`${p.tags}\` that passed the gate: ${flightLink(flight)}.`,
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
