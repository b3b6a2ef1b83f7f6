/**
 * A part's settings, read the same way by both front ends: the action from its inputs, the
 * command line from its options and the environment. Each part declares its settings once
 * (name, default as action.yml says it) and parses them in `parse<Part>Settings(read)`; the
 * reader it is given knows which front end it is, so an error names the setting as the user
 * wrote it (`input 'source'`, `--source`).
 */
import { resolve } from 'node:path';
import {
  capitalised,
  errorMessage,
  missingSetting,
  invalidSetting,
  SettingError,
  type FrontEnd,
  type SettingNames,
} from './errors.js';
import { credentialFor, transportOf, type Remote } from './git.js';

/** One setting of a part, as its action.yml declares it. */
export interface SettingDeclaration {
  /** The default both front ends apply when the setting is empty ('' when none). */
  default?: string;
  /** The part cannot run without it (action.yml: `required: true`). */
  required?: boolean;
  /**
   * The action's default comes from the runner (this expression in action.yml, such as
   * `${{ github.token }}`); the command line has its own way (an environment variable, a
   * temporary folder), said in its help.
   */
  runner?: string;
  /** A token: masked the moment it is read. */
  secret?: boolean;
}

export type SettingDeclarations = Readonly<Record<string, SettingDeclaration>>;

/** Where a part's parser reads its settings from: the action's inputs or the command line. */
export interface SettingsReader extends SettingNames {
  /** The value given for a setting, trimmed; '' when none was given. */
  get(setting: string): string;
  /** Masks a secret in everything shown from now on. */
  mask(secret: string): void;
}

/** The settings of one part, read through a reader, defaults and forms applied in one way. */
export class Settings<K extends string> {
  constructor(
    readonly read: SettingsReader,
    readonly declared: Readonly<Record<K, SettingDeclaration>>,
  ) {}

  get frontEnd(): FrontEnd {
    return this.read.frontEnd;
  }

  /** The value, or the declared default. */
  string(setting: K): string {
    const d = this.declared[setting];
    if (!d) throw new Error(`setting '${setting}' is not declared`);
    return this.read.get(setting) || d.default || '';
  }

  /** The value, or undefined when empty. */
  optional(setting: K): string | undefined {
    return this.string(setting) || undefined;
  }

  required(setting: K, what?: string): string {
    const v = this.string(setting);
    if (!v) throw missingSetting(setting, what);
    return v;
  }

  /** A token, masked at once; '' when none. */
  secret(setting: K): string {
    const v = this.string(setting);
    if (v) this.read.mask(v);
    return v;
  }

  boolean(setting: K): boolean {
    const v = this.string(setting).toLowerCase();
    if (['', 'false', 'no', 'off', '0'].includes(v)) return false;
    if (['true', 'yes', 'on', '1'].includes(v)) return true;
    throw invalidSetting(setting, v, 'true or false');
  }

  integer(setting: K, range: { min: number; max?: number }): number {
    const v = this.string(setting);
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < range.min || (range.max !== undefined && n > range.max))
      throw invalidSetting(
        setting,
        v,
        range.max === undefined
          ? `a whole number of ${range.min} or more`
          : `a whole number from ${range.min} to ${range.max}`,
      );
    return n;
  }

  /** One item a line, or separated by commas; blank items and `# comments` dropped. */
  list(setting: K): string[] {
    return this.string(setting)
      .split(/[\n,]/)
      .map((s) => s.replace(/#.*$/, '').trim())
      .filter(Boolean);
  }

  /** One item a line (for items that may hold commas: regular expressions). */
  lines(setting: K): string[] {
    return this.string(setting)
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  choice<T extends string>(setting: K, choices: readonly T[]): T {
    const v = this.string(setting);
    if (!(choices as readonly string[]).includes(v))
      throw invalidSetting(setting, v, `one of ${choices.join(', ')}`);
    return v as T;
  }

  /** `owner/repo`, split; undefined when empty. */
  repository(setting: K): { owner: string; repo: string } | undefined {
    const v = this.string(setting);
    if (!v) return undefined;
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(v);
    if (!m || m[2] === '.' || m[2] === '..')
      throw invalidSetting(setting, v, 'format {owner}/{repo}');
    return { owner: m[1], repo: m[2] };
  }

  invalid(setting: K, value: unknown, expected: string): SettingError {
    return invalidSetting(setting, value, expected);
  }

  /** A repository (see repositoryOf), with the token for it; undefined when empty. */
  remote(setting: K, workingDirectory: string, token?: string): Remote | undefined {
    const v = this.string(setting);
    return v ? repositoryOf(setting, v, workingDirectory, token) : undefined;
  }
}

/**
 * A repository as a setting gives it, a URL or a local path (resolved from `workingDirectory`;
 * `host:path` is ssh, as git reads it), with the token for it. A URL never carries credentials
 * of its own (a token is a setting apart), and one given a token names one repository: the
 * token is scoped to it (credentialFor), so a whole server is refused here, before anything.
 */
export function repositoryOf(
  setting: string,
  value: string,
  workingDirectory: string,
  token?: string,
): Remote {
  const expected = 'an https:// URL of a repository, or a local path';
  if (value.startsWith('-')) throw invalidSetting(setting, value, expected);
  let remote: Remote;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw invalidSetting(setting, value, expected);
    }
    if (url.username || url.password)
      throw new SettingError(
        setting,
        (name) =>
          `${capitalised(name)} has a user or token in its URL (${url.protocol}//${url.host}${url.pathname}): a token is given on its own, never in a URL.`,
      );
    remote = { url: value, token };
  } else
    remote = {
      url: transportOf(value) === 'local' ? resolve(workingDirectory, value) : value,
      token,
    };
  try {
    credentialFor(remote);
  } catch (e) {
    const why = errorMessage(e).replace(/\.$/, '');
    throw invalidSetting(setting, value, `the URL of one repository (${why})`);
  }
  return remote;
}

/** A reader over plain values (tests, and anything that is neither front end). */
export function valuesReader(
  values: Readonly<Record<string, string | undefined>>,
  frontEnd: FrontEnd = 'action',
): SettingsReader {
  return {
    frontEnd,
    get: (setting) => (values[setting] ?? '').trim(),
    name: (setting) => (frontEnd === 'action' ? `input '${setting}'` : `--${setting}`),
    mask: () => {},
  };
}

/** A tree's name from its repository: `https://host/x/xen.git` or `/srv/git/xen.git` → `xen`. */
export function treeNameOf(url: string): string {
  return url
    .replace(/\/+$/, '')
    .split('/')
    .pop()!
    .replace(/\.git$/, '');
}
