/**
 * Checks over the workflow templates in workflows/, as GitHub would run them:
 * - every `run:` step is valid bash (`bash -n`) and clean under shellcheck, run the way the
 *   runner runs it (`shell: bash` is `bash --noprofile --norc -eo pipefail`), with each
 *   `${{ }}` replaced by underscores of the same length, as actionlint does;
 * - event data reaches a script through `env:`, never as `${{ }}` inside it;
 * - every job has a timeout and exactly the permissions its steps use; every App token is
 *   narrowed (`permission-*`) to exactly what the steps given it use;
 * - third-party actions are pinned by full commit id with their release in a comment;
 *   tributary's own stay `@v1`;
 * - the push gate's credential is out of reach of the revision under test.
 * Each check also runs on a small broken template, so it is known to fail when it should.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const dir = join(repoRoot, 'workflows');
const templates = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => template(`workflows/${f}`, readFileSync(join(dir, f), 'utf8')));

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

/** The releases the templates use, on their node24 majors (see ../shared/action-pins.md). */
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
};
const ownActions = readdirSync(join(repoRoot, 'actions')).filter((d) =>
  existsSync(join(repoRoot, 'actions', d, 'action.yml')),
);

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
        ...(text(w.repository ?? 'x') ? { statuses: 'write' as Level } : {}),
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
  return [];
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
    findings.push(...jobPermissionFindings(t, jobId, job));
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
  return Object.entries(t.workflow.jobs)
    .filter(([, job]) => readsSecret(job) && !job.environment)
    .map(
      ([jobId]) =>
        `${t.file}:${t.line(['jobs', jobId])}: job '${jobId}' reads a secret outside an environment`,
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
    if ((job.steps ?? []).some((s) => s.uses?.startsWith('actions/checkout@')))
      findings.push(`${at}: the gate checks nothing out of the revision under test`);
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

describe('workflow templates', () => {
  it('every run: step is valid bash and clean under shellcheck', () => {
    assert.deepEqual(templates.flatMap(shellFindings), []);
  });

  it('every run: step runs with shell: bash (pipefail)', () => {
    assert.deepEqual(templates.flatMap(pipefailFindings), []);
  });

  it('event data reaches scripts through env:, never as ${{ }} in the script', () => {
    assert.deepEqual(templates.flatMap(expressionInScriptFindings), []);
  });

  it('third-party actions are pinned by commit on their node24 release; ours at @v1', () => {
    assert.deepEqual(templates.flatMap(pinFindings), []);
  });

  it('every job has a timeout and exactly the permissions its steps use; App tokens narrowed', () => {
    assert.deepEqual(templates.flatMap(permissionFindings), []);
  });

  it('dispatch inputs are typed; a mode is a choice', () => {
    assert.deepEqual(templates.flatMap(dispatchInputFindings), []);
  });

  it('a job that reads a secret runs in an environment', () => {
    assert.deepEqual(templates.flatMap(secretFindings), []);
  });

  it('the push gate holds the only push credential, away from the revision under test', () => {
    assert.ok(
      templates.some((t) => gateSteps(t).length),
      'no template runs the push gate',
    );
    assert.deepEqual([...templates.flatMap(gateStepFindings), ...flightFindings(templates)], []);
  });
});

describe('workflow template checks can fail', () => {
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
});
