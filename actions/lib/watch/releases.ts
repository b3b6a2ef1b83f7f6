/**
 * Which upstream tags are releases, and of which kind: a pure classification of the tag names
 * the mirror created (its `created-tags` output), so the release workflow tests a beta, a
 * release candidate or a final release and nothing else. Patterns are `kind:glob`, tried in
 * order, the first match wins: `v9.2.0-rc1` is an rc before `v[0-9]*` calls it final.
 */
import picomatch from 'picomatch';
import { invalidSetting } from '../errors.js';

export const RELEASE_KINDS = ['beta', 'rc', 'final'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** QEMU's `v9.2.0-rc1` and `v9.2.0`, SeaBIOS' `rel-1.16.3`; betas and rcs before finals. */
export const DEFAULT_RELEASE_PATTERNS = [
  'rc:*-rc*',
  'beta:*-beta*',
  'final:v[0-9]*',
  'final:rel-[0-9]*',
];

export interface ReleasePattern {
  kind: ReleaseKind;
  glob: string;
  match: (tag: string) => boolean;
}

export interface Classified {
  releases: { tag: string; kind: ReleaseKind }[];
  /** Tags no pattern matches: not releases, each worth a warning. */
  unmatched: string[];
}

/** `kind:glob` lines, each checked; an error names the setting and the line. */
export function parseReleasePatterns(
  lines: string[],
  setting = 'release-patterns',
): ReleasePattern[] {
  return lines.map((line) => {
    const at = line.indexOf(':');
    const kind = line.slice(0, at).trim() as ReleaseKind;
    const glob = line.slice(at + 1).trim();
    if (at < 1 || !RELEASE_KINDS.includes(kind) || !glob)
      throw invalidSetting(
        setting,
        line,
        `kind:glob lines, kind one of ${RELEASE_KINDS.join(', ')} (rc:*-rc*)`,
      );
    return { kind, glob, match: picomatch(glob) };
  });
}

/**
 * Tag names (a JSON array, as the mirror's output gives them) checked: a list of non-empty
 * strings, refs/tags/ taken off; an error names the setting.
 */
export function parseTags(text: string, setting = 'tags'): string[] {
  let v: unknown;
  try {
    v = JSON.parse(text || '[]');
  } catch {
    throw invalidSetting(
      setting,
      text,
      "a JSON array of tag names (the mirror's created-tags output)",
    );
  }
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string' || !t.trim()))
    throw invalidSetting(
      setting,
      text,
      "a JSON array of tag names (the mirror's created-tags output)",
    );
  return (v as string[]).map((t) => t.trim().replace(/^refs\/tags\//, ''));
}

export function classifyTags(tags: string[], patterns: ReleasePattern[]): Classified {
  const out: Classified = { releases: [], unmatched: [] };
  for (const tag of tags) {
    const p = patterns.find((x) => x.match(tag));
    if (p) out.releases.push({ tag, kind: p.kind });
    else out.unmatched.push(tag);
  }
  return out;
}
