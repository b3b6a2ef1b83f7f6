/**
 * What the commit ids written in messages name: resolved all at once (`git cat-file
 * --batch-check`), fetched by id when missing, and checked against the development branch.
 */
import type { Git } from '../git.js';
import { isHexId } from '../references.js';
import type { ClassifyOptions } from './classifier.js';
import type { Policy } from './policy.js';

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

export async function resolveReferences(
  git: Git,
  ids: string[],
  ctx: {
    development: string;
    head: string;
    upstreamSet: Set<string>;
    policy: Policy;
    options: ClassifyOptions;
  },
): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>();
  const toLook: string[] = [];
  for (const id of ids) {
    if (!isHexId(id)) out.set(id, { problem: `'${id}' is not a hexadecimal commit id` });
    else if (id.length < ctx.policy.minimumIdLength)
      out.set(id, {
        problem: `'${id}' is too short to be sure (${id.length} hex digits, at least ${ctx.policy.minimumIdLength} needed)`,
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
    list.forEach((id, i) => answer.set(id, (lines[i] ?? '').split(' ')));
    return answer;
  };
  let found = await look(toLook);
  const missing = toLook.filter((id) => found.get(id)?.[1] === 'missing');
  const fetchable = missing.filter((id) => id.length === 40 || id.length === 64);
  if (fetchable.length && ctx.options.fetchMissing) {
    await ctx.options.fetchMissing(fetchable);
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
async function elsewhere(
  git: Git,
  oid: string,
  ctx: { development: string; head: string; options: ClassifyOptions },
): Promise<string> {
  if (await git.isAncestor(oid, ctx.head))
    return `${oid.slice(0, 12)} is a downstream commit, not on the upstream development branch`;
  let where = '';
  if (ctx.options.upstreamRefs?.length) {
    const refs = (
      await git.run([
        'for-each-ref',
        '--contains',
        oid,
        '--format=%(refname)',
        ...ctx.options.upstreamRefs,
      ])
    )
      .split('\n')
      .filter(Boolean);
    if (refs.length) where = ` (it is on ${refs.slice(0, 3).map(refLabel).join(', ')})`;
  }
  const development = ctx.options.labels?.development ?? refLabel(ctx.options.development);
  return `${oid.slice(0, 12)} points into a branch that is not the upstream development branch ${development}${where}`;
}
