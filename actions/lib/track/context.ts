/** What every mode of a track run works with. */
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import type { Delivery } from './patches.js';
import type { TrackSettings } from './settings.js';
import type { WorkRepository } from './workspace.js';
import { addTrailers } from './history.js';

export interface TrackContext {
  settings: TrackSettings;
  logger: Logger;
  work: WorkRepository;
  git: Git;
  /** The pull request keeper, or the patch writer in front of it (deliver). */
  pulls: Delivery;
  /** Lines for the job summary beyond the pull request table. */
  notes: string[];
  /** Things left alone on purpose that a person should know: notice annotations. */
  notices: string[];
  /** backport: every candidate of the scan and what became of it. */
  candidates: CandidateReport[];
}

export interface CandidateReport {
  sha: string;
  subject: string;
  reasons: string[];
  /** proposed (it has its pull request), deferred (max-pull-requests), listed (dry-run). */
  status: 'proposed' | 'deferred' | 'listed';
  /** The open pull request (or conflict issue) that carries it, if any. */
  number?: number;
}

/** The branch of a purpose: `<prefix><mode>/<target>[/<detail>]`. */
export function branchName(s: TrackSettings, ...parts: string[]): string {
  const prefix = s.branchPrefix ? s.branchPrefix.replace(/\/?$/, '/') : '';
  return `${prefix}${[s.mode, s.target, ...parts].join('/')}`;
}

/** A message with the Signed-off-by of the configured identity, when asked for. */
export function signed(s: TrackSettings, message: string, extra: string[] = []): string {
  const lines = [...extra];
  if (s.signoff) lines.push(`Signed-off-by: ${s.identity.name} <${s.identity.email}>`);
  return addTrailers(message, lines);
}

export const short = (sha: string) => sha.slice(0, 12);

/** The section of a body that says how to redo a merge or pick by hand. */
export function reproduce(commands: string[]): string {
  return ['To reproduce and resolve locally:', '', '```sh', ...commands, '```'].join('\n');
}

export function conflictList(files: string[]): string {
  return files.map((f) => `- \`${f.replace(/`/g, "'")}\``).join('\n');
}

/**
 * Fetches the downstream target branch (as refs/track/target) and the upstream branch it
 * follows (refs/track/upstream), from one server when upstream is hosted there too, plus any
 * other refs of the hosted tree a mode needs. Returns both heads and what the server had.
 */
export async function fetchTargetAndUpstream(
  ctx: TrackContext,
  extra: { remote: string; local: string; optional?: boolean }[] = [],
): Promise<{ target: string; upstream: string; found: Map<string, string | undefined> }> {
  const { settings: s, git, work } = ctx;
  const upstreamUrl = s.upstreamUrl ?? s.gitUrl;
  const upstreamRef = {
    remote: `refs/heads/${s.upstream}`,
    local: 'refs/track/upstream',
    input: 'upstream',
  };
  const same = upstreamUrl === s.gitUrl;
  const found = await work.fetch(
    s.gitUrl,
    [
      { remote: `refs/heads/${s.target}`, local: 'refs/track/target', input: 'target' },
      ...extra,
      ...(same ? [upstreamRef] : []),
    ],
    { urlInput: 'git-url' },
  );
  if (!same) await work.fetch(upstreamUrl, [upstreamRef], { urlInput: 'upstream-url' });
  const target = (await git.commitOf('refs/track/target'))!;
  const upstream = (await git.commitOf('refs/track/upstream'))!;
  return { target, upstream, found };
}
