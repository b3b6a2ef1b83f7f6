/**
 * The work repository of a track run: a bare repository (no work tree: merges and picks are
 * made in-core), fetched into with a partial-clone filter so a large tree costs its commits
 * and trees, and later only the blobs a merge reads. Kept in a folder that may survive
 * between runs (a cache), which makes the next fetch incremental.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, errorMessage, settingError } from '../errors.js';
import { Git, GitError, initRepository, type Identity, type Remote } from '../git.js';
import type { Logger } from '../log.js';

/** What git says when a repository is missing or the credential cannot read it. */
const UNREADABLE =
  /not found|does not appear to be a git repository|could not read Username|Authentication failed|returned error: 40[134]|HTTP 40[134]|No such file or directory/i;

export class WorkRepository {
  private constructor(
    readonly git: Git,
    private readonly filter: string,
  ) {}

  static async open(options: {
    dir: string;
    name: string;
    remotes: Remote[];
    identity: Identity;
    logger?: Logger;
    filter: string;
  }): Promise<WorkRepository> {
    const cwd = join(options.dir, `${options.name.replace(/[^A-Za-z0-9._-]/g, '_')}.git`);
    const git = new Git({
      cwd,
      remotes: options.remotes,
      identity: options.identity,
      logger: options.logger,
    });
    if (!existsSync(join(cwd, 'HEAD')))
      // Git's own housekeeping must not run in the middle of our work.
      await initRepository(cwd, { config: { 'gc.auto': '0' } });
    return new WorkRepository(git, options.filter);
  }

  /**
   * What a remote advertises (ref → commit). A remote that cannot be read is an error naming
   * the input the URL came from (`tree-url`, `upstream-url`): a repository that is not there
   * or that the token cannot read is bad input; anything else (the network) is not.
   */
  async advertised(url: string, input: string): Promise<Map<string, string>> {
    try {
      return await this.git.lsRemote(url, []);
    } catch (e) {
      const stderr = e instanceof GitError ? e.stderr : errorMessage(e);
      const why =
        stderr
          .trim()
          .split('\n')
          .pop()
          ?.replace(/^fatal: /, '') ?? '';
      const message = `Input '${input}': cannot read ${url}: ${why}`;
      if (UNREADABLE.test(stderr))
        throw settingError(
          input,
          `cannot read ${url}: ${why}. Check the URL, and that the token for it can read the repository.`,
        );
      throw new Error(message, { cause: e });
    }
  }

  /**
   * Fetches remote refs into local ones (`remote → local`), with the partial-clone filter. A
   * remote ref that does not exist is a ConfigurationError naming the input it came from.
   */
  async fetch(
    url: string,
    refs: { remote: string; local: string; input?: string; optional?: boolean }[],
    options: { depth?: number; filter?: boolean; urlInput?: string } = {},
  ): Promise<Map<string, string | undefined>> {
    const advertised = await this.advertised(url, options.urlInput ?? 'git-url');
    const found = new Map<string, string | undefined>();
    const specs: string[] = [];
    for (const r of refs) {
      const sha = advertised.get(r.remote);
      found.set(r.remote, sha);
      if (!sha) {
        if (r.optional) {
          // Drop a stale local copy: what is not there any more must not be read.
          await this.git.deleteRef(r.local);
          continue;
        }
        const missing = `${r.remote} does not exist in ${url}.`;
        throw r.input ? settingError(r.input, missing) : new ConfigurationError(r.remote, missing);
      }
      specs.push(`+${r.remote}:${r.local}`);
    }
    await this.git.fetch(url, specs, {
      filter: options.filter !== false && this.filter ? this.filter : undefined,
      depth: options.depth,
      retries: 3,
    });
    return found;
  }

  /** A remote branch's head, or undefined. */
  async remoteHead(url: string, branch: string): Promise<string | undefined> {
    return (await this.git.lsRemote(url, [`refs/heads/${branch}`])).get(`refs/heads/${branch}`);
  }
}
