/**
 * What the classifier needs to know about each commit, computed in a few streamed passes over
 * any number of commits (never one process per commit) and cached by commit id between runs:
 * a commit id names its content forever, so an entry never goes stale.
 *
 * - `files`: a short hash of the sorted paths the commit changes. Equal patches change the
 *   same paths, so patch-ids are computed only for upstream commits whose paths match a
 *   downstream commit's (the trick `git log --cherry-mark` uses, with header-only ids).
 * - `stable`: `git patch-id --stable` of the commit's diff (first parent for a merge).
 * - `zero`: the same with zero context lines, so a pick whose context moved still matches.
 * - `reverts`, `fixes`, `references`: what the message says about other commits.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Git } from '../git.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Policy } from './policy.js';
import { findReferences, fixesReferences, revertedCommit } from '../references.js';

export interface CommitFacts {
  files: string;
  /** undefined: not computed yet; null: the commit changes nothing a patch can show. */
  stable?: string | null;
  zero?: string | null;
  reverts?: string;
  fixes: string[];
  /** Commit ids the message names as its upstream origin (any form, as written). */
  references: string[];
}

/** Diff options both sides of every comparison use, whatever the user's git config says. */
export const DIFF = ['--no-color', '--no-ext-diff', '--no-textconv', '--no-renames'];

/** The empty list most commits have, shared rather than made a hundred thousand times. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Bump when what is cached changes meaning (diff options, line format, reference forms). */
const FORMAT_VERSION = 3;

/** What facts depend on besides the commit: the policy's reference forms and id length. */
export type FactsPolicy = Pick<Policy, 'referencePatterns' | 'minimumIdLength'>;

/**
 * The cache file's key: everything that changes what is learnt about a commit (the format, the
 * user's reference patterns, the minimum id length), so a run never reads facts that another
 * policy wrote; runs with other options keep their own file beside it.
 */
export function factsKey(policy?: FactsPolicy): string {
  const material = JSON.stringify({
    format: FORMAT_VERSION,
    patterns: (policy?.referencePatterns ?? []).map((re) => [re.source, re.flags]),
    minimumIdLength: policy?.minimumIdLength ?? 12,
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/**
 * Refuses a cache folder that cannot be one (a file, or under a file) before any work, so a
 * run never fails at its end, when it saves. `subject` names it as the user wrote it.
 */
export function checkCacheDir(dir: string, subject: string): void {
  if (!dir) throw new ConfigurationError(subject, `The ${subject} is empty: name a folder.`);
  for (let at = resolve(dir); ; at = dirname(at)) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat) {
      if (stat.isDirectory()) return;
      throw new ConfigurationError(
        subject,
        at === resolve(dir)
          ? `The ${subject} '${dir}' is a file, not a folder. Name a folder (it is created when missing).`
          : `The ${subject} '${dir}' cannot be made: '${at}' is a file, not a folder.`,
      );
    }
    if (dirname(at) === at) return;
  }
}

/**
 * The cache: one line a commit, `<commit> <files> <stable> <zero> <reverts> <fixes> <refs>`
 * (`?` not computed, `-` none, lists comma-separated). Loaded whole, rewritten atomically.
 */
export class FactsCache {
  private readonly entries = new Map<string, CommitFacts>();
  private dirty = false;
  private loaded = false;

  private constructor(
    readonly dir: string | undefined,
    readonly key: string,
  ) {}

  private get file(): string | undefined {
    return this.dir ? join(this.dir, `commit-facts-${this.key}.txt`) : undefined;
  }

  /**
   * A cache kept in `dir` (created when saved), or one that lives only as long as the run; its
   * file is the one of the policy's key (the default policy when not given).
   */
  static load(dir?: string, policy?: FactsPolicy): FactsCache {
    return new FactsCache(dir, factsKey(policy));
  }

  /**
   * The file is read when first needed, not when loaded: a run answered whole from the
   * classification kept beside it (answers.ts) never reads it.
   */
  private read(): Map<string, CommitFacts> {
    if (this.loaded) return this.entries;
    this.loaded = true;
    const file = this.file;
    if (!file || !existsSync(file)) return this.entries;
    const text = readFileSync(file, 'utf8');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const f = text.slice(start, end).split(' ');
      start = end + 1;
      if (f.length !== 7 || f[0].length < 40) continue; // a torn line: recompute that commit
      this.entries.set(f[0], {
        files: f[1],
        stable: decodeId(f[2]),
        zero: decodeId(f[3]),
        reverts: f[4] === '-' ? undefined : f[4],
        fixes: f[5] === '-' ? NONE : f[5].split(','),
        references: f[6] === '-' ? NONE : f[6].split(','),
      });
    }
    return this.entries;
  }

  get size(): number {
    return this.read().size;
  }

  get(commit: string): CommitFacts | undefined {
    return this.read().get(commit);
  }

  set(commit: string, facts: CommitFacts): void {
    this.read().set(commit, facts);
    this.dirty = true;
  }

  /** Writes the cache if anything was added (to a temporary file first, so a reader never sees half). */
  save(): void {
    if (!this.dir || !this.dirty) return;
    const file = this.file!;
    mkdirSync(this.dir, { recursive: true });
    const lines: string[] = [];
    for (const [c, f] of this.entries) {
      lines.push(
        `${c} ${f.files} ${encodeId(f.stable)} ${encodeId(f.zero)} ${f.reverts ?? '-'} ${
          f.fixes.length ? f.fixes.join(',') : '-'
        } ${f.references.length ? f.references.join(',') : '-'}`,
      );
    }
    // Two runs may save into one folder at once: each writes a temporary file of its own.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, lines.join('\n') + '\n');
    renameSync(temp, file);
    this.dirty = false;
  }
}

function decodeId(s: string): string | null | undefined {
  return s === '?' ? undefined : s === '-' ? null : s;
}

function encodeId(s: string | null | undefined): string {
  return s === undefined ? '?' : s === null ? '-' : s;
}

/** Only what may appear in a cache line; anything else in a message is not a commit id. */
const safeId = (s: string) => /^[0-9a-zA-Z]{1,64}$/.test(s);

function filesKey(paths: string[]): string {
  if (!paths.length) return '-';
  return createHash('sha1').update(paths.sort().join('\n')).digest('hex').slice(0, 16);
}

/** Lines that may name another commit; most messages have none, so most skip the parsing. */
const MENTIONS = /cherry|upstream|master commit|backport|reverts commit|fixes:/i;

function factsOf(message: string, paths: string[], extraPatterns?: RegExp[]): CommitFacts {
  const mentions = MENTIONS.test(message) || (extraPatterns?.length ?? 0) > 0;
  return {
    files: filesKey(paths),
    reverts: mentions ? revertedCommit(message) : undefined,
    fixes: mentions ? fixesReferences(message).filter(safeId) : [],
    references: mentions
      ? findReferences(message, extraPatterns)
          .map((r) => r.sha)
          .filter(safeId)
      : [],
  };
}

/** The log format the facts are parsed from: id, message, then the paths (`--name-only`). */
const FACTS_FORMAT = ['--name-only', '--format=%x1e%H%n%B%x1f'];

/**
 * Parses `git log --name-only --format=%x1e%H%n%B%x1f` output, one commit at a time: records
 * are split on the separator a chunk at a time (a hundred thousand commits make half a
 * million lines, too many to take one by one).
 */
async function parseFacts(
  chunks: AsyncIterable<string>,
  onCommit: (commit: string, facts: CommitFacts, message: string) => void,
  extraPatterns?: RegExp[],
): Promise<void> {
  const record = (rec: string) => {
    const nl = rec.indexOf('\n');
    if (nl <= 0) return;
    const end = rec.indexOf('\x1f', nl);
    const body = end < 0 ? rec.slice(nl + 1) : rec.slice(nl + 1, end);
    const paths =
      end < 0
        ? []
        : rec
            .slice(end + 1)
            .split('\n')
            .filter(Boolean);
    onCommit(rec.slice(0, nl), factsOf(body, paths, extraPatterns), body);
  };
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    const last = pending.lastIndexOf('\x1e');
    if (last <= 0) continue;
    const complete = pending.slice(0, last);
    pending = pending.slice(last);
    for (const rec of complete.split('\x1e')) if (rec) record(rec);
  }
  for (const rec of pending.split('\x1e')) if (rec) record(rec);
}

/** Facts of every given commit, from the cache or computed (messages and paths in one pass). */
export async function commitFacts(
  git: Git,
  commits: string[],
  cache: FactsCache,
  options: { extraPatterns?: RegExp[]; logger?: Logger } = {},
): Promise<Map<string, CommitFacts>> {
  const out = new Map<string, CommitFacts>();
  const missing: string[] = [];
  for (const c of commits) {
    const f = cache.get(c);
    if (f) out.set(c, f);
    else missing.push(c);
  }
  if (!missing.length) return out;
  options.logger?.debug(`reading ${missing.length} commits (${out.size} cached)`);
  await parseFacts(
    git.chunks(
      [
        'log',
        '--no-walk=unsorted',
        '--stdin',
        ...DIFF,
        '--diff-merges=first-parent',
        ...FACTS_FORMAT,
      ],
      { input: missing.join('\n') + '\n' },
    ),
    (c, f) => {
      cache.set(c, f);
      out.set(c, f);
    },
    options.extraPatterns,
  );
  return out;
}

/**
 * The messages and the facts of the commits of a range (`git log` revision arguments) in one
 * pass, cold; the messages as Git.messages gives them.
 */
export async function messagesAndFacts(
  git: Git,
  range: string[],
  cache: FactsCache,
  options: { extraPatterns?: RegExp[]; logger?: Logger } = {},
): Promise<{ messages: Map<string, string>; facts: Map<string, CommitFacts> }> {
  const messages = new Map<string, string>();
  const facts = new Map<string, CommitFacts>();
  await parseFacts(
    git.chunks(['log', ...DIFF, '--diff-merges=first-parent', ...FACTS_FORMAT, ...range, '--']),
    (c, f, message) => {
      messages.set(c, message.trimEnd());
      const cached = cache.get(c);
      if (!cached) cache.set(c, f);
      facts.set(c, cached ?? f);
    },
    options.extraPatterns,
  );
  return { messages, facts };
}

/**
 * Walks a range (`tips --not head`, merges left out) reading every commit's facts as it goes:
 * the cold path, one pass where a list of ids then a second read would walk twice.
 */
export async function walkFacts(
  git: Git,
  range: string[],
  cache: FactsCache,
  onCommit: (commit: string, facts: CommitFacts) => void,
  options: { extraPatterns?: RegExp[]; logger?: Logger } = {},
): Promise<void> {
  options.logger?.debug('reading upstream commits as the walk goes (nothing cached)');
  await parseFacts(
    git.chunks(['log', '--no-merges', ...DIFF, ...FACTS_FORMAT, ...range, '--']),
    (c, f) => {
      cache.set(c, f);
      onCommit(c, f);
    },
    options.extraPatterns,
  );
}

/** The two kinds of patch-id: with git's default context, and with none. */
export type PatchIdKind = 'stable' | 'zero';

/**
 * Patch-ids computed as commits are named: a pipeline per kind, `git diff-tree --stdin -p`
 * into `git patch-id --stable`, that starts on the first commit and runs beside whatever names
 * the next (a walk of upstream, say).
 */
export class PatchIdStreams {
  private readonly inputs: PassThrough[] = [];
  private readonly results: Promise<Map<string, string>>[] = [];
  private readonly added = new Set<string>();
  /** Lines asked for and not yet written: one write a turn, not one a commit (a syscall each). */
  private pending = '';

  constructor(
    private readonly git: Git,
    private readonly kinds: PatchIdKind[] = ['stable', 'zero'],
  ) {}

  /** The pipelines start with the first commit: none when nothing is asked for. */
  private start(): void {
    const git = this.git;
    for (const kind of this.kinds) {
      const input = new PassThrough();
      this.inputs.push(input);
      this.results.push(
        (async () => {
          const ids = new Map<string, string>();
          for await (const line of git.pipeLines(
            ['diff-tree', '--stdin', '-p', '--root', ...(kind === 'zero' ? ['-U0'] : []), ...DIFF],
            ['patch-id', '--stable'],
            { input },
          )) {
            const sp = line.indexOf(' ');
            if (sp > 0) ids.set(line.slice(sp + 1), line.slice(0, sp));
          }
          return ids;
        })(),
      );
    }
  }

  get size(): number {
    return this.added.size;
  }

  /** Asks for a commit's patch-ids; a merge's are against its first parent. */
  add(commit: string, firstParent?: string): void {
    if (this.added.has(commit)) return;
    if (!this.added.size) this.start();
    this.added.add(commit);
    if (!this.pending) setImmediate(() => this.flush());
    this.pending += firstParent ? `${commit} ${firstParent}\n` : `${commit}\n`;
  }

  private flush(): void {
    if (!this.pending) return;
    for (const input of this.inputs) if (!input.writableEnded) input.write(this.pending);
    this.pending = '';
  }

  /** Closes the pipelines and records every commit asked for (null: no patch to show). */
  async finish(facts: Map<string, CommitFacts>, cache: FactsCache): Promise<void> {
    this.flush();
    for (const input of this.inputs) input.end();
    const results = await Promise.all(this.results);
    for (const c of this.added) {
      const f = facts.get(c);
      if (!f) continue;
      const updated = { ...f };
      this.kinds.forEach((kind, i) => (updated[kind] = results[i].get(c) ?? null));
      facts.set(c, updated);
      cache.set(c, updated);
    }
  }
}

/** Whether a commit's patch-id of a kind (either, when not said) is still to be computed. */
export function lacksPatchIds(f: CommitFacts | undefined, kind?: PatchIdKind): boolean {
  if (!f) return false;
  return kind ? f[kind] === undefined : f.stable === undefined || f.zero === undefined;
}

/** Fills in the patch-ids (both kinds) of the given commits. */
export async function computePatchIds(
  git: Git,
  commits: string[],
  facts: Map<string, CommitFacts>,
  cache: FactsCache,
  logger?: Logger,
): Promise<void> {
  const todo = commits.filter((c) => lacksPatchIds(facts.get(c)));
  if (!todo.length) return;
  logger?.debug(`computing patch-ids of ${todo.length} commits`);
  const streams = new PatchIdStreams(git);
  for (const c of todo) streams.add(c);
  await streams.finish(facts, cache);
}
