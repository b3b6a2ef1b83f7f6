/**
 * Changes delivered by mail, for consumers that take them on a mailing list (Xen) rather than
 * as pull requests: what a pull request would carry (a sync, a backport, a pin bump) written as
 * a `git format-patch` series, one folder a change, with a cover letter whose subject and body
 * are the pull request's title and body, ready for `git send-email <folder>`. Which of the two
 * a run delivers is the `deliver` setting; the modes see one `Delivery` either way.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Git } from '../git.js';
import type { Logger } from '../log.js';
import { markerKey } from './marker.js';
import type { Outcome, Proposal } from './proposal.js';
import type { PullRequests } from './pulls.js';

export const DELIVERIES = ['pull-request', 'patches', 'both'] as const;
export type Deliver = (typeof DELIVERIES)[number];

/** One change written as a mail series. */
export interface PatchSeries {
  /** The purpose, as the pull request's marker names it (`backport:staging:<sha>`). */
  key: string;
  /** The cover letter's subject: the pull request's title. */
  title: string;
  /** One line for people: what the series holds. */
  change: string;
  /** The folder of this series (absolute). */
  directory: string;
  /** The files in the order to send and apply them: the cover letter first. */
  files: string[];
  /** The commit the series applies to (the target branch's head), and the one it makes. */
  base: string;
  head: string;
}

/** What the modes ask of whoever delivers a change: the pull request keeper's questions. */
export type Delivery = Pick<
  PullRequests,
  'load' | 'openFor' | 'openPulls' | 'propose' | 'close' | 'outcomes'
>;

/** A folder name from a branch name: `tributary/pin/staging/Config.mk` → `pin-staging-Config.mk`. */
export function seriesFolder(branch: string, prefix: string): string {
  const p = prefix ? prefix.replace(/\/?$/, '/') : '';
  const name = branch.startsWith(p) ? branch.slice(p.length) : branch;
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'change';
}

/** A header value as mail carries it: ASCII as it is, anything else as an RFC 2047 word. */
function headerValue(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/**
 * Fills the cover letter git wrote (`*** SUBJECT HERE ***`, `*** BLURB HERE ***`) with the
 * change's title and body, and says which commit it applies to; a body beyond ASCII gets the
 * MIME headers that say so.
 */
export function fillCoverLetter(letter: string, title: string, body: string, base: string): string {
  const end = letter.indexOf('\n\n');
  let headers = letter.slice(0, end);
  let rest = letter.slice(end);
  headers = headers.replace('*** SUBJECT HERE ***', () => headerValue(title));
  rest = rest.replace('*** BLURB HERE ***', () => body.trim());
  // What the series applies to, in the line b4 and patchwork read (format-patch's --base
  // refuses a range whose commits do not all descend from the base: a sync's upstream ones).
  const signature = rest.lastIndexOf('\n-- \n');
  const line = `\nbase-commit: ${base}\n`;
  rest =
    signature < 0 ? `${rest}${line}` : `${rest.slice(0, signature)}${line}${rest.slice(signature)}`;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(body) && !/^Content-Type:/im.test(headers))
    headers +=
      '\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit';
  return headers + rest;
}

/**
 * Delivers proposals as patch series, and as pull requests too when `pulls` is given. Without
 * pull requests nothing is asked of the GitHub API: no open pull request is known, none is
 * closed, and each run writes the series of what it finds to propose.
 */
export class PatchDelivery implements Delivery {
  readonly series: PatchSeries[] = [];

  constructor(
    private readonly git: Git,
    private readonly options: {
      directory: string;
      branchPrefix: string;
      /** The ref holding the target branch's head: every proposal's commits sit on it. */
      baseRef: string;
      pulls?: PullRequests;
      notes: string[];
      logger: Logger;
    },
  ) {}

  get directory(): string {
    return resolve(this.options.directory);
  }

  get outcomes(): Outcome[] {
    return this.options.pulls?.outcomes ?? [];
  }

  async load(mode: string, opts?: { readOnly?: boolean }): Promise<void> {
    await this.options.pulls?.load(mode, opts);
  }

  openFor(key: string): number | undefined {
    return this.options.pulls?.openFor(key);
  }

  openPulls(): ReturnType<PullRequests['openPulls']> {
    return this.options.pulls?.openPulls() ?? [];
  }

  async close(key: string, reason: string): Promise<Outcome | undefined> {
    return this.options.pulls?.close(key, reason);
  }

  async propose(p: Proposal): Promise<Outcome> {
    const written = await this.write(p);
    if (this.options.pulls) return this.options.pulls.propose(p);
    return {
      key: markerKey(p.marker),
      kind: 'patches',
      number: 0,
      url: written?.directory ?? '',
      title: p.title,
      operation: 'created',
      note: written ? `${written.files.length - 1} patches` : 'conflicts: no patches written',
    };
  }

  /** Writes one proposal's series; a conflicting one has nothing to apply, so none. */
  private async write(p: Proposal): Promise<PatchSeries | undefined> {
    const { logger, notes } = this.options;
    const folder = join(this.directory, seriesFolder(p.branch, this.options.branchPrefix));
    // What an earlier run wrote for this change is stale either way.
    rmSync(folder, { recursive: true, force: true });
    if (p.conflict) {
      const why = `${p.title}: conflicts, so no patches were written (${p.change}).`;
      logger.warning(why, { title: 'track-upstream conflict' });
      notes.push(why);
      return undefined;
    }
    const base = (await this.git.commitOf(this.options.baseRef))!;
    mkdirSync(folder, { recursive: true });
    const files = await this.git.formatPatch(base, p.commit, folder);
    const [cover] = files;
    writeFileSync(cover, fillCoverLetter(readFileSync(cover, 'utf8'), p.title, p.body, base));
    const series: PatchSeries = {
      key: markerKey(p.marker),
      title: p.title,
      change: p.change,
      directory: folder,
      files,
      base,
      head: p.commit,
    };
    this.series.push(series);
    logger.info(`patches: ${files.length - 1} for ${p.change} in ${folder}`);
    return series;
  }
}
