/**
 * Release tags in version order, as `git tag --sort=version:refname` orders them with
 * `versionsort.suffix` set to the pre-release words: `v9.2.0-rc1 < v9.2.0-rc4 < v9.2.0 <
 * v9.2.1`, `rel-1.16.3-rc1 < rel-1.16.3`. A plain natural sort puts `v9.2.0-rc4` after
 * `v9.2.0` (it is longer), which would pin a release candidate over its release.
 */

const WORDS = ['alpha', 'beta', 'pre', 'rc'];
const SEPARATORS = ['-', '.', '~', '_'];

/** Pre-release suffixes, lowest first: every `-alpha` ranks below every `-rc`. */
export const PRERELEASE_SUFFIXES: readonly string[] = WORDS.flatMap((w) =>
  SEPARATORS.map((s) => s + w),
);

/**
 * Which suffix (its index) one string has around the first difference: git's rule is a
 * suffix starting at most its own length before that point, and at the latest at it.
 */
function suffixAt(s: string, off: number): number {
  for (let i = 0; i < PRERELEASE_SUFFIXES.length; i++) {
    const suffix = PRERELEASE_SUFFIXES[i];
    for (let j = Math.max(0, off - suffix.length); j <= off; j++)
      if (s.startsWith(suffix, j)) return i;
  }
  return -1;
}

/** Runs of digits compared as numbers, everything else byte by byte. */
function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const [x, y] = [ta[i], tb[i]];
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const [nx, ny] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/** Negative when `a` is the older version, positive when newer, 0 when the same string. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  let off = 0;
  while (off < a.length && off < b.length && a[off] === b[off]) off++;
  const [sa, sb] = [suffixAt(a, off), suffixAt(b, off)];
  if (sa !== sb) {
    if (sa >= 0 && sb >= 0) return sa - sb;
    return sa >= 0 ? -1 : 1;
  }
  return naturalCompare(a, b) || (a < b ? -1 : 1);
}

/** Newest first. */
export function newestFirst(tags: Iterable<string>): string[] {
  return [...tags].sort((a, b) => compareVersions(b, a));
}
