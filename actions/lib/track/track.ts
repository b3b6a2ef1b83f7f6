/**
 * `trackUpstream`: one run of the track part in one mode. Settings are checked, then
 * everything that could be wrong in the trees (a missing branch, file, variable, submodule)
 * is found before the first push or API write.
 */
import type { Remote } from '../git.js';
import type { FolderCache } from '../folder-cache.js';
import { GitHubRepository, type GitHub } from '../github.js';
import type { Logger } from '../log.js';
import { backport } from './backport.js';
import type { CandidateReport, TrackContext } from './context.js';
import { pin } from './pin.js';
import { PatchDelivery, type PatchSeries } from './patches.js';
import { PullRequests, type Outcome } from './pulls.js';
import { validateSettings, type TrackSettings } from './settings.js';
import { sync } from './sync.js';
import { WorkRepository } from './workspace.js';

/** Whether two URLs are on the same server (scheme, host and port). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export interface TrackReport {
  mode: TrackSettings['mode'];
  outcomes: Outcome[];
  /** Lines for the summary: what was scanned, skipped, why nothing happened. */
  notes: string[];
  /** What was left alone on purpose (a pin that follows a branch, candidates left for later). */
  notices: string[];
  /** backport: the candidates of the scan, and what became of each. */
  candidates: CandidateReport[];
  /** deliver patches or both: the folder of the series, and each series written. */
  patches?: string;
  series: PatchSeries[];
}

export async function trackUpstream(
  settings: TrackSettings,
  /**
   * The GitHub client, made by the entry point (the action's main.ts, the command line);
   * none for `deliver: patches`, which asks nothing of the API.
   */
  deps: {
    logger: Logger;
    github?: GitHub;
    /** The runner's cache service, for a work directory that is not kept by itself. */
    cache?: FolderCache;
  },
): Promise<TrackReport> {
  const s = validateSettings(settings);
  const { logger } = deps;
  logger.secret(s.token);
  // The token goes only where it belongs: the repository's own server. A third-party
  // upstream is fetched anonymously; the hosted tree gets tree-token, or the token if it
  // lives on the same server.
  const remotes: Remote[] = [{ url: s.gitUrl, token: s.token }];
  if (s.upstreamUrl && sameOrigin(s.upstreamUrl, s.gitUrl))
    remotes.push({ url: s.upstreamUrl, token: s.token });
  if (s.pin) {
    if (s.pin.treeToken) logger.secret(s.pin.treeToken);
    const token = s.pin.treeToken || (sameOrigin(s.pin.treeUrl, s.gitUrl) ? s.token : undefined);
    remotes.push({ url: s.pin.treeUrl, token });
  }
  const work = await WorkRepository.open({
    dir: s.workDir,
    name: `${s.owner}-${s.repo}`,
    remotes,
    identity: s.identity,
    logger,
    filter: s.filter,
    cache: deps.cache,
  });
  try {
    return await trackIn(s, logger, deps.github, work);
  } finally {
    await work.close();
  }
}

async function trackIn(
  s: TrackSettings,
  logger: Logger,
  github: GitHub | undefined,
  work: WorkRepository,
): Promise<TrackReport> {
  const git = work.git;
  // deliver: patches asks nothing of the GitHub API: no client, no pull request keeper.
  const pulls =
    s.deliver === 'patches'
      ? undefined
      : new PullRequests(
          new GitHubRepository(clientOf(github), { owner: s.owner, repo: s.repo }),
          s,
          async (branch, sha, expected) =>
            (await git.pushWithLease(s.gitUrl, [{ ref: `refs/heads/${branch}`, sha, expected }]))
              .rejected.length === 0,
          (branch) => work.remoteHead(s.gitUrl, branch),
          logger,
        );
  const notes: string[] = [];
  // Patches are written in front of the pull requests, or instead of them.
  const delivery =
    s.deliver === 'pull-request'
      ? undefined
      : new PatchDelivery(git, {
          directory: s.patchesDir,
          branchPrefix: s.branchPrefix,
          baseRef: 'refs/track/target',
          pulls,
          notes,
          logger,
        });
  const ctx: TrackContext = {
    settings: s,
    logger,
    work,
    git,
    pulls: (delivery ?? pulls)!,
    notes,
    notices: [],
    candidates: [],
  };
  const story = { sync, backport, pin }[s.mode];
  await logger.group(`track-upstream: ${s.mode} into ${s.owner}/${s.repo} ${s.target}`, () =>
    story(ctx),
  );
  return {
    mode: s.mode,
    outcomes: pulls?.outcomes ?? [],
    notes: ctx.notes,
    notices: ctx.notices,
    // A series has no number: only a pull request or issue gives a candidate one.
    candidates: ctx.candidates.map((c) => (c.number ? c : { ...c, number: undefined })),
    patches: delivery?.directory,
    series: delivery?.series ?? [],
  };
}

export { type TrackSettings } from './settings.js';
export { type Outcome } from './pulls.js';
export { type PatchSeries } from './patches.js';
export { type CandidateReport } from './context.js';

function clientOf(github: GitHub | undefined): GitHub {
  if (!github)
    throw new Error('track: pull requests need a GitHub client (deliver: pull-request or both)');
  return github;
}
