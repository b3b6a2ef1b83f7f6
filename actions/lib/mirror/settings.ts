/**
 * Everything a mirror run needs, parsed and validated before any network access: a bad source,
 * destination, pattern or a missing token stops the run here, naming the input and the form
 * it expects, and nothing is fetched or pushed.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  capitalised,
  invalidSetting,
  missingSetting,
  SettingError,
  type ConfigurationError,
} from '../errors.js';
import { transportOf, type Remote } from '../git.js';
import { Settings, type SettingDeclarations, type SettingsReader } from '../settings.js';
import { RefMapper, splitPatterns } from './refs.js';

/** Input names, written once: main.ts reads them, errors quote them. */
export const INPUTS = {
  source: 'source',
  destination: 'destination',
  sourceToken: 'source-token',
  token: 'token',
  refs: 'refs',
  map: 'map',
  prefix: 'prefix',
  tagPrefix: 'tag-prefix',
  prune: 'prune',
  allowRewrites: 'allow-rewrites',
  submodules: 'submodules',
  submoduleDestination: 'submodule-destination',
  cacheDir: 'cache-dir',
  retries: 'retries',
} as const;

/** Every input of the mirror action, with the default its action.yml declares. */
export const MIRROR_SETTINGS = {
  source: { required: true },
  destination: { required: true },
  'source-token': { secret: true },
  token: { secret: true, runner: '${{ github.token }}' },
  refs: {},
  map: {},
  prefix: {},
  'tag-prefix': {},
  prune: { default: 'false' },
  'allow-rewrites': { default: 'false' },
  submodules: { default: 'false' },
  'submodule-destination': {},
  'cache-dir': {},
  retries: { default: '3' },
} as const satisfies SettingDeclarations;

export const OUTPUTS = {
  updates: 'updates',
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  refused: 'refused',
  unchanged: 'unchanged',
  changed: 'changed',
  createdTags: 'created-tags',
} as const;

export interface MirrorSettings {
  source: Remote;
  destination: Remote;
  refs: RefMapper;
  prune: boolean;
  allowRewrites: boolean;
  /** Destination template for submodule trees (`{owner}/{name}` or a URL with `{name}`). */
  submoduleDestination?: string;
  /** The folder holding one bare repository per source, kept between runs when possible. */
  cacheRoot: string;
  /** The user named the cache folder (cache-dir): it keeps itself between runs. */
  cacheDirNamed?: boolean;
  /** Attempts after a transient network failure. */
  retries: number;
  /** The run's server (GITHUB_SERVER_URL), for `owner/repo` destinations. */
  serverUrl: string;
}

export interface MirrorInputs {
  source: string;
  destination: string;
  sourceToken?: string;
  token?: string;
  refs?: string[];
  map?: string[];
  prefix?: string;
  tagPrefix?: string;
  prune?: boolean;
  allowRewrites?: boolean;
  submodules?: boolean;
  submoduleDestination?: string;
  cacheRoot: string;
  /** The user named the cache folder (cache-dir): it keeps itself between runs. */
  cacheDirNamed?: boolean;
  /** A number, or the text the user wrote (parsed here, so both front ends say the same). */
  retries?: number | string;
  serverUrl?: string;
  /** Relative local paths are resolved from here (the workspace). */
  workingDirectory?: string;
}

const SOURCE_FORM =
  'an https://, ssh://, git:// or file:// URL, user@host:path, or a local path (absolute, or starting with ./ or ../), without credentials in it';
const DESTINATION_FORM = `owner/repo on the run's server, or ${SOURCE_FORM}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A URL as it may be shown: any password or user name replaced, so an error never leaks one. */
function shown(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

function bad(subject: string, value: string, expected: string): ConfigurationError {
  return invalidSetting(subject, shown(value), expected);
}

/**
 * Parses a source or destination. Transports other than https, ssh, git and local paths are
 * refused (`ext::` runs a command, `fd::` reads a descriptor), and so are credentials inside a
 * URL: tokens go through their own inputs.
 */
export function parseRemote(
  subject: string,
  value: string,
  opts: { ownerRepo?: boolean; serverUrl?: string; workingDirectory?: string } = {},
): Remote {
  const expected = opts.ownerRepo ? DESTINATION_FORM : SOURCE_FORM;
  const v = value.trim();
  if (!v) throw missingSetting(subject, opts.ownerRepo ? 'the hosted tree' : 'the upstream tree');
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(v) || v.startsWith('-')) throw bad(subject, value, expected);
  // `transport::address` (ext::, fd::, and any remote helper) is never ours to run.
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(v)) throw bad(subject, value, expected);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v)) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw bad(subject, value, expected);
    }
    const scheme = url.protocol.slice(0, -1);
    if (url.password || (url.username && scheme !== 'ssh') || url.search || url.hash)
      throw bad(subject, value, expected);
    if (scheme === 'file') {
      if (url.host) throw bad(subject, value, expected);
      return { url: fileURLToPath(url) };
    }
    if (!url.hostname || url.pathname.length < 2 || url.pathname.includes('/../'))
      throw bad(subject, value, expected);
    // Plain http only to this machine (tests, a local proxy): a token never crosses a network in clear.
    if (scheme === 'http' && !LOOPBACK.has(url.hostname)) throw bad(subject, value, expected);
    if (!['https', 'http', 'ssh', 'git'].includes(scheme)) throw bad(subject, value, expected);
    return { url: url.href };
  }
  // scp-like ssh: [user@]host:path; the host has no slash before the colon.
  const scp = /^(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):([^:]+)$/.exec(v);
  if (scp && !v.startsWith('/') && !v.startsWith('.')) {
    if (scp[3].startsWith('/') && scp[3].startsWith('//')) throw bad(subject, value, expected);
    return { url: v };
  }
  if (v.includes(':')) throw bad(subject, value, expected);
  if (opts.ownerRepo && /^[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9._-]+$/.test(v)) {
    const server = (opts.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
    const repository = v.replace(/\.git$/, '');
    if (repository.endsWith('/.') || repository.endsWith('/..'))
      throw bad(subject, value, expected);
    return { ...parseRemote('GITHUB_SERVER_URL', `${server}/${repository}.git`), name: repository };
  }
  if (isAbsolute(v) || v.startsWith('./') || v.startsWith('../'))
    return { url: resolve(opts.workingDirectory ?? process.cwd(), v) };
  throw bad(subject, value, expected);
}

/** The per-source name of the cached repository: a hash, so a URL never becomes a path. */
export function sourceKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 20);
}

/** What the front end knows besides the settings. */
export interface MirrorContext {
  /** Relative local paths (source, destination, cache-dir) are resolved from here. */
  workingDirectory: string;
  /** The run's server, for owner/repo destinations (GITHUB_SERVER_URL). */
  serverUrl?: string;
  /** The cache folder when cache-dir is empty: made only then (the Actions cache's, or a temporary one). */
  defaultCacheRoot: () => string;
}

/** The mirror's settings from either front end's reader: `main.ts` and `tributary mirror`. */
export function parseMirrorSettings(read: SettingsReader, context: MirrorContext): MirrorSettings {
  const v = new Settings(read, MIRROR_SETTINGS);
  const cacheDir = v.string('cache-dir');
  // Both required: refused by name when empty, each where it is parsed (source first).
  return buildMirrorSettings({
    source: v.string('source'),
    destination: v.string('destination'),
    sourceToken: v.secret('source-token'),
    token: v.secret('token'),
    refs: splitPatterns(v.string('refs')),
    map: v.list('map'),
    prefix: v.string('prefix'),
    tagPrefix: v.string('tag-prefix'),
    prune: v.boolean('prune'),
    allowRewrites: v.boolean('allow-rewrites'),
    submodules: v.boolean('submodules'),
    submoduleDestination: v.string('submodule-destination'),
    cacheRoot: cacheDir ? resolve(context.workingDirectory, cacheDir) : context.defaultCacheRoot(),
    cacheDirNamed: !!cacheDir,
    retries: v.string('retries'),
    serverUrl: context.serverUrl,
    workingDirectory: context.workingDirectory,
  });
}

/** The settings from typed values, every one checked before any network access. */
export function buildMirrorSettings(inputs: MirrorInputs): MirrorSettings {
  const serverUrl = (inputs.serverUrl || 'https://github.com').replace(/\/+$/, '');
  const source = parseRemote(INPUTS.source, inputs.source, {
    workingDirectory: inputs.workingDirectory,
  });
  const destination = parseRemote(INPUTS.destination, inputs.destination, {
    ownerRepo: true,
    serverUrl,
    workingDirectory: inputs.workingDirectory,
  });
  if (source.url === destination.url)
    throw new SettingError(
      INPUTS.destination,
      (name) =>
        `${capitalised(name)} names the source itself (${shown(source.url)}). Expected another repository.`,
    );
  source.token = inputs.sourceToken || undefined;
  destination.token = inputs.token || undefined;
  if (/^https?$/.test(transportOf(destination.url)) && !destination.token)
    throw new SettingError(
      INPUTS.token,
      (name, names) =>
        `${capitalised(name)} is empty, and pushing to ${shown(destination.url)} needs one. Expected a token with contents: write on the destination${names.frontEnd === 'action' ? ' (the default is github.token)' : ''}.`,
    );
  const refs = new RefMapper({
    patterns: inputs.refs,
    map: inputs.map,
    prefix: inputs.prefix,
    tagPrefix: inputs.tagPrefix,
  });
  let submoduleDestination: string | undefined;
  if (inputs.submodules) {
    submoduleDestination = inputs.submoduleDestination?.trim();
    if (!submoduleDestination || !submoduleDestination.includes('{name}'))
      throw invalidSetting(
        INPUTS.submoduleDestination,
        submoduleDestination ?? '',
        'a destination with {name} in it, such as `{owner}/{name}` or `https://host/xen-project/{name}.git`, when submodules is true',
      );
    if (submoduleDestination.includes('{owner}') && !destination.name)
      throw invalidSetting(
        INPUTS.submoduleDestination,
        submoduleDestination,
        `a destination without {owner}, such as \`https://host/xen-project/{name}.git\`: {owner} is the owner of a destination given as owner/repo, and '${shown(destination.url)}' is not given so`,
      );
    // The template must give a valid destination for a plausible name.
    parseRemote(
      INPUTS.submoduleDestination,
      expandTemplate(submoduleDestination, 'seabios', destination),
      {
        ownerRepo: true,
        serverUrl,
        workingDirectory: inputs.workingDirectory,
      },
    );
  }
  const written = typeof inputs.retries === 'string' ? inputs.retries.trim() : inputs.retries;
  const retries =
    written === undefined || written === ''
      ? 3
      : typeof written === 'number'
        ? written
        : /^\d+$/.test(written)
          ? Number(written)
          : NaN;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10)
    throw invalidSetting(INPUTS.retries, String(written), 'a whole number from 0 to 10');
  if (!inputs.cacheRoot || !isAbsolute(inputs.cacheRoot))
    throw invalidSetting(INPUTS.cacheDir, inputs.cacheRoot, 'an absolute directory path');
  return {
    source,
    destination,
    refs,
    prune: inputs.prune ?? false,
    allowRewrites: inputs.allowRewrites ?? false,
    submoduleDestination,
    cacheRoot: inputs.cacheRoot,
    cacheDirNamed: inputs.cacheDirNamed,
    retries,
    serverUrl,
  };
}

/** `{name}` → the submodule tree's name, `{owner}` → the destination's owner. */
export function expandTemplate(template: string, name: string, destination: Remote): string {
  const owner = destination.name?.split('/')[0] ?? '';
  return template.replace(/\{name\}/g, name).replace(/\{owner\}/g, owner);
}
