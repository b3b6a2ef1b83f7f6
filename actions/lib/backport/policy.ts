/**
 * The user's side of the backport policy: how a commit declares itself downstream-only, which
 * extra reference forms count, and how short an abbreviated commit id may be.
 */
import { ConfigurationError, invalid } from '../errors.js';

export interface Policy {
  /** Trailers that mark a commit downstream-only; the value is the reason (`Downstream-only: x`). */
  downstreamOnlyTrailers: string[];
  /** Subject patterns that mark a commit downstream-only (`^update Xen version to`). */
  downstreamOnlySubjects: RegExp[];
  /** The user's own upstream reference forms, each with one capture group: the commit id. */
  referencePatterns: RegExp[];
  /** Fewer hex digits than this is too short to be sure (the Linux stable rule: 12). */
  minimumIdLength: number;
}

export const defaultPolicy: Policy = {
  downstreamOnlyTrailers: ['Downstream-only'],
  downstreamOnlySubjects: [],
  referencePatterns: [],
  minimumIdLength: 12,
};

function regex(subject: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw invalid(subject, source, 'a JavaScript regular expression');
  }
}

/**
 * A downstream-only subject pattern. One that matches the empty subject (`''`, `.*`, `^`)
 * would declare every commit downstream-only and so switch the policy off: refused, as an
 * empty trailer is.
 */
function subjectPattern(source: string): RegExp {
  const re = regex('downstream-only subject', source);
  if (re.test(''))
    throw invalid(
      'downstream-only subject',
      source,
      'a regular expression that does not match every subject, such as ^update Xen version to',
    );
  return re;
}

/** The policy from the strings of action inputs or command-line options, checked. */
export function parsePolicy(raw: {
  trailers?: string[];
  subjects?: string[];
  referencePatterns?: string[];
  minimumIdLength?: number;
}): Policy {
  const trailers = raw.trailers?.length ? raw.trailers : defaultPolicy.downstreamOnlyTrailers;
  for (const t of trailers) {
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(t))
      throw invalid('downstream-only trailer', t, 'a trailer name such as Downstream-only');
  }
  const referencePatterns = (raw.referencePatterns ?? []).map((p) => {
    const re = regex('reference pattern', p);
    // One capture group: the commit id. Count groups by matching the empty string's shape.
    const groups = new RegExp(`${re.source}|`).exec('')!.length - 1;
    if (groups !== 1)
      throw new ConfigurationError(
        'reference pattern',
        `Invalid reference pattern '${p}'. Expected exactly one capture group, the commit id, as in 'Upstream-ref: ([0-9a-f]+)'.`,
      );
    return re;
  });
  const minimumIdLength = raw.minimumIdLength ?? defaultPolicy.minimumIdLength;
  if (!Number.isInteger(minimumIdLength) || minimumIdLength < 7 || minimumIdLength > 40)
    throw invalid('minimum id length', String(minimumIdLength), 'a whole number from 7 to 40');
  return {
    downstreamOnlyTrailers: trailers,
    downstreamOnlySubjects: (raw.subjects ?? []).map(subjectPattern),
    referencePatterns,
    minimumIdLength,
  };
}

/** The downstream-only declaration of a message, if any: the reason given. */
export function downstreamOnlyReason(
  policy: Policy,
  subject: string,
  message: string,
): { reason: string; marker: string } | undefined {
  for (const line of message.split('\n')) {
    for (const t of policy.downstreamOnlyTrailers) {
      const m = new RegExp(`^\\s*${t}:\\s*(.*?)\\s*$`, 'i').exec(line);
      if (m) return { reason: m[1], marker: `${t}:` };
    }
  }
  for (const re of policy.downstreamOnlySubjects) {
    if (re.test(subject)) return { reason: subject, marker: `subject /${re.source}/` };
  }
  return undefined;
}

/**
 * A note explaining how a backport differs from the upstream commit, in the convention of the
 * stable trees: `[name: reason]` on a line of its own (`[ bwh: adjust context ]`).
 */
export function changeNote(message: string): string | undefined {
  for (const line of message.split('\n')) {
    const m = /^\s*\[\s*([^\]:\s][^\]:]*?)\s*:\s*([^\]]*\S)\s*\]\s*$/.exec(line);
    if (m) return `${m[1]}: ${m[2]}`;
  }
  return undefined;
}
