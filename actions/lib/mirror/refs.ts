/**
 * Which upstream refs a mirror carries, and under which names they land in the hosted tree.
 * Only branches and tags are ever considered: refs/pull/*, HEAD, refs/changes, notes and any
 * other namespace are outside by construction. Patterns are globs (`*` within one level,
 * `**` across levels); a pattern without `refs/` matches branch and tag names alike.
 */
import picomatch from 'picomatch';
import { invalidSetting, SettingError } from '../errors.js';

export const BRANCHES = 'refs/heads/';
export const TAGS = 'refs/tags/';

/** An explicit rename, `refs/heads/master:refs/heads/upstream/master`; one `*` each side allowed. */
export interface MapRule {
  source: string;
  destination: string;
}

export interface RefSelectionInput {
  /** Glob patterns; `!pattern` excludes. Empty: every branch and tag (or the map's sources). */
  patterns?: string[];
  /** `source:destination` renames. */
  map?: string[];
  /** Prepended to branch names that no map rule renames (`upstream/` → refs/heads/upstream/x). */
  prefix?: string;
  /** Prepended to tag names that no map rule renames. */
  tagPrefix?: string;
}

/**
 * A list of patterns as both front ends take it: one a line, or separated by commas, `#`
 * comments dropped. A comma inside braces belongs to its pattern: `v{8,9}.*` is one pattern.
 */
export function splitPatterns(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    let depth = 0;
    let item = '';
    for (const c of line.replace(/#.*$/, '')) {
      if (c === '{') depth++;
      if (c === '}') depth = Math.max(0, depth - 1);
      if (c === ',' && depth === 0) {
        items.push(item);
        item = '';
      } else item += c;
    }
    items.push(item);
  }
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Whether a full ref name is one git would accept (the rules of `git check-ref-format`). */
export function isValidRefName(ref: string): boolean {
  if (!ref.startsWith('refs/') || ref.endsWith('/') || ref.endsWith('.')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes('..') || ref.includes('@{')) return false;
  return ref
    .split('/')
    .every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** A pattern is a ref name with glob characters: the same rules, minus the glob characters. */
function validPattern(pattern: string): boolean {
  if (!pattern.startsWith(BRANCHES) && !pattern.startsWith(TAGS)) return false;
  if (pattern === BRANCHES || pattern === TAGS) return false;
  let depth = 0;
  let brace = 0;
  for (const c of pattern) {
    if (c === '[') depth++;
    if (c === ']' && --depth < 0) return false;
    if (c === '{') brace++;
    if (c === '}' && --brace < 0) return false;
  }
  if (depth !== 0 || brace !== 0) return false;
  // Put a plain letter where each glob character is and check what is left as a ref name.
  const plain = pattern.replace(/\*\*|[*?]|\[[^\]]*\]|\{[^}]*\}/g, 'x');
  if (!isValidRefName(plain)) return false;
  try {
    picomatch.makeRe(pattern, { strictBrackets: true });
  } catch {
    return false;
  }
  return true;
}

const PATTERN_FORM =
  'a glob over branch or tag names such as `stable-*`, `refs/heads/**` or `refs/tags/v*`, optionally prefixed with `!` to exclude';

/** Expands one written pattern to full-ref patterns (a bare name means a branch or a tag). */
export function parsePattern(setting: string, written: string): string[] {
  const value = written.trim();
  if (!value) throw invalidSetting(setting, written, PATTERN_FORM);
  const full = value.startsWith('refs/')
    ? [value]
    : value.startsWith('heads/') || value.startsWith('tags/')
      ? [`refs/${value}`]
      : [BRANCHES + value, TAGS + value];
  if (!full.every(validPattern)) throw invalidSetting(setting, written, PATTERN_FORM);
  return full;
}

const MAP_FORM =
  '`refs/heads/<name>:refs/heads/<new name>` (or refs/tags/ on both sides), with at most one `*` on each side and either both sides or neither';

function parseMapRule(written: string): MapRule {
  const value = written.trim();
  const parts = value.split(':');
  if (parts.length !== 2) throw invalidSetting('map', written, MAP_FORM);
  const [source, destination] = parts;
  const stars = (s: string) => s.split('*').length - 1;
  const kind = (s: string) =>
    s.startsWith(BRANCHES) ? BRANCHES : s.startsWith(TAGS) ? TAGS : undefined;
  const plain = (s: string) => s.replace('*', 'x');
  if (
    !kind(source) ||
    kind(source) !== kind(destination) ||
    stars(source) > 1 ||
    stars(source) !== stars(destination) ||
    !isValidRefName(plain(source)) ||
    !isValidRefName(plain(destination))
  )
    throw invalidSetting('map', written, MAP_FORM);
  return { source, destination };
}

function validPrefix(prefix: string): boolean {
  return prefix === '' || (isValidRefName(`refs/heads/${prefix}x`) && !prefix.startsWith('/'));
}

/** Matches a map rule's side against a ref; returns what `*` stood for, or undefined. */
function matchRule(side: string, ref: string): string | undefined {
  const star = side.indexOf('*');
  if (star < 0) return side === ref ? '' : undefined;
  const head = side.slice(0, star);
  const tail = side.slice(star + 1);
  if (ref.length < head.length + tail.length + 1) return undefined;
  if (!ref.startsWith(head) || !ref.endsWith(tail)) return undefined;
  return ref.slice(head.length, ref.length - tail.length);
}

/** The selection and the renaming of a mirror, validated once, applied to every ref. */
export class RefMapper {
  readonly include: string[];
  readonly exclude: string[];
  readonly rules: MapRule[];
  readonly prefix: string;
  readonly tagPrefix: string;
  /** The patterns and map entries as written, for messages. */
  private readonly written: { patterns: string[]; map: string[] };
  private readonly included: (ref: string) => boolean;
  private readonly excluded: (ref: string) => boolean;

  constructor(input: RefSelectionInput = {}) {
    const include: string[] = [];
    const exclude: string[] = [];
    for (const written of input.patterns ?? []) {
      const negated = written.trim().startsWith('!');
      const body = negated ? written.trim().slice(1) : written;
      (negated ? exclude : include).push(...parsePattern('refs', body));
    }
    this.rules = (input.map ?? []).filter((m) => m.trim()).map(parseMapRule);
    this.written = {
      patterns: (input.patterns ?? []).map((p) => p.trim()).filter(Boolean),
      map: (input.map ?? []).map((m) => m.trim()).filter(Boolean),
    };
    if (!include.length && !this.rules.length) include.push(`${BRANCHES}**`, `${TAGS}**`);
    this.include = include;
    this.exclude = exclude;
    this.prefix = input.prefix ?? '';
    this.tagPrefix = input.tagPrefix ?? '';
    if (!validPrefix(this.prefix))
      throw invalidSetting('prefix', this.prefix, 'a ref name fragment such as `upstream/`');
    if (!validPrefix(this.tagPrefix))
      throw invalidSetting('tag-prefix', this.tagPrefix, 'a ref name fragment such as `upstream/`');
    const options = { dot: true, nonegate: true };
    const inc = picomatch(include.length ? include : ['\0'], options);
    const exc = exclude.length ? picomatch(exclude, options) : () => false;
    this.included = (ref) =>
      inc(ref) || this.rules.some((r) => matchRule(r.source, ref) !== undefined);
    this.excluded = exc;
  }

  /** The selection as the user wrote it: `refs 'master', 'stable-*'; map '...'`. */
  describe(): string {
    const quote = (list: string[]) => list.map((x) => `'${x}'`).join(', ');
    const parts = [
      ...(this.written.patterns.length ? [`refs ${quote(this.written.patterns)}`] : []),
      ...(this.written.map.length ? [`map ${quote(this.written.map)}`] : []),
    ];
    return parts.length ? parts.join('; ') : 'every branch and tag (no refs given)';
  }

  /** Whether an upstream ref is mirrored at all. */
  selects(ref: string): boolean {
    if (!ref.startsWith(BRANCHES) && !ref.startsWith(TAGS)) return false;
    return this.included(ref) && !this.excluded(ref);
  }

  /** The hosted name of an upstream ref (the first map rule that matches, else the prefix). */
  map(ref: string): string {
    for (const rule of this.rules) {
      const star = matchRule(rule.source, ref);
      if (star !== undefined) return rule.destination.replace('*', star);
    }
    if (ref.startsWith(BRANCHES)) return BRANCHES + this.prefix + ref.slice(BRANCHES.length);
    return TAGS + this.tagPrefix + ref.slice(TAGS.length);
  }

  /**
   * Whether a hosted ref is one this mirror manages: some upstream name that the patterns
   * select maps onto it. Only those may ever be deleted (prune), so the hosted tree's own
   * branches (master, staging beside upstream/*) are out of reach.
   */
  owns(hosted: string): boolean {
    const candidates: string[] = [];
    for (const rule of this.rules) {
      const star = matchRule(rule.destination, hosted);
      if (star !== undefined) candidates.push(rule.source.replace('*', star));
    }
    if (hosted.startsWith(BRANCHES + this.prefix))
      candidates.push(BRANCHES + hosted.slice((BRANCHES + this.prefix).length));
    if (hosted.startsWith(TAGS + this.tagPrefix))
      candidates.push(TAGS + hosted.slice((TAGS + this.tagPrefix).length));
    return candidates.some((s) => isValidRefName(s) && this.selects(s) && this.map(s) === hosted);
  }

  /**
   * Selects and renames a listing of upstream refs: hosted name → {upstream name, object}.
   * Two upstream refs landing on one hosted name is a configuration mistake.
   */
  apply(upstream: Map<string, string>): Map<string, { source: string; oid: string }> {
    const out = new Map<string, { source: string; oid: string }>();
    for (const [ref, oid] of [...upstream].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!this.selects(ref)) continue;
      const hosted = this.map(ref);
      if (!isValidRefName(hosted))
        throw new SettingError(
          'map',
          (name) =>
            `Upstream ref ${ref} would be mirrored as '${hosted}', which is not a valid ref name. Check ${name} and the prefix.`,
        );
      const clash = out.get(hosted);
      if (clash)
        throw new SettingError(
          'map',
          (name) =>
            `Upstream refs ${clash.source} and ${ref} would both be mirrored as ${hosted}. Make ${name} and the prefix give them different names.`,
        );
      out.set(hosted, { source: ref, oid });
    }
    return out;
  }
}
