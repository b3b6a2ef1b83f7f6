/**
 * One answer to "is this upstream commit already downstream?". The backport check calls a
 * downstream commit a backport of the upstream commits it names, or the same patch as one;
 * track's scan must then never propose those upstream commits again, and must propose what
 * the check would not recognise. So both read the answer here, from the classifier's own
 * classification of every downstream commit: every reference form it reads (a squash of
 * several picks included), the same resolution against the development branch, the same
 * patch comparison, the same cache of facts.
 */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { analyse, type Analysis } from './classifier.js';
import type { FactsCache } from './facts.js';
import { defaultPolicy, type Policy } from './policy.js';

/** How an upstream commit is carried downstream. */
export interface Carried {
  /** The downstream commit that carries it. */
  by: string;
  /** For people: `1a2b3c4d5e6f says "(cherry picked from commit ...)"`, `... has the same patch`. */
  why: string;
}

/** The upstream commits the classified downstream commits carry, from an analysis. */
export function carriedUpstream(analysis: Analysis): Map<string, Carried> {
  const out = new Map<string, Carried>();
  const { written, resolutions } = analysis.references;
  const carry = (upstream: string, by: string, why: string) => {
    if (!out.has(upstream)) out.set(upstream, { by, why: `${by.slice(0, 12)} ${why}` });
  };
  for (const c of analysis.classifications) {
    if (c.class === 'backport')
      for (const u of c.upstreams ?? (c.upstream ? [c.upstream] : [])) {
        const ref = (written.get(c.commit) ?? []).find((r) => resolutions.get(r.sha)?.commit === u);
        carry(u, c.commit, `says "${ref?.line ?? c.reference?.line}"`);
      }
    else if (c.class === 'upstream' && c.upstream) {
      // Every upstream commit with that patch: a pick of it on another branch is carried too.
      const f = analysis.facts.get(c.commit);
      const same = (f?.stable && analysis.byPatch.get(f.stable)) ||
        (f?.zero && analysis.byPatch.get(f.zero)) || [c.upstream];
      for (const u of [c.upstream, ...same]) carry(u, c.commit, 'has the same patch');
    }
  }
  return out;
}

export interface DownstreamOptions {
  git: Git;
  /** The upstream development branch (a revision). */
  upstream: string;
  /** The downstream branch (a revision): every commit of it not upstream is read. */
  downstream: string;
  /** The reference forms and id length the backport check uses; its defaults otherwise. */
  policy?: Policy;
  /** The facts cache (or its folder) the backport check keeps too. */
  cache?: FactsCache | string;
  logger?: Logger;
}

/**
 * Upstream commits the downstream branch carries (upstream commit → how), as the backport
 * check classifies the downstream branch's own commits against the development branch.
 */
export async function alreadyDownstream(options: DownstreamOptions): Promise<Map<string, Carried>> {
  const analysis = await analyse({
    git: options.git,
    head: options.downstream,
    development: options.upstream,
    policy: options.policy ?? defaultPolicy,
    cache: options.cache,
    logger: options.logger,
  });
  return carriedUpstream(analysis);
}
