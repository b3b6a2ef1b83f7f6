/**
 * The allow list: a YAML file on a branch of the hosted tree (by default `allow.yml` on
 * `tributary/config`), never in the tree under test, so a change cannot waive its own
 * regressions. It names failures that may not block, each with a reason, an issue link and an
 * expiry date (docs/allow-list.md):
 *
 *   allow:
 *     - job: test-amd64-*-qemuu-*
 *       step: migrate-support-check
 *       reason: migration of qemuu guests is broken upstream
 *       issue: https://gitlab.com/xen-project/xen/-/issues/123
 *       expires: 2026-12-31
 *
 * An entry past its expiry no longer allows (and is reported); an entry whose step passes
 * now is reported as stale, so the list shrinks as things get fixed.
 */
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { ConfigurationError, invalidSetting } from '../errors.js';
import type { Git } from '../git.js';

/** Where the allow list lives when nothing else is said: outside the tree under test. */
export const DEFAULT_ALLOW_LIST = 'tributary/config:allow.yml';

/** `<branch>:<path>` in the hosted tree. */
export interface AllowListSource {
  branch: string;
  path: string;
  /** Named by the user: a missing branch or file is then bad input, not an empty list. */
  explicit: boolean;
}

const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+$/;

/**
 * Reads `<branch>:<path>` (undefined or empty: the default, where a missing file is an empty
 * list). A value without a branch is refused by name: the input once named a file of the
 * checked-out tree, which the revision under test could edit.
 */
export function parseAllowListSource(value: string | undefined): AllowListSource {
  const explicit = !!value?.trim();
  const spec = explicit ? value!.trim() : DEFAULT_ALLOW_LIST;
  const colon = spec.indexOf(':');
  const branch = colon > 0 ? spec.slice(0, colon) : '';
  const path = colon > 0 ? spec.slice(colon + 1) : '';
  if (
    !BRANCH.test(branch) ||
    branch.endsWith('/') ||
    branch.endsWith('.lock') ||
    !path ||
    path.startsWith('/') ||
    path.endsWith('/') ||
    path.split('/').some((part) => !part || part === '.' || part === '..')
  )
    throw invalidSetting(
      'allow-list',
      spec,
      `<branch>:<path> of a file in the hosted tree, such as ${DEFAULT_ALLOW_LIST} (the allow list is no longer read from the checked-out tree)`,
    );
  return { branch, path, explicit };
}

export const describeSource = (s: AllowListSource) => `${s.branch}:${s.path}`;

/**
 * The entries of the allow list at `commit` (the source branch's head as fetched), read from
 * the gate's clone: a missing branch (`commit` undefined) or file is an empty list for the
 * default source and bad input for one the user named.
 */
export async function readAllowList(
  git: Git,
  source: AllowListSource,
  commit: string | undefined,
  remote: string,
): Promise<AllowEntry[]> {
  const name = describeSource(source);
  if (!commit) {
    if (!source.explicit) return [];
    throw new ConfigurationError(
      'allow-list',
      `The allow list ${name} does not exist: there is no branch '${source.branch}' in ${remote}.`,
    );
  }
  // (a failure to read the trees throws: a network failure is never a missing file)
  const entry = await git.treeEntry(commit, source.path);
  if (!entry || entry.type !== 'blob') {
    if (!source.explicit && !entry) return [];
    throw new ConfigurationError(
      'allow-list',
      `The allow list ${name} does not exist: '${source.branch}' (${commit}) has no file '${source.path}'.`,
    );
  }
  return parseAllowList(await git.readBlob(entry.oid), name);
}

export interface AllowEntry {
  job: string;
  step: string;
  reason: string;
  issue: string;
  /** The last day (UTC) on which the entry allows, YYYY-MM-DD. */
  expires: string;
  /** Where it was written, for reports: `file: allow[2]`. */
  source: string;
}

export function parseAllowList(text: string, source: string): AllowEntry[] {
  const fail = (field: string, message: string): never => {
    throw new ConfigurationError(`${source}: ${field}`, `${source}: field '${field}' ${message}`);
  };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ConfigurationError(source, `${source}: not valid YAML (${(e as Error).message})`);
  }
  if (doc === null || doc === undefined) return [];
  if (typeof doc !== 'object' || Array.isArray(doc))
    fail('(top level)', 'must be a mapping with an `allow` list');
  const list = (doc as Record<string, unknown>).allow;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) fail('allow', 'must be a list of entries');
  return (list as unknown[]).map((raw, i) => {
    const f = `allow[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(f, 'must be a mapping');
    const o = raw as Record<string, unknown>;
    const str = (key: string): string => {
      const v = o[key];
      if (v instanceof Date && key === 'expires') return v.toISOString().slice(0, 10);
      if (typeof v !== 'string' || !v.trim())
        fail(`${f}.${key}`, `must be a non-empty string, got ${JSON.stringify(v)}`);
      return (v as string).trim();
    };
    const entry: AllowEntry = {
      job: str('job'),
      step: o.step === undefined ? '*' : str('step'),
      reason: str('reason'),
      issue: str('issue'),
      expires: str('expires'),
      source: `${source}: ${f}`,
    };
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(entry.expires) ||
      Number.isNaN(Date.parse(`${entry.expires}T00:00:00Z`))
    )
      fail(`${f}.expires`, `is '${entry.expires}'; expected a date YYYY-MM-DD`);
    if (!/^https?:\/\/\S+$/.test(entry.issue))
      fail(`${f}.issue`, `is '${entry.issue}'; expected a link (https://...)`);
    for (const key of Object.keys(o))
      if (!['job', 'step', 'reason', 'issue', 'expires'].includes(key))
        fail(`${f}.${key}`, 'is not known; expected job, step, reason, issue, expires');
    return entry;
  });
}

/** An entry allows through the whole of its expiry day (UTC). */
export function isExpired(entry: AllowEntry, now: Date): boolean {
  return now.getTime() >= Date.parse(`${entry.expires}T00:00:00Z`) + 86_400_000;
}

export class AllowMatcher {
  private readonly compiled: {
    entry: AllowEntry;
    job: (s: string) => boolean;
    step: (s: string) => boolean;
  }[];
  constructor(entries: AllowEntry[]) {
    this.compiled = entries.map((entry) => ({
      entry,
      job: picomatch(entry.job, { dot: true }),
      step: picomatch(entry.step, { dot: true }),
    }));
  }
  /** Every entry whose patterns match the job and step. */
  matching(job: string, step: string): AllowEntry[] {
    return this.compiled.filter((c) => c.job(job) && c.step(step)).map((c) => c.entry);
  }
}
