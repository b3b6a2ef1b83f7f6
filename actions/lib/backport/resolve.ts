/**
 * The classifier's second stage: what the commit ids written in the classified commits'
 * messages name, resolved all at once (`git cat-file --batch-check`), fetched by id when
 * missing, and checked against the development branch.
 */
import type { Git } from '../git.js';
import { findReferences, isHexId, type UpstreamReference } from '../references.js';
import { commitFacts, type CommitFacts, type FactsCache } from './facts.js';

/** A ref as people know it: our own namespaces and the refs/ prefix left out. */
export function refLabel(ref: string): string {
  return ref
    .replace(/^refs\/tributary\/(upstream|downstream)\//, '')
    .replace(/^refs\/(remotes|heads)\//, '');
}

export interface Resolution {
  commit?: string;
  /** Why the written id is not a usable upstream reference. */
  problem?: string;
}

/** Prefix map for abbreviated ids: the first 7 hex digits → full ids. */
export class PrefixIndex<T> {
  private readonly map = new Map<string, { id: string; value: T }[]>();
  add(id: string, value: T): void {
    const k = id.slice(0, 7);
    const list = this.map.get(k);
    if (list) list.push({ id, value });
    else this.map.set(k, [{ id, value }]);
  }
  /** Entries whose id and the given one agree (one may abbreviate the other). */
  find(id: string): T[] {
    return (this.map.get(id.slice(0, 7)) ?? [])
      .filter((e) => e.id.startsWith(id) || id.startsWith(e.id))
      .map((e) => e.value);
  }
}

/** What resolving needs to know about the run. */
export interface ResolveContext {
  /** The development branch's and the head's commits. */
  development: string;
  head: string;
  /** Upstream commits not in the head. */
  upstreamSet: Set<string>;
  minimumIdLength: number;
  /** Fetches referenced commits the repository lacks, by id. */
  fetchMissing?: (ids: string[]) => Promise<void>;
  /** Ref patterns searched to say where a commit not on development is. */
  upstreamRefs?: string[];
  /** The development branch as people know it. */
  developmentLabel: string;
}

/** The references the classified commits write, and what each written id names. */
export interface References {
  /** Classified commit → its references, in the order written. */
  written: Map<string, UpstreamReference[]>;
  /** Written id → what it names. */
  resolutions: Map<string, Resolution>;
  /** Written id → git's answer it rests on (`cat-file --batch-check`), for ids git was asked. */
  answers: Map<string, string>;
}

/** Reads the references of the classified commits and resolves them all at once. */
export async function resolveWritten(
  git: Git,
  commits: { commit: string; message: string }[],
  ctx: ResolveContext,
  extraPatterns?: RegExp[],
): Promise<References> {
  const written = new Map<string, UpstreamReference[]>();
  for (const l of commits) written.set(l.commit, findReferences(l.message, extraPatterns));
  const answers = new Map<string, string>();
  const resolutions = await resolveReferences(
    git,
    [...new Set([...written.values()].flat().map((r) => r.sha))],
    ctx,
    answers,
  );
  return { written, resolutions, answers };
}

/** The facts of the commits the references name join `facts` (their patches are compared next). */
export async function readNamedFacts(
  git: Git,
  references: References,
  read: { facts: Map<string, CommitFacts>; cache: FactsCache; extraPatterns?: RegExp[] },
): Promise<void> {
  const namedMissing = [...references.resolutions.values()]
    .map((r) => r.commit)
    .filter((c): c is string => !!c && !read.facts.has(c));
  if (namedMissing.length)
    for (const [c, f] of await commitFacts(git, namedMissing, read.cache, {
      extraPatterns: read.extraPatterns,
    }))
      read.facts.set(c, f);
}

/** The upstream commits a message names that resolve to development commits, each once. */
export function namedCommits(
  written: UpstreamReference[],
  resolutions: Map<string, Resolution>,
): string[] {
  const out: string[] = [];
  for (const ref of written) {
    const r = resolutions.get(ref.sha);
    if (r?.commit && !r.problem && !out.includes(r.commit)) out.push(r.commit);
  }
  return out;
}

export async function resolveReferences(
  git: Git,
  ids: string[],
  ctx: ResolveContext,
  answers?: Map<string, string>,
): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>();
  const toLook: string[] = [];
  for (const id of ids) {
    if (!isHexId(id)) out.set(id, { problem: `'${id}' is not a hexadecimal commit id` });
    else if (id.length < ctx.minimumIdLength)
      out.set(id, {
        problem: `'${id}' is too short to be sure (${id.length} hex digits, at least ${ctx.minimumIdLength} needed)`,
      });
    else if (id.length > 40 && id.length !== 64)
      out.set(id, { problem: `'${id}' is too long to be a commit id` });
    else toLook.push(id);
  }
  const look = async (list: string[]) => {
    const answer = new Map<string, string[]>();
    if (!list.length) return answer;
    const lines = (
      await git.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
        input: list.join('\n') + '\n',
      })
    ).split('\n');
    list.forEach((id, i) => {
      answers?.set(id, lines[i] ?? '');
      answer.set(id, (lines[i] ?? '').split(' '));
    });
    return answer;
  };
  let found = await look(toLook);
  const missing = toLook.filter((id) => found.get(id)?.[1] === 'missing');
  const fetchable = missing.filter((id) => id.length === 40 || id.length === 64);
  if (fetchable.length && ctx.fetchMissing) {
    await ctx.fetchMissing(fetchable);
    found = new Map([...found, ...(await look(fetchable))]);
  }
  for (const id of toLook) {
    const [oid, type] = found.get(id) ?? [];
    if (type === 'missing' || !type) {
      out.set(id, { problem: `${id} is not found upstream` });
    } else if (type === 'ambiguous') {
      out.set(id, { problem: `${id} is ambiguous: several objects start with it` });
    } else if (type !== 'commit') {
      out.set(id, { problem: `${id} names a ${type} object, not a commit` });
    } else if (ctx.upstreamSet.has(oid) || (await git.isAncestor(oid, ctx.development))) {
      out.set(id, { commit: oid });
    } else {
      out.set(id, { commit: oid, problem: await elsewhere(git, oid, ctx) });
    }
  }
  return out;
}

/** Why a commit that exists is not an upstream development commit, naming where it is. */
async function elsewhere(git: Git, oid: string, ctx: ResolveContext): Promise<string> {
  if (await git.isAncestor(oid, ctx.head))
    return `${oid.slice(0, 12)} is a downstream commit, not on the upstream development branch`;
  let where = '';
  if (ctx.upstreamRefs?.length) {
    const refs = (
      await git.run(['for-each-ref', '--contains', oid, '--format=%(refname)', ...ctx.upstreamRefs])
    )
      .split('\n')
      .filter(Boolean);
    if (refs.length) where = ` (it is on ${refs.slice(0, 3).map(refLabel).join(', ')})`;
  }
  return `${oid.slice(0, 12)} points into a branch that is not the upstream development branch ${ctx.developmentLabel}${where}`;
}
