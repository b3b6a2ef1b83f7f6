/**
 * Runs a bundled action the way the GitHub runner does: `node dist/<name>/index.js` in a child
 * process (the Node running the tests, 24 as runs.using says), inputs as INPUT_* variables with
 * action.yml's defaults applied, the file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY, GITHUB_ENV), an event payload, and the post: step with STATE_* when
 * action.yml has one. Returns what a user would see: outputs, summary, annotations, exit code
 * and the whole log (with ::add-mask:: commands taken out, as the runner does, but nothing
 * masked, so a test can prove a secret was never printed at all).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { filesContaining } from './fixtures.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ActionMetadata {
  name: string;
  description: string;
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string; pre?: string; 'post-if'?: string };
}

export function readActionMetadata(action: string): ActionMetadata {
  return parse(
    readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8'),
  ) as ActionMetadata;
}

export interface RunActionOptions {
  inputs?: Record<string, string>;
  /** Extra environment (GITHUB_API_URL, GITHUB_REPOSITORY, ...). */
  env?: Record<string, string>;
  /** The event payload written to GITHUB_EVENT_PATH, and its name. */
  event?: unknown;
  eventName?: string;
  /** What `${{ github.token }}` in an input default stands for. */
  githubToken?: string;
  /** GITHUB_WORKSPACE and the working directory; a new temporary folder by default. */
  workspace?: string;
  /** RUNNER_TEMP; a new temporary folder by default (pass one to keep state across runs). */
  runnerTemp?: string;
  /** Cancel the main step as the runner does (SIGINT, then SIGTERM) once the log matches, or after ms. */
  cancel?: { whenLogMatches?: RegExp; afterMs?: number };
  /** Kill the main step if it runs this long (a test must never hang). */
  timeoutMs?: number;
  /** Run the post: step (default: when action.yml has one). */
  post?: boolean;
  /** Called with the main step's log so far each time it grows, to act on what it shows. */
  onLog?: (log: string) => void;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface StepRun {
  code: number;
  signal: NodeJS.Signals | null;
  log: string;
}

export interface ActionRun {
  code: number;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The main step's and the post step's output, as the runner would show it. */
  log: string;
  /** Values the action asked the runner to mask. */
  masked: string[];
  main: StepRun;
  post?: StepRun;
  workspace: string;
  runnerTemp: string;
  /** Files the runner keeps for the job (outputs, state, summary, event): scanned for secrets. */
  files: string[];
}

/** Parses the runner's file-command format: `name=value` lines or `name<<DELIM` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/**
 * Reads workflow commands (`::error file=a,line=1::message`) out of a log. Between
 * `::stop-commands::<token>` and `::<token>::` nothing is a command, as on the runner.
 */
export function parseWorkflowCommands(log: string): {
  annotations: Annotation[];
  masked: string[];
  clean: string;
} {
  const annotations: Annotation[] = [];
  const masked: string[] = [];
  const clean: string[] = [];
  let stoppedUntil: string | undefined;
  for (const line of log.split('\n')) {
    const m = /^::([^:\s]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (stoppedUntil !== undefined) {
      if (m && m[1] === stoppedUntil) stoppedUntil = undefined;
      clean.push(line);
      continue;
    }
    if (!m) {
      clean.push(line);
      continue;
    }
    const [, command, props = '', data] = m;
    if (command === 'stop-commands') stoppedUntil = data;
    if (command === 'add-mask') {
      masked.push(unescapeData(data));
      continue; // the runner swallows it
    }
    if (command === 'error' || command === 'warning' || command === 'notice') {
      const properties: Record<string, string> = {};
      for (const kv of props.split(',').filter(Boolean)) {
        const eq = kv.indexOf('=');
        properties[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
      }
      annotations.push({ level: command, message: unescapeData(data), properties });
    }
    clean.push(line);
  }
  return { annotations, masked, clean: clean.join('\n') };
}

function resolveDefault(
  value: string,
  opts: RunActionOptions,
  env: Record<string, string>,
): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.token') return opts.githubToken ?? '';
    if (expr === 'github.repository') return env.GITHUB_REPOSITORY ?? '';
    if (expr === 'github.server_url') return env.GITHUB_SERVER_URL ?? '';
    if (expr === 'github.run_id') return env.GITHUB_RUN_ID ?? '';
    if (expr === 'runner.temp') return env.RUNNER_TEMP ?? '';
    if (expr === 'github.workspace') return env.GITHUB_WORKSPACE ?? '';
    throw new Error(`runner harness: cannot evaluate \${{ ${expr} }} in an input default`);
  });
}

function runStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
  opts: {
    cancel?: RunActionOptions['cancel'];
    onLog?: RunActionOptions['onLog'];
    timeoutMs: number;
  },
): Promise<StepRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let cancelled = false;
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      child.kill('SIGINT');
      // The runner sends SIGTERM 7.5 s after SIGINT; a shorter grace keeps tests quick.
      setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 2500).unref();
    };
    const onData = (b: Buffer) => {
      log += b.toString('utf8');
      if (opts.cancel?.whenLogMatches?.test(log)) cancel();
      opts.onLog?.(log);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timers = [setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs)];
    if (opts.cancel?.afterMs !== undefined) timers.push(setTimeout(cancel, opts.cancel.afterMs));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      resolvePromise({ code: code ?? 1, signal, log });
    });
  });
}

/** Runs `actions/<action>` from its bundle in dist/, as the runner would. */
export async function runAction(action: string, opts: RunActionOptions = {}): Promise<ActionRun> {
  const meta = readActionMetadata(action);
  if (meta.runs.using !== 'node24')
    throw new Error(`${action}: runs.using is ${meta.runs.using}, not node24`);
  const actionDir = join(repoRoot, 'actions', action);
  const temp = mkdtempSync(join(tmpdir(), `runner-${action}-`));
  const runnerTemp = opts.runnerTemp ?? join(temp, 'runner-temp');
  const workspace = opts.workspace ?? join(temp, 'workspace');
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const files = {
    output: join(temp, 'output'),
    state: join(temp, 'state'),
    summary: join(temp, 'summary.md'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
    event: join(temp, 'event.json'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(opts.event ?? {}));

  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: opts.eventName ?? 'workflow_dispatch',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'xen-project/tributary-test',
    GITHUB_REPOSITORY_OWNER: 'xen-project',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'release-manager',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: action,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'tributary-test-runner',
    ...opts.env,
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec.default !== undefined) inputs[name] = resolveDefault(String(spec.default), opts, base);
  }
  for (const [name, value] of Object.entries(opts.inputs ?? {})) {
    if (!meta.inputs || !(name in meta.inputs))
      throw new Error(`${action}: action.yml has no input '${name}'`);
    inputs[name] = value;
  }
  const env = { ...base };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const timeoutMs = opts.timeoutMs ?? 300_000;
  const main = await runStep(resolve(actionDir, meta.runs.main), env, workspace, {
    cancel: opts.cancel,
    onLog: opts.onLog,
    timeoutMs,
  });
  const state = parseFileCommands(readFileSync(files.state, 'utf8'));
  let post: StepRun | undefined;
  if (meta.runs.post && opts.post !== false) {
    const postEnv = { ...env };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    post = await runStep(resolve(actionDir, meta.runs.post), postEnv, workspace, { timeoutMs });
  }
  const parsed = parseWorkflowCommands(main.log + (post ? `\n${post.log}` : ''));
  return {
    code: main.code,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state,
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    annotations: parsed.annotations,
    log: parsed.clean,
    masked: parsed.masked,
    main,
    post,
    workspace,
    runnerTemp,
    files: Object.values(files),
  };
}

/**
 * The token never printed by any run, nor left in a file of the server's repositories, the
 * runs' workspaces or the runner's files: the end-to-end tests' last check.
 */
export function assertTokenKept(runs: ActionRun[], serverRoot: string, token: string): void {
  for (const r of runs) assert.ok(!r.log.includes(token), 'the token is never printed');
  assert.deepEqual(
    filesContaining([serverRoot, ...runs.flatMap((r) => [r.workspace, ...r.files])], token),
    [],
  );
}
