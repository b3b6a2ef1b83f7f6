/**
 * The one funnel every git call goes through: a child process of git with arguments as arrays
 * (no shell ever parses them), git never prompting, only known transports allowed (never
 * ext::), and credentials given per command through GIT_CONFIG_* environment variables: an
 * Authorization header scoped to one URL prefix, so a token is never on a command line, in a
 * URL, a remote or .git/config. git.ts builds the questions and writes tributary makes on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Redactor, type Logger } from './log.js';
import { processTree } from './process-table.js';

/** A repository git talks to: what git is given (a URL or a path), and the token for it. */
export interface Remote {
  url: string;
  /** Sent only to this repository (see credentialFor), never written anywhere. */
  token?: string;
  /** How a person knows it (`owner/repo`), when that is not its URL. */
  name?: string;
}

/** How git reaches a remote, from its URL: scp-like `host:path` is ssh, a path is local. */
export function transportOf(url: string): 'https' | 'http' | 'ssh' | 'git' | 'local' {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1].toLowerCase();
  if (scheme === 'https' || scheme === 'http' || scheme === 'ssh' || scheme === 'git')
    return scheme;
  if (scheme === 'file') return 'local';
  return !url.startsWith('/') && /^[^/]+:/.test(url) ? 'ssh' : 'local';
}

/** An Authorization header and the URL prefix git sends it to. */
export interface GitCredential {
  urlPrefix: string;
  token: string;
  /** Basic-auth user; GitHub accepts any, `x-access-token` is what its apps use. */
  username?: string;
}

/**
 * The one place a token is scoped: a header for exactly this repository's URL. git matches
 * `http.<url>.extraHeader` as a path prefix that ends at a `/`, so a token given for
 * https://host/o/a.git reaches https://host/o/a.git/info/refs and nothing else: neither
 * https://host/o/b.git on the same server nor https://host/o/a.git.evil. A remote that is not
 * HTTP(S), or has no token, gets none; a URL naming no repository (a whole server) is refused.
 */
export function credentialFor(remote: Remote): GitCredential[] {
  if (!remote.token || !/^https?:\/\//i.test(remote.url)) return [];
  const urlPrefix = remote.url.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(urlPrefix);
  } catch {
    throw new Error(`A token can only be sent to a repository URL, and this is not one.`);
  }
  if (url.pathname === '/' || url.pathname === '')
    throw new Error(
      `A token is sent to one repository, never to a whole server (${url.origin} names none).`,
    );
  if (url.username || url.password || url.search || url.hash)
    throw new Error(`A repository URL given a token must not carry credentials or a query.`);
  return [{ urlPrefix: url.href.replace(/\/+$/, ''), token: remote.token }];
}

export interface Identity {
  name: string;
  email: string;
}

export interface GitOptions {
  /** Working directory (a work tree or a bare repository). */
  cwd: string;
  /** The repositories this funnel may send a token to, each scoped by credentialFor. */
  remotes?: Remote[];
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
  /**
   * A long transfer (a fetch of a whole history): git's `--progress` lines on stderr go to the
   * log as `<progress>: <line>`, at most one every `progressPolicy.intervalMs`, redacted.
   */
  progress?: string;
}

const COUNTER = /objects|deltas|Total \d/;

/** How often a transfer's progress is logged; tests make it 0 (every line git writes). */
export const progressPolicy = { intervalMs: 10_000 };

/**
 * Turns git's progress output (lines ended by `\r` while they count, `\n` when done) into
 * at most one log line every interval: the latest count, and the last line when it ends after
 * the first was shown, so a long fetch says where it is and a short one says nothing.
 */
class ProgressLog {
  private pending = '';
  private latest = '';
  private shownAt: number;
  private shown = false;
  constructor(
    private readonly say: (line: string) => void,
    private readonly label: string,
    private readonly redact: (text: string) => string,
  ) {
    this.shownAt = Date.now();
  }
  add(chunk: string): void {
    const parts = (this.pending + chunk).split(/[\r\n]/);
    this.pending = parts.pop()!;
    // Counters only (`Receiving objects: 40% (36/90)`, `remote: Total 90 ...`), not the refs
    // a fetch lists when it is done.
    for (const part of parts) if (COUNTER.test(part)) this.latest = part.trim();
    if (this.latest && Date.now() - this.shownAt >= progressPolicy.intervalMs) this.show();
  }
  end(): void {
    if (COUNTER.test(this.pending)) this.latest = this.pending.trim();
    if (this.shown && this.latest) this.show();
  }
  private show(): void {
    this.say(`${this.label}: ${this.redact(this.latest.replace(/^remote:\s*/, 'remote: '))}`);
    this.latest = '';
    this.shown = true;
    this.shownAt = Date.now();
  }
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

/**
 * A push the lease or the remote refused. Over a local or ssh transport an atomic push that a
 * lease stopped also says "the remote end hung up unexpectedly": it is still an answer.
 */
const REFUSED = /\[(remote )?rejected\]|\(stale info\)|atomic push failed/;

/**
 * Whether a failure looks like the network, worth another try; auth and refusals are not.
 * `stdout` matters for a push: `--porcelain` writes its refusals there.
 */
export function isTransient(stderr: string, stdout = ''): boolean {
  if (REFUSED.test(stderr) || REFUSED.test(stdout)) return false;
  return TRANSIENT.some((re) => re.test(stderr));
}

export function basicAuthHeader(username: string, token: string): string {
  return `Authorization: Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Base delay of the backoff between retries; tests shorten it. */
export const retryPolicy = { baseDelayMs: 1000 };

// ---- stopping: an interrupted command must not leave git (a push above all) running on ----

/** Thrown instead of starting git, or of retrying it, once stopGit was called. */
export class GitStopped extends Error {
  constructor() {
    super('git was stopped: the command was interrupted');
    this.name = 'GitStopped';
  }
}

const stop: { requested: boolean; done?: Promise<void> } = { requested: false };
/** Every git process started here that has not closed yet, with the promise of its close. */
const running = new Map<ChildProcess, Promise<void>>();

/** Spawns through `spawnGit` unless stopGit was called, and keeps the child until it closes. */
function started<C extends ChildProcess>(spawnGit: () => C): C {
  if (stop.requested) throw new GitStopped();
  const child = spawnGit();
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  running.set(child, closed);
  void closed.then(() => running.delete(child));
  return child;
}

/**
 * Stops every git process started here and starts no more (GitStopped instead): each one with
 * all it started, since a push's transport helper carries on alone when only git is signalled.
 * Resolves once every one of them has exited; SIGKILL after `graceMs` for any that has not.
 */
export function stopGit(graceMs = 3000): Promise<void> {
  stop.requested = true;
  return (stop.done ??= (async () => {
    const children = [...running];
    const signal = (sig: NodeJS.Signals) => {
      for (const [child] of children)
        for (const pid of child.pid ? processTree(child.pid) : [])
          try {
            process.kill(pid, sig);
          } catch {
            // already gone
          }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await Promise.all(children.map(([, closed]) => closed));
    clearTimeout(timer);
  })());
}

export class GitProcess {
  readonly cwd: string;
  protected readonly options: GitOptions;
  private readonly redactor = new Redactor();
  private readonly credentials: GitCredential[];

  constructor(options: GitOptions) {
    this.options = options;
    this.cwd = options.cwd;
    this.credentials = (options.remotes ?? []).flatMap(credentialFor);
    for (const c of this.credentials) {
      this.redactor.add(c.token);
      this.redactor.add(basicAuthHeader(c.username ?? 'x-access-token', c.token).slice(21));
      options.logger?.secret(c.token);
    }
  }

  /** The same credentials, identity and logger in another directory. */
  at(cwd: string): this {
    return new (this.constructor as new (options: GitOptions) => this)({ ...this.options, cwd });
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
    for (const c of this.credentials) {
      add(
        `http.${c.urlPrefix}.extraHeader`,
        basicAuthHeader(c.username ?? 'x-access-token', c.token),
      );
    }
    // A credential helper from the user's config must not answer for us, nor store our token.
    if (this.credentials.length) add('credential.helper', '');
    env.GIT_CONFIG_COUNT = String(n);
    const id = this.options.identity;
    if (id) {
      env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = id.name;
      env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = id.email;
      // A command that keeps another author (a cherry-pick) says so in its own environment.
      for (const k of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_DATE'] as const)
        if (extra?.[k]) env[k] = extra[k];
    }
    return env;
  }

  private once(args: string[], opts: ExecOptions): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = started(() =>
        spawn(this.options.program ?? 'git', args, {
          cwd: this.cwd,
          env: this.environment(opts.env),
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
      );
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const logger = this.options.logger;
      const progress =
        opts.progress && logger
          ? new ProgressLog(
              (l) => logger.info(l),
              opts.progress,
              (t) => this.redact(t),
            )
          : undefined;
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => {
        err.push(b);
        progress?.add(b.toString('utf8'));
      });
      child.on('error', reject);
      child.stdin.on('error', () => {}); // git may exit before reading all of its input
      child.on('close', (code, signal) => {
        progress?.end();
        let stderr = Buffer.concat(err).toString('utf8');
        // Of a counter rewritten in place (`\r`), only its last state: errors stay readable.
        if (progress)
          stderr = stderr
            .split('\n')
            .map((l) => l.split('\r').filter(Boolean).pop() ?? '')
            .join('\n');
        resolve({
          code: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: this.redact(stderr),
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
      if (stop.requested) throw new GitStopped(); // its failure is ours: say so, try nothing more
      if (attempt < retries && isTransient(result.stderr, result.stdout)) {
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

  /**
   * Streams stdout line by line, for outputs too large to hold (log -p over a long history);
   * `input` goes to stdin (`--stdin` lists of commits).
   */
  async *lines(
    args: string[],
    opts: { env?: Record<string, string>; input?: string } = {},
  ): AsyncGenerator<string> {
    let rest = '';
    for await (const chunk of this.chunks(args, opts)) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    if (rest) yield rest;
  }

  /**
   * Streams stdout as text chunks (UTF-8 kept whole across chunk boundaries), for parsers of
   * large outputs that split records themselves, faster than a line at a time.
   */
  async *chunks(
    args: string[],
    opts: { env?: Record<string, string>; input?: string } = {},
  ): AsyncGenerator<string> {
    this.options.logger?.debug(`git ${this.redact(args.join(' '))}`);
    const child = started(() =>
      spawn(this.options.program ?? 'git', args, {
        cwd: this.cwd,
        env: this.environment(opts.env),
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      }),
    );
    if (child.stdin) {
      child.stdin.on('error', () => {});
      child.stdin.end(opts.input);
    }
    const err: Buffer[] = [];
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    const closed = new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    });
    child.stdout!.setEncoding('utf8');
    try {
      for await (const chunk of child.stdout!) yield chunk as string;
    } finally {
      if (child.exitCode === null) child.kill();
    }
    const code = await closed;
    if (code !== 0)
      throw new GitError(args, code, this.redact(Buffer.concat(err).toString('utf8')));
  }

  /**
   * Streams `git <producer>` into `git <consumer>` and yields the consumer's stdout line by
   * line: two processes for any number of commits (`log -p` into `patch-id`), nothing held
   * whole in memory. `input` is written to the producer's stdin (`--stdin` lists of commits).
   */
  async *pipeLines(
    producer: string[],
    consumer: string[],
    opts: { input?: string | Readable; env?: Record<string, string> } = {},
  ): AsyncGenerator<string> {
    this.options.logger?.debug(
      `git ${this.redact(producer.join(' '))} | git ${this.redact(consumer.join(' '))}`,
    );
    const env = this.environment(opts.env);
    const first = started(() =>
      spawn(this.options.program ?? 'git', producer, {
        cwd: this.cwd,
        env,
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      }),
    );
    // The producer's stdout is the consumer's stdin, an OS pipe: the data never passes
    // through this process.
    const second = started(() =>
      spawn(this.options.program ?? 'git', consumer, {
        cwd: this.cwd,
        env,
        stdio: [first.stdout!, 'pipe', 'pipe'],
      }),
    );
    first.stdout!.destroy(); // the consumer has its own end of the pipe
    const errors: Buffer[][] = [[], []];
    first.stderr!.on('data', (b: Buffer) => errors[0].push(b));
    second.stderr!.on('data', (b: Buffer) => errors[1].push(b));
    const exited = (child: typeof first) =>
      new Promise<number>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
      });
    const closed = [exited(first), exited(second)];
    if (first.stdin) {
      first.stdin.on('error', () => {});
      if (typeof opts.input === 'string') first.stdin.end(opts.input);
      else opts.input?.pipe(first.stdin);
    }
    const rl = createInterface({ input: second.stdout!, crlfDelay: Infinity });
    try {
      for await (const line of rl) yield line;
    } finally {
      for (const child of [first, second]) if (child.exitCode === null) child.kill();
    }
    const [a, b] = await Promise.all(closed);
    if (a !== 0)
      throw new GitError(producer, a, this.redact(Buffer.concat(errors[0]).toString('utf8')));
    if (b !== 0)
      throw new GitError(consumer, b, this.redact(Buffer.concat(errors[1]).toString('utf8')));
  }
}
