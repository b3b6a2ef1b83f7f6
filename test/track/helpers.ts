/**
 * Shared ground for the track-upstream tests: the token-protected git server, the test GitHub
 * API server linked to the same bare repositories, and a way to run the bundled action the
 * way the runner does, pointed at both.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, initRepository } from '../../actions/lib/git.js';
import { parseMarker, type Marker } from '../../actions/lib/track/marker.js';
import { startGitServer, type GitServer } from '../harness/git-server.js';
import { startGitHubApi, type GitHubApi, type PullRecord } from '../harness/github-api.js';
import { filesContaining, tempDir, WorkTree } from '../harness/fixtures.js';
import { runAction, type ActionRun } from '../harness/runner.js';

export const TOKEN = 'ghs_tracktoken0123456789abcdefABCDEF';

export interface TrackEnv {
  tmp: { path: string; cleanup: () => void };
  server: GitServer;
  api: GitHubApi;
  close(): Promise<void>;
}

export async function startTrackEnv(): Promise<TrackEnv> {
  const tmp = tempDir('track-');
  const server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
  const api = await startGitHubApi({ token: TOKEN, gitRoot: server.root });
  return {
    tmp,
    server,
    api,
    async close() {
      await api.close();
      await server.close();
      tmp.cleanup();
    },
  };
}

/** A bare repository served by the git server and known to the API as `fullName`. */
export async function hostedRepository(env: TrackEnv, fullName: string): Promise<Git> {
  const bare = await initRepository(env.server.repoPath(`${fullName}.git`));
  // What GitHub allows: partial clones, and fetching the blobs they lack later.
  await bare.run(['config', 'uploadpack.allowFilter', 'true']);
  await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  env.api.addRepository(fullName, { defaultBranch: 'staging' });
  return bare;
}

/** Pushes refs of a fixture work tree straight into a bare repository (set-up, not under test). */
export async function publish(work: WorkTree, bare: Git, refspecs: string[]): Promise<void> {
  await work.git.run(['push', '--quiet', '--force', bare.cwd, ...refspecs]);
}

export function runTrack(
  env: TrackEnv,
  fullName: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  return runAction('track-upstream', {
    inputs: {
      repository: fullName,
      'git-url': env.server.repoUrl(`${fullName}.git`),
      ...inputs,
    },
    githubToken: TOKEN,
    // The test API has no secondary limits: no need to space writes a second apart.
    env: { GITHUB_API_URL: env.api.url, TRIBUTARY_GITHUB_SPACE_WRITES: 'false' },
    timeoutMs: 60_000,
  });
}

/** The run succeeded and the token shows nowhere a user or a later step could read it. */
export function assertClean(run: ActionRun): void {
  assert.equal(run.code, 0, run.log);
  assert.ok(!run.log.includes(TOKEN), 'token in the log');
  assert.ok(!JSON.stringify(run.outputs).includes(TOKEN), 'token in the outputs');
  assert.ok(!run.summary.includes(TOKEN), 'token in the summary');
  assert.deepEqual(filesContaining([...run.files, run.runnerTemp], TOKEN), []);
}

export interface Reported {
  key: string;
  kind: string;
  number: number;
  url: string;
  operation: string;
  note?: string;
}

export function reported(run: ActionRun): Reported[] {
  return JSON.parse(run.outputs['pull-requests'] ?? '[]') as Reported[];
}

/** Requests that changed something on the API since a point in its request log. */
export function writesSince(env: TrackEnv, since: number): string[] {
  return env.api.requests
    .slice(since)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`);
}

/** Pushes the git server received since a point in its request log. */
export function pushesSince(env: TrackEnv, since: number): number {
  return env.server.requests.slice(since).filter((r) => r.service === 'receive-pack').length;
}

export function pullsOf(env: TrackEnv, fullName: string): (PullRecord & { marker?: Marker })[] {
  return env.api.state.pulls
    .filter((p) => p.repository === fullName)
    .map((p) => Object.assign(p, { marker: parseMarker(p.body) }));
}

/** No two open pull requests ever share a purpose. */
export function assertNoDuplicates(env: TrackEnv, fullName: string): void {
  const open = pullsOf(env, fullName).filter((p) => p.state === 'open' && p.marker);
  const keys = open.map((p) =>
    JSON.stringify([p.marker!.mode, p.marker!.target, p.marker!.subject]),
  );
  assert.equal(new Set(keys).size, keys.length, `duplicates among ${keys.join(' ')}`);
}

export function commentsOf(env: TrackEnv, fullName: string, number: number): string[] {
  return env.api.state.comments
    .filter((c) => c.repository === fullName && c.issueNumber === number)
    .map((c) => c.body);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
