/**
 * The one funnel for every git call. Arguments are arrays (no shell ever parses them), git
 * never prompts, only known transports are allowed (never ext::), and credentials are given
 * per command through GIT_CONFIG_* environment variables: an Authorization header scoped to
 * one URL prefix, so a token is never on a command line, in a URL, a remote or .git/config.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Redactor, type Logger } from './log.js';

export interface GitCredential {
  /** The URL prefix the header is sent to, e.g. `https://github.com/` or a full repository URL. */
  urlPrefix: string;
  token: string;
  /** Basic-auth user; GitHub accepts any, `x-access-token` is what its apps use. */
  username?: string;
}

export interface Identity {
  name: string;
  email: string;
}

export interface GitOptions {
  /** Working directory (a work tree or a bare repository). */
  cwd: string;
  credentials?: GitCredential[];
  identity?: Identity;
  logger?: Logger;
  /** Extra environment, e.g. GIT_DIR. */
  env?: Record<string, string>;
  /** Path to the git program; `git` on PATH by default. */
  program?: string;
}

export interface ExecOptions {
  input?: string | Buffer;
  /** Return the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Retries of a transient network failure, with exponential backoff. */
  retries?: number;
  env?: Record<string, string>;
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class GitError extends Error {
  readonly args: string[];
  readonly code: number;
  readonly stderr: string;
  constructor(args: string[], code: number, stderr: string) {
    super(
      `git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-6).join('\n')}`,
    );
    this.name = 'GitError';
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
}

/** The transports tributary ever speaks; `ext::` and friends are refused by git itself. */
export const ALLOWED_PROTOCOLS = 'file:git:http:https:ssh';

const TRANSIENT = [
  /RPC failed/i,
  /early EOF/i,
  /unexpected disconnect/i,
  /the remote end hung up unexpectedly/i,
  /Connection (reset|refused|timed out)/i,
  /Could not resolve host/i,
  /Operation timed out/i,
  /HTTP\/?[0-9.]* ?(500|502|503|504)/i,
  /returned error: (500|502|503|504)/i,
  /transfer closed with outstanding read data/i,
  /GnuTLS recv error|SSL_read|OpenSSL SSL/i,
  /index-pack failed/i,
  /remote: (Internal Server Error|Service Unavailable)/i,
];

/** Whether a failure looks like the network, worth another try; auth and refusals are not. */
export function isTransient(stderr: string): boolean {
  return TRANSIENT.some((re) => re.test(stderr));
}

export function basicAuthHeader(username: string, token: string): string {
  return `Authorization: Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Base delay of the backoff between retries; tests shorten it. */
export const retryPolicy = { baseDelayMs: 1000 };

export class Git {
  readonly cwd: string;
  private readonly options: GitOptions;
  private readonly redactor = new Redactor();

  constructor(options: GitOptions) {
    this.options = options;
    this.cwd = options.cwd;
    for (const c of options.credentials ?? []) {
      this.redactor.add(c.token);
      this.redactor.add(basicAuthHeader(c.username ?? 'x-access-token', c.token).slice(21));
      options.logger?.secret(c.token);
    }
  }

  /** The same credentials, identity and logger in another directory. */
  at(cwd: string): Git {
    return new Git({ ...this.options, cwd });
  }

  /** Removes every token (and its encoded form) from a text. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  environment(extra?: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS,
      GCM_INTERACTIVE: 'never',
      LC_ALL: 'C',
      ...this.options.env,
      ...extra,
    };
    if (!env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
    // Per-command configuration, appended after whatever the caller's environment had.
    let n = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
    const add = (key: string, value: string) => {
      env[`GIT_CONFIG_KEY_${n}`] = key;
      env[`GIT_CONFIG_VALUE_${n}`] = value;
      n++;
    };
    for (const c of this.options.credentials ?? []) {
      add(
        `http.${c.urlPrefix}.extraHeader`,
        basicAuthHeader(c.username ?? 'x-access-token', c.token),
      );
    }
    // A credential helper from the user's config must not answer for us, nor store our token.
    if (this.options.credentials?.length) add('credential.helper', '');
    env.GIT_CONFIG_COUNT = String(n);
    const id = this.options.identity;
    if (id) {
      env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = id.name;
      env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = id.email;
    }
    return env;
  }

  private once(args: string[], opts: ExecOptions): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.program ?? 'git', args, {
        cwd: this.cwd,
        env: this.environment(opts.env),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', reject);
      child.stdin.on('error', () => {}); // git may exit before reading all of its input
      child.on('close', (code, signal) => {
        resolve({
          code: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: this.redact(Buffer.concat(err).toString('utf8')),
        });
      });
      child.stdin.end(opts.input ?? '');
    });
  }

  /** Runs git; throws GitError (tokens redacted) unless allowFailure. */
  async exec(args: string[], opts: ExecOptions = {}): Promise<GitResult> {
    const retries = opts.retries ?? 0;
    this.options.logger?.debug(`git ${this.redact(args.join(' '))}`);
    for (let attempt = 0; ; attempt++) {
      const result = await this.once(args, opts);
      if (result.code === 0) return result;
      if (attempt < retries && isTransient(result.stderr)) {
        const delay = retryPolicy.baseDelayMs * 2 ** attempt;
        this.options.logger?.warning(
          `git ${args[0]} failed with a network error, retrying in ${delay} ms (${attempt + 1}/${retries}): ${result.stderr.trim().split('\n').pop()}`,
        );
        await sleep(delay);
        continue;
      }
      if (opts.allowFailure) return result;
      throw new GitError(
        args.map((a) => this.redact(a)),
        result.code,
        result.stderr,
      );
    }
  }

  /** Runs git and returns its stdout with the final newline removed. */
  async run(args: string[], opts: ExecOptions = {}): Promise<string> {
    return (await this.exec(args, opts)).stdout.replace(/\n$/, '');
  }

  /** Runs git and says whether it succeeded, for questions git answers by exit code. */
  async try(args: string[], opts: ExecOptions = {}): Promise<boolean> {
    return (await this.exec(args, { ...opts, allowFailure: true })).code === 0;
  }

  /** Streams stdout line by line, for outputs too large to hold (log -p over a long history). */
  async *lines(
    args: string[],
    opts: { env?: Record<string, string> } = {},
  ): AsyncGenerator<string> {
    this.options.logger?.debug(`git ${this.redact(args.join(' '))}`);
    const child = spawn(this.options.program ?? 'git', args, {
      cwd: this.cwd,
      env: this.environment(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const closed = new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    });
    const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
    try {
      for await (const line of rl) yield line;
    } finally {
      if (child.exitCode === null) child.kill();
    }
    const code = await closed;
    if (code !== 0)
      throw new GitError(args, code, this.redact(Buffer.concat(err).toString('utf8')));
  }

  /** The object a revision names, or undefined when it names nothing. */
  async revParse(rev: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{object}`], {
      allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** The commit a revision names, or undefined. */
  async commitOf(rev: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** Whether `ancestor` is reachable from `descendant` (equal counts). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
      allowFailure: true,
    });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r.code, r.stderr);
  }

  /** Local refs under the given patterns, as name → object id. */
  async refs(patterns: string[] = []): Promise<Map<string, string>> {
    const out = await this.run(['for-each-ref', '--format=%(objectname) %(refname)', ...patterns]);
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const sp = line.indexOf(' ');
      map.set(line.slice(sp + 1), line.slice(0, sp));
    }
    return map;
  }

  /** A remote's refs (`git ls-remote`), as name → object id; peeled tags (^{}) left out. */
  async lsRemote(
    url: string,
    patterns: string[] = [],
    opts: ExecOptions = {},
  ): Promise<Map<string, string>> {
    const out = await this.run(['ls-remote', '--', url, ...patterns], { retries: 3, ...opts });
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const [oid, name] = line.split('\t');
      if (name && !name.endsWith('^{}')) map.set(name, oid);
    }
    return map;
  }

  /**
   * A remote's branches and tags only (`ls-remote --heads --tags --refs`): protocol v2 asks the
   * server for just those prefixes, so refs/pull/*, HEAD and other hidden refs never come back.
   */
  async remoteBranchesAndTags(url: string, opts: ExecOptions = {}): Promise<Map<string, string>> {
    const out = await this.run(['ls-remote', '--heads', '--tags', '--refs', '--', url], {
      retries: 3,
      ...opts,
    });
    const map = new Map<string, string>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const [oid, name] = line.split('\t');
      if (name) map.set(name, oid);
    }
    return map;
  }

  /**
   * The type of each object (commit, tag, tree, blob), or undefined when it is missing or
   * unreadable. Reads each object's header, so a damaged pack shows up here, not only its index.
   */
  async objectTypes(oids: Iterable<string>): Promise<Map<string, string | undefined>> {
    const list = [...new Set(oids)];
    const types = new Map<string, string | undefined>();
    if (!list.length) return types;
    const r = await this.exec(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: list.join('\n') + '\n',
      allowFailure: true,
    });
    const lines = r.stdout.split('\n');
    list.forEach((oid, i) => {
      const [got, type] = (lines[i] ?? '').split(' ');
      types.set(oid, r.code === 0 && got === oid && type !== 'missing' ? type : undefined);
    });
    return types;
  }
}

/** Creates a repository (bare by default) and returns its funnel. */
export async function initRepository(
  dir: string,
  options: Omit<GitOptions, 'cwd'> & { bare?: boolean } = {},
): Promise<Git> {
  const { bare = true, ...rest } = options;
  const git = new Git({ ...rest, cwd: process.cwd() });
  await git.run(['init', '--quiet', ...(bare ? ['--bare'] : []), '--', dir]);
  return git.at(dir);
}
