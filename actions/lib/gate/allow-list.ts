/**
 * The allow list: a YAML file in the user's repository naming failures that may not block,
 * each with a reason, an issue link and an expiry date (docs/allow-list.md):
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
import { ConfigurationError } from '../errors.js';

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
