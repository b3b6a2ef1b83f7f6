/**
 * The two front ends of every part say the same thing. Each part has one settings parser,
 * `parse<Part>Settings(read)`, that its action's main.ts and its command calls with its own
 * reader; this test holds them to it:
 * - every input a part's parser reads is declared in its action.yml, with the same default (a
 *   part with no action yet, history, declares its settings for the action to come);
 * - every input has its option on the command line (or its environment variable, or its
 *   argument), mapped in one table below; the defaults the action takes from the runner
 *   (`${{ github.* }}`, `runner.temp`, the event) are listed with what the command line uses;
 * - the same values given to either front end parse to the same settings (the same meaning);
 * - the command line's help lists every option with a description, placeholders `<like-this>`,
 *   and the exit codes; every required option left out is refused naming `--<option>`, never
 *   the action's input (walked through the bundled dist/cli, as a user runs it).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BACKPORT_SETTINGS,
  parseBackportMode,
  parseCheckSettings,
  parseDivergenceSettings,
} from '../actions/lib/backport/settings.js';
import {
  BISECT_SETTINGS,
  parseBisectActionSettings,
  parseBisectSettings,
} from '../actions/lib/bisect/settings.js';
import { GATE_SETTINGS, parseGateSettings } from '../actions/lib/gate/settings.js';
import { HISTORY_SETTINGS, parseHistorySettings } from '../actions/lib/history/settings.js';
import {
  HYPERVISOR_SETTINGS,
  parseHypervisorSettings,
} from '../actions/lib/hypervisor/settings.js';
import { MIRROR_SETTINGS, parseMirrorSettings } from '../actions/lib/mirror/settings.js';
import { parseTrackSettings, TRACK_SETTINGS } from '../actions/lib/track/settings.js';
import {
  valuesReader,
  type SettingDeclarations,
  type SettingsReader,
} from '../actions/lib/settings.js';
import { bisectSpec } from '../cli/bisect.js';
import { checkSpec } from '../cli/check.js';
import { divergenceSpec } from '../cli/divergence.js';
import { gateSpec } from '../cli/gate.js';
import { historySpec } from '../cli/history.js';
import { mirrorSpec } from '../cli/mirror.js';
import { parseCommandLine, type PartSpec } from '../cli/options.js';
import { testSpec } from '../cli/test.js';
import { trackSpec } from '../cli/track.js';
import { watchSpec } from '../cli/watch.js';
import { parseWatchSettings, WATCH_SETTINGS } from '../actions/lib/watch/settings.js';
import { tempDir } from './harness/fixtures.js';
import { readActionMetadata, repoRoot } from './harness/runner.js';

const tmp = tempDir('tributary-front-ends-');
const cacheDir = join(tmp.path, 'facts');
mkdirSync(cacheDir);

/** Where the action's default comes from the run, and what the command line does instead. */
interface Instead {
  /** action.yml's default (a runner expression), or '' when main.ts takes it from the run. */
  action: string;
  /** What the command line's help says it uses instead. */
  commandLine: string;
}

interface Part {
  /**
   * The action folder; none for a part the command line alone has yet, whose declared
   * settings stand for the action.yml to come (its inputs, their defaults).
   */
  action?: string;
  spec: PartSpec;
  declared: SettingDeclarations;
  /**
   * THE TABLE: each input of the action → the command line's `--option`, its environment
   * variable, its `<argument>`, or `action only: why`.
   */
  inputs: Record<string, string>;
  instead: Record<string, Instead>;
  /** The part's parser, as both front ends call it (the same context for both here). */
  parse: (read: SettingsReader) => unknown;
  /** Values that, together, make the parser read every input it has. */
  samples: Record<string, string>[];
  /** Parses only the action does (its other mode, what it fetches): to see every input read. */
  actionOnly?: { parse: (read: SettingsReader) => unknown; samples: Record<string, string>[] }[];
}

/** The inputs of the part's action as action.yml declares them (or, with no action yet, the part). */
function inputsOf(part: Part): Record<string, { default?: unknown; required?: boolean }> {
  if (part.action) return readActionMetadata(part.action).inputs ?? {};
  return Object.fromEntries(
    Object.entries(part.declared).map(([name, d]) => [
      name,
      { default: d.runner ?? d.default, required: d.required },
    ]),
  );
}

const same = (names: string[]) => Object.fromEntries(names.map((n) => [n, `--${n}`]));

const backportPolicy = {
  ...same([
    'upstream-development-branch',
    'upstream-branch',
    'downstream-only-trailers',
    'downstream-only-subjects',
    'reference-patterns',
    'minimum-id-length',
    'cache-dir',
  ]),
  mode: 'action only: the command line has a part for each mode (check, divergence)',
  'upstream-repository':
    'action only: the command line reads a local repository, upstream branches in it',
  'downstream-repository': 'action only: the command line reads a local repository',
  token: 'action only: a local repository needs no token',
  'upstream-token': 'action only: a local repository needs no token',
  'issue-title': 'action only: the command line prints the report',
  'issue-labels': 'action only: the command line prints the report',
};
const backportInstead: Record<string, Instead> = {
  'upstream-development-branch': {
    action: 'master',
    commandLine: 'required',
  },
  'cache-dir': {
    action: '${{ runner.temp }}/tributary-backport-cache',
    commandLine: 'none; the action: RUNNER_TEMP/tributary-backport-cache',
  },
};
const backportSamples = {
  'upstream-development-branch': 'upstream/master',
  'upstream-branch': 'upstream/stable-4.20',
  'downstream-only-trailers': 'Xen-only\nVendor-only',
  'downstream-only-subjects': '^update Xen version to',
  'reference-patterns': 'Upstream-ref: ([0-9a-f]+)',
  'minimum-id-length': '10',
  'cache-dir': cacheDir,
};
const fetched = {
  fetch: { serverUrl: 'https://example.org', repository: 'xen/xen', workDir: '/w/repo.git' },
};
const backportActionOnly = [
  {
    parse: (read: SettingsReader) => [
      parseBackportMode(read),
      parseCheckSettings(read, fetched),
      parseDivergenceSettings(read, fetched),
    ],
    samples: [
      {
        mode: 'report',
        'upstream-repository': 'xen/qemu-upstream',
        'downstream-repository': 'https://example.org/xen/qemu.git',
        token: 'ghs_downstream',
        'upstream-token': 'ghs_upstream',
        'issue-title': 'Divergence',
        'issue-labels': 'backport, report',
      },
    ],
  },
];

const PARTS: Part[] = [
  {
    action: 'mirror',
    spec: mirrorSpec,
    declared: MIRROR_SETTINGS,
    inputs: {
      ...same([
        'source',
        'destination',
        'refs',
        'map',
        'prefix',
        'tag-prefix',
        'prune',
        'allow-rewrites',
        'submodules',
        'submodule-destination',
        'cache-dir',
        'retries',
      ]),
      'source-token': 'TRIBUTARY_SOURCE_TOKEN',
      token: 'TRIBUTARY_TOKEN',
    },
    instead: {
      token: { action: '${{ github.token }}', commandLine: 'TRIBUTARY_TOKEN, GITHUB_TOKEN' },
      'cache-dir': {
        action: '',
        commandLine: 'a temporary folder, removed afterwards; the action: the Actions cache',
      },
    },
    parse: (read) =>
      parseMirrorSettings(read, {
        workingDirectory: '/w',
        serverUrl: 'https://example.org',
        defaultCacheRoot: () => '/tmp/mirror-cache',
      }),
    samples: [
      {
        source: 'https://example.org/upstream/qemu.git',
        destination: 'xen-project/qemu',
        'source-token': 'ghs_source',
        token: 'ghs_destination',
        refs: 'master\nstable-*,v{8,9}.*',
        map: 'refs/heads/main:refs/heads/upstream/main',
        prefix: 'upstream/',
        'tag-prefix': 'upstream-',
        prune: 'true',
        'allow-rewrites': 'true',
        submodules: 'true',
        'submodule-destination': '{owner}/{name}',
        'cache-dir': 'cache',
        retries: '5',
      },
    ],
  },
  {
    action: 'push-gate',
    spec: gateSpec,
    declared: GATE_SETTINGS,
    inputs: {
      ...same([
        'results',
        'tree-url',
        'repository',
        'tree',
        'staging',
        'tested',
        'revision',
        'required-jobs',
        'build-jobs',
        'no-baseline',
        'untested-head',
        'retry-flaky',
        'report',
        'dispatch-workflow',
        'dispatch-ref',
        'allow-list',
        'force',
        'force-reason',
        'dry-run',
        'notes-ref',
        'max-walk',
        'flight',
        'junit',
      ]),
      token: 'TRIBUTARY_TOKEN',
    },
    instead: {
      'tree-url': {
        action: '${{ github.server_url }}/${{ github.repository }}.git',
        commandLine: 'required',
      },
      token: { action: '${{ github.token }}', commandLine: 'TRIBUTARY_TOKEN, GITHUB_TOKEN' },
      repository: {
        action: '${{ github.repository }}',
        commandLine: 'none: no status, no dispatch',
      },
      flight: { action: '${{ github.run_id }}', commandLine: 'local-<time>' },
      junit: { action: '${{ runner.temp }}/tributary-flight.xml', commandLine: 'none' },
    },
    parse: (read) =>
      parseGateSettings(read, {
        workingDirectory: '/w',
        workDir: '/tmp/gate',
        actor: 'rm',
        trigger: { event: 'test' },
        flight: () => 'f0',
      }),
    samples: [
      {
        results: 'results',
        'tree-url': 'https://example.org/xen-project/xen.git',
        token: 'ghs_gate',
        repository: 'xen-project/xen',
        tree: 'xen',
        staging: 'stg',
        tested: 'tst',
        revision: 'a'.repeat(40),
        'required-jobs': 'build-amd64\ntest-*',
        'build-jobs': 'make-*',
        'no-baseline': 'push',
        'untested-head': 'refuse',
        'retry-flaky': 'true',
        report: 'status',
        'dispatch-workflow': 'flight.yml',
        'dispatch-ref': 'main',
        'allow-list': 'ops/gate:allow.yml',
        force: 'true',
        'force-reason': 'XSA-1',
        'dry-run': 'true',
        'notes-ref': 'refs/notes/other',
        'max-walk': '7',
        flight: 'f1',
        junit: 'out/flight.xml',
      },
    ],
  },
  {
    action: 'hypervisor-test',
    spec: testSpec,
    declared: HYPERVISOR_SETTINGS,
    inputs: {
      ...same(['working-directory', 'job', 'output-dir', 'lock-dir', 'lock-wait', 'flight']),
      plan: '<plan.yml>',
    },
    instead: {
      'working-directory': {
        action: '${{ github.workspace }}',
        commandLine: '.; the action: the workspace',
      },
      'output-dir': {
        action: '',
        commandLine: 'tributary-test; the action: RUNNER_TEMP/tributary-test/<job>',
      },
      flight: { action: '', commandLine: 'none; the action: the workflow run' },
    },
    parse: (read) =>
      parseHypervisorSettings(read, {
        workingDirectory: '/w',
        defaultJob: () => 'job',
        defaultOutputDir: () => 'out',
        tag: 't',
        scratchDir: '/tmp/s',
      }),
    samples: [
      {
        plan: 'ci/plan.yml',
        'working-directory': '/src/xen',
        job: 'test-hvm',
        'output-dir': 'results',
        'lock-dir': '/var/lib/tributary',
        'lock-wait': '90s',
        flight: 'f7',
      },
    ],
  },
  {
    action: 'track-upstream',
    spec: trackSpec,
    declared: TRACK_SETTINGS,
    inputs: {
      ...same(
        Object.keys(TRACK_SETTINGS).filter((n) => !['mode', 'token', 'tree-token'].includes(n)),
      ),
      mode: '<sync|backport|pin>',
      token: 'TRIBUTARY_TOKEN',
      'tree-token': 'TRIBUTARY_TREE_TOKEN',
    },
    instead: {
      token: { action: '${{ github.token }}', commandLine: 'TRIBUTARY_TOKEN, GITHUB_TOKEN' },
      repository: { action: '${{ github.repository }}', commandLine: 'required' },
      'work-directory': {
        action: '',
        commandLine: 'TMPDIR/tributary-track; the action: RUNNER_TEMP/tributary-track',
      },
      'patches-directory': {
        action: '',
        commandLine: 'TMPDIR/tributary-patches; the action: RUNNER_TEMP/tributary-patches',
      },
    },
    parse: (read) =>
      parseTrackSettings(read, { defaultWorkDir: '/tmp/track', serverUrl: 'https://example.org' }),
    samples: [
      {
        mode: 'sync',
        repository: 'xen-project/qemu',
        token: 'ghs_track',
        'git-url': 'https://example.org/xen-project/qemu.git',
        'api-url': 'https://api.example.org',
        target: 'stg',
        upstream: 'upstream/stable-9.0',
        'upstream-url': 'https://example.org/upstream/qemu.git',
        strategy: 'rebase',
        labels: 'sync, upstream',
        reviewers: 'a\nb',
        'team-reviewers': 'release',
        assignees: 'c',
        draft: 'true',
        'committer-name': 'Bot',
        'committer-email': 'bot@example.org',
        signoff: 'true',
        conflicts: 'issue',
        'branch-prefix': 'tb/',
        'work-directory': '/w/track',
        filter: 'tree:0',
      },
      {
        mode: 'backport',
        repository: 'xen-project/qemu',
        token: 'ghs_track',
        upstream: 'upstream/master',
        'stable-patterns': '^Cc: stable',
        'reference-patterns': 'Upstream: ([0-9a-f]+)',
        commits: 'abc1234\ndef5678',
        grouping: 'batch',
        since: 'v9.0.0',
        'max-pull-requests': '3',
        'dry-run': 'true',
      },
      {
        mode: 'pin',
        repository: 'xen-project/xen',
        token: 'ghs_track',
        'tree-url': 'https://example.org/xen-project/seabios.git',
        'tree-token': 'ghs_tree',
        'pin-branch': 'master',
        'pin-tags': 'rel-*',
        'require-flight': 'false',
        'notes-ref': 'refs/notes/other',
        'pin-file': 'Config.mk',
        'pin-variable': 'SEABIOS_UPSTREAM_REVISION',
        'pin-pattern': 'REV = ([0-9a-f]+)',
        'pin-submodule': 'tools/firmware/seabios',
        deliver: 'patches',
        'patches-directory': '/w/patches',
      },
    ],
  },
  {
    action: 'backport-check',
    spec: checkSpec,
    declared: BACKPORT_SETTINGS,
    inputs: {
      ...backportPolicy,
      ...same(['base', 'head', 'fail-on-warnings']),
      'downstream-branch': 'action only: report mode (tributary divergence)',
      'sync-to': 'action only: report mode (tributary divergence)',
    },
    instead: {
      ...backportInstead,
      head: { action: '', commandLine: 'HEAD' },
    },
    parse: (read) => parseCheckSettings(read, {}),
    samples: [{ ...backportSamples, base: 'v1', head: 'stable', 'fail-on-warnings': 'true' }],
    actionOnly: backportActionOnly,
  },
  {
    action: 'backport-check',
    spec: divergenceSpec,
    declared: BACKPORT_SETTINGS,
    inputs: {
      ...backportPolicy,
      ...same(['downstream-branch', 'sync-to']),
      base: 'action only: check mode (tributary check)',
      head: 'action only: check mode (tributary check)',
      'fail-on-warnings': 'action only: check mode (tributary check)',
    },
    instead: {
      ...backportInstead,
      'downstream-branch': { action: '', commandLine: 'HEAD' },
    },
    parse: (read) => parseDivergenceSettings(read, {}),
    samples: [
      { ...backportSamples, 'downstream-branch': 'stable', 'sync-to': 'upstream/stable-4.21' },
    ],
    actionOnly: backportActionOnly,
  },
  {
    spec: historySpec,
    declared: HISTORY_SETTINGS,
    inputs: {
      ...same([
        'tree-url',
        'branch',
        'series',
        'output-dir',
        'per-page',
        'pages',
        'title',
        'tree',
        'notes-ref',
        'build-jobs',
      ]),
      token: 'TRIBUTARY_TOKEN',
    },
    instead: {},
    parse: (read) => parseHistorySettings(read, { workingDirectory: '/w' }),
    samples: [
      {
        'tree-url': 'https://example.org/xen-project/qemu-xen.git',
        token: 'ghs_history',
        branch: 'staging',
        'output-dir': 'site',
        'per-page': '5',
        pages: 'all',
        title: 'QEMU staging',
        tree: 'qemu',
        'notes-ref': 'refs/notes/other',
        'build-jobs': 'build-*\nmake-*',
      },
      { 'tree-url': '../qemu.git', series: 'qemu-master-vs-xen', 'output-dir': '/srv/site' },
    ],
  },
  {
    action: 'bisect',
    spec: bisectSpec,
    declared: BISECT_SETTINGS,
    inputs: {
      ...same(
        Object.keys(BISECT_SETTINGS).filter(
          (n) =>
            !['token', 'results', 'mode', 'issue', 'repository', 'revert-pull-request'].includes(n),
        ),
      ),
      token: 'TRIBUTARY_TOKEN',
      results: '--record',
      mode: 'action only: the command line records (--record) and plans in one call',
      issue: 'action only: the command line prints the result',
      repository: 'action only: the command line prints the result',
      'revert-pull-request': 'action only: the command line prints the result',
    },
    instead: {
      token: { action: '${{ github.token }}', commandLine: 'TRIBUTARY_TOKEN, GITHUB_TOKEN' },
    },
    parse: (read) =>
      parseBisectSettings(read, {
        workingDirectory: '/w',
        workDir: '/tmp/bisect',
        trigger: { event: 'test' },
      }),
    samples: [
      {
        'tree-url': 'https://example.org/xen-project/qemu.git',
        token: 'ghs_bisect',
        series: 'qemu-master-vs-xen',
        job: 'test-hvm',
        step: 'boot',
        pass: 'a'.repeat(40),
        fail: 'b'.repeat(40),
        'pass-flight': 'w1',
        'fail-flight': 'w2',
        'tree-repo': 'xen:https://example.org/xen-project/xen.git\nseabios=../seabios.git',
        runners: '7',
        confirmations: '2',
        tree: 'xen',
        results: 'out/1\nout/2',
        flight: 'by-hand',
        'notes-ref': 'refs/notes/other',
      },
    ],
    actionOnly: [
      {
        parse: (read: SettingsReader) => parseBisectActionSettings(read),
        samples: [
          {
            mode: 'record',
            results: 'artifacts',
            issue: '12',
            repository: 'xen-project/qemu',
            'revert-pull-request': 'true',
          },
        ],
      },
    ],
  },
  {
    action: 'watch',
    spec: watchSpec,
    declared: WATCH_SETTINGS,
    inputs: {
      ...same(Object.keys(WATCH_SETTINGS).filter((n) => !['mode', 'token'].includes(n))),
      mode: '<report|baseline|releases>',
      token: 'TRIBUTARY_TOKEN',
    },
    instead: {
      'tree-url': {
        action: '${{ github.server_url }}/${{ github.repository }}',
        commandLine: 'none; required with report',
      },
      token: { action: '${{ github.token }}', commandLine: 'TRIBUTARY_TOKEN, GITHUB_TOKEN' },
      repository: { action: '${{ github.repository }}', commandLine: 'none: no issues kept' },
      flight: {
        action:
          '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
        commandLine: 'local-<time>',
      },
    },
    parse: (read) =>
      parseWatchSettings(read, {
        workingDirectory: '/w',
        workDir: '/tmp/watch',
        trigger: { event: 'test' },
        flight: () => 'f0',
      }),
    samples: [
      {
        mode: 'report',
        series: 'qemu-master-vs-xen-unstable',
        tree: 'qemu',
        'tree-url': 'https://example.org/xen-project/qemu.git',
        revision: 'a'.repeat(40),
        results: 'results',
        token: 'ghs_watch',
        repository: 'xen-project/qemu',
        'notes-ref': 'refs/notes/other',
        labels: 'regression\nwatch',
        'flaky-label': 'heisenbug',
        flight: 'https://example.org/xen-project/qemu/actions/runs/42',
      },
      {
        mode: 'baseline',
        'consumer-url': 'https://example.org/xen-project/xen.git',
        'consumer-branches': 'master\nstable-4.20',
        'consumer-notes-ref': 'refs/notes/gate',
        token: 'ghs_watch',
      },
      {
        mode: 'releases',
        tags: '["v9.2.0-rc1","rel-1.16.3","old"]',
        'release-patterns': 'rc:*-rc*\nfinal:rel-*',
      },
    ],
  },
];

/** A reader that notes every setting read. */
function recording(read: SettingsReader, seen: Set<string>): SettingsReader {
  return { ...read, get: (s) => (seen.add(s), read.get(s)) };
}

/** What the runner gives: action.yml's defaults, then the values of the workflow. */
function actionReader(part: Part, values: Record<string, string>): SettingsReader {
  const defaults = Object.fromEntries(
    Object.entries(inputsOf(part))
      .filter(([, spec]) => !String(spec.default ?? '').includes('${{'))
      .map(([name, spec]) => [name, String(spec.default ?? '')]),
  );
  return valuesReader({ ...defaults, ...values });
}

/** The same values on the command line: options (repeated for lists), arguments, environment. */
function commandLine(part: Part, values: Record<string, string>) {
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const [input, value] of Object.entries(values)) {
    const given = part.inputs[input];
    if (given.startsWith('action only')) continue;
    if (given.startsWith('<')) args.unshift(value);
    else if (/^[A-Z_]+$/.test(given)) env[given] = value;
    else {
      const o = part.spec.options.find((x) => `--${x.name}` === given)!;
      if (!o.value) args.push(`${given}=${value}`);
      else if (o.repeatable) for (const v of value.split('\n')) args.push(given, v);
      else args.push(given, value);
    }
  }
  return { args, env };
}

/** Runs with exactly these environment variables of ours set (the tokens). */
function withEnvironment<T>(env: Record<string, string>, fn: () => T): T {
  const names = [
    'TRIBUTARY_TOKEN',
    'GITHUB_TOKEN',
    'TRIBUTARY_SOURCE_TOKEN',
    'TRIBUTARY_TREE_TOKEN',
  ];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const n of names) delete process.env[n];
  Object.assign(process.env, env);
  try {
    return fn();
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
}

/** Settings as comparable text: regular expressions by their source. */
const shown = (settings: unknown) =>
  JSON.stringify(settings, (_, v: unknown) =>
    v instanceof RegExp ? `/${v.source}/${v.flags}` : v,
  );

after(() => tmp.cleanup());

describe('front ends: one parser a part, the action and the command line alike', () => {
  for (const part of PARTS) {
    const label = `${part.action ?? '(no action yet)'} / tributary ${part.spec.name}`;

    it(`${label}: action.yml declares every input the parser reads, with the same default`, () => {
      const seen = new Set<string>();
      for (const values of part.samples) part.parse(recording(actionReader(part, values), seen));
      for (const extra of part.actionOnly ?? [])
        for (const values of extra.samples)
          extra.parse(recording(actionReader(part, values), seen));
      const declared = inputsOf(part);
      const inputs = Object.keys(declared).sort();
      assert.deepEqual([...seen].sort(), inputs, 'the inputs read are the inputs declared');
      assert.deepEqual(Object.keys(part.declared).sort(), inputs, 'the parser declares them all');
      for (const [name, spec] of Object.entries(declared)) {
        const d = part.declared[name];
        const written = String(spec.default ?? '');
        if (written.includes('${{')) assert.equal(d.runner, written, `${name}: runner default`);
        else assert.equal(d.default ?? '', written, `${name}: default`);
        assert.equal(!!d.required, !!spec.required, `${name}: required`);
      }
    });

    it(`${label}: the table maps every input, and the command line has each as it says`, () => {
      assert.deepEqual(
        Object.keys(part.inputs).sort(),
        Object.keys(inputsOf(part)).sort(),
        'the table maps every input, and nothing else',
      );
      const fed = new Set<string>();
      for (const [input, given] of Object.entries(part.inputs)) {
        if (given.startsWith('action only')) {
          assert.ok(
            !part.spec.options.some((o) => (o.setting ?? o.name) === input),
            `${input}: the command line has no option for an input of the action only`,
          );
          continue;
        }
        fed.add(input);
        if (given.startsWith('<')) assert.equal(part.spec.positional?.value, given, input);
        else if (/^[A-Z_]+$/.test(given))
          assert.equal(
            part.spec.environment?.find((e) => e.setting === input)?.variables[0],
            given,
            input,
          );
        else {
          const o = part.spec.options.find((x) => `--${x.name}` === given);
          assert.ok(o, `${input}: no option ${given}`);
          assert.equal(o.setting ?? o.name, input, `${given} gives ${input}`);
        }
      }
      // An option of the command line that gives no input is its own, and none else.
      const own = part.spec.options.filter((o) => !fed.has(o.setting ?? o.name)).map((o) => o.name);
      const ownOptions: Record<string, string[]> = {
        mirror: ['server-url', 'json'],
        gate: ['actor', 'summary'],
        test: ['check'],
        track: [],
        check: ['trailer', 'working-directory', 'json'],
        divergence: ['trailer', 'working-directory', 'json'],
        history: [],
        bisect: ['summary'],
        watch: ['json'],
      };
      assert.deepEqual(own, ownOptions[part.spec.name], 'options of the command line only');
    });

    it(`${label}: the defaults are the action's, and where the runner gives one, the table says what instead`, () => {
      const help = part.spec;
      for (const [input, spec] of Object.entries(inputsOf(part))) {
        const given = part.inputs[input];
        if (given.startsWith('action only')) continue;
        const instead = part.instead[input];
        const written = String(spec.default ?? '');
        if (written.includes('${{'))
          assert.ok(
            instead,
            `${input}: its default comes from the runner; the table says what the command line uses instead`,
          );
        const o = help.options.find((x) => (x.setting ?? x.name) === input);
        const env = help.environment?.find((e) => e.setting === input);
        if (instead) {
          assert.equal(instead.action, written, `${input}: the action's default`);
          const says = env
            ? env.variables.join(', ')
            : o?.required
              ? 'required'
              : (o?.fallback?.shown ?? '');
          assert.equal(says, instead.commandLine, `${input}: what the command line uses`);
          continue;
        }
        // Not given on the command line: the parser applies the action's default itself.
        const read = withEnvironment({}, () => parseCommandLine(help, [], () => {}).read);
        assert.equal(read.get(input), '', `${input}: the command line leaves it to the parser`);
        assert.equal(o?.default, undefined, `${input}: the help shows the declared default`);
        assert.equal(o?.fallback, undefined, `${input}: no default of the command line's own`);
      }
    });

    // An action's README has a table of its inputs; a part with no action yet has neither.
    if (part.action)
      it(`${label}: the README's table of inputs says the command line's name of each`, () => {
        const readme = readFileSync(join(repoRoot, 'actions', part.action!, 'README.md'), 'utf8');
        const table = readme.slice(readme.search(/^\| input /m)).split(/\n(?!\|)/)[0];
        const rows = new Map(
          table
            .split('\n')
            .map((l) => /^\| `([a-z-]+)` +\| ([^|]*?) +\|/.exec(l))
            .filter((m): m is RegExpExecArray => !!m)
            .map((m) => [m[1], m[2]]),
        );
        for (const [input, given] of Object.entries(part.inputs)) {
          const cell = rows.get(input);
          assert.ok(cell !== undefined, `${input}: a row in the README's table`);
          if (given.startsWith('action only')) continue;
          const shown = given.startsWith('<') ? 'first argument' : `\`${given}\``;
          assert.ok(cell.includes(shown), `${input}: the README says '${cell}', not ${shown}`);
        }
      });

    it(`${label}: the same values mean the same settings in either front end`, () => {
      for (const values of part.samples) {
        const fromAction = shown(part.parse(actionReader(part, values)));
        const { args, env } = commandLine(part, values);
        const fromCommandLine = withEnvironment(env, () =>
          shown(part.parse(parseCommandLine(part.spec, args, () => {}).read)),
        );
        assert.equal(fromCommandLine, fromAction, args.join(' '));
      }
    });
  }
});

const cli = join(repoRoot, 'dist', 'cli', 'index.js');
function tributary(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  for (const n of [
    'TRIBUTARY_TOKEN',
    'GITHUB_TOKEN',
    'TRIBUTARY_SOURCE_TOKEN',
    'TRIBUTARY_TREE_TOKEN',
  ])
    delete clean[n];
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: tmp.path,
    env: { ...clean, ...env },
  });
}

/** A help's options: `--name <value>` and its description (wrapped lines joined). */
function optionsOf(help: string): { name: string; value?: string; text: string }[] {
  const section = /\nOptions:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '';
  const out: { name: string; value?: string; text: string }[] = [];
  for (const line of section.split('\n')) {
    const m = /^ {2}--([a-z][a-z0-9-]*)(?: (\S+))?(?: {2,}(.*))?$/.exec(line);
    if (m) out.push({ name: m[1], value: m[2], text: m[3] ?? '' });
    else {
      assert.match(
        line,
        /^ {4,}\S/,
        `a line of Options that is neither an option nor its text: '${line}'`,
      );
      out[out.length - 1].text += ` ${line.trim()}`;
    }
  }
  return out;
}

/** A value for each required option, so that the one left out is the only thing missing. */
const REQUIRED_SAMPLES: Record<string, Record<string, string>> = {
  mirror: { source: 'https://example.org/up.git', destination: join(tmp.path, 'hosted.git') },
  gate: { results: tmp.path, 'tree-url': join(tmp.path, 'hosted.git') },
  test: { '<plan.yml>': 'plan.yml' },
  track: { '<sync|backport|pin>': 'sync', repository: 'xen-project/qemu' },
  check: { 'upstream-development-branch': 'upstream/master' },
  divergence: { 'upstream-development-branch': 'upstream/master' },
  history: { 'tree-url': join(tmp.path, 'hosted.git'), 'output-dir': join(tmp.path, 'site') },
  watch: {},
  bisect: {
    'tree-url': join(tmp.path, 'hosted.git'),
    series: 'qemu-master-vs-xen',
    job: 'test-hvm',
    step: 'boot',
    pass: 'a'.repeat(40),
    fail: 'b'.repeat(40),
  },
};

const PLACEHOLDER = /^<[a-z0-9][a-z0-9./:|_{}-]*>$/;

describe('tributary: one voice on the command line (dist/cli)', () => {
  const parts = tributary(['--help'])
    .stdout.split('\n')
    .map((l) => /^ {2}([a-z-]+) {2,}/.exec(l)?.[1])
    .filter((p): p is string => !!p);
  const helps = new Map(parts.map((p) => [p, tributary([p, '--help']).stdout]));

  it('has a part for every front end described above', () => {
    assert.deepEqual([...parts].sort(), PARTS.map((p) => p.spec.name).sort());
  });

  for (const part of parts) {
    it(`${part} --help: every option described, placeholders <like-this>, the exit codes`, () => {
      const help = helps.get(part)!;
      const usage = help.split('\n')[0];
      assert.match(usage, new RegExp(`^usage: tributary ${part} `));
      for (const word of usage.match(/<[^>]*>|\b[A-Z][A-Z-]+\b/g) ?? [])
        assert.match(word, PLACEHOLDER, `usage line: ${word}`);
      const options = optionsOf(help);
      const spec = PARTS.find((p) => p.spec.name === part)!.spec;
      assert.deepEqual(
        options.map((o) => o.name),
        [...spec.options.map((o) => o.name), 'verbose', 'version', 'help'],
      );
      for (const o of options) {
        assert.ok(o.text.trim().length > 10, `--${o.name} has a description`);
        if (o.value) assert.match(o.value, PLACEHOLDER, `--${o.name} ${o.value}`);
      }
      const codes = /\nExit codes:\n((?: {2}\d+ .*\n?| {8,}.*\n?)+)/.exec(help)?.[1];
      assert.ok(codes, 'the help lists the exit codes');
      const listed = [...codes.matchAll(/^ {2}(\d+) +\S/gm)].map((m) => Number(m[1]));
      assert.ok(listed.includes(0) && listed.includes(2) && listed.includes(3), `${listed}`);
    });
  }

  it('the same option name has the same form in every part', () => {
    const forms = new Map<string, { part: string; value?: string }>();
    for (const [part, help] of helps)
      for (const o of optionsOf(help)) {
        const seen = forms.get(o.name);
        if (seen) assert.equal(o.value, seen.value, `--${o.name}: ${part} and ${seen.part} differ`);
        else forms.set(o.name, { part, value: o.value });
      }
    // The old names stay, but a current name never means something else in another part;
    // track's --upstream is an upstream branch too (the development branch, in backport mode).
    const alike = ['upstream'];
    for (const spec of PARTS.map((p) => p.spec))
      for (const alias of spec.options.flatMap((o) => o.aliases ?? []))
        assert.ok(
          !forms.has(alias) || alike.includes(alias),
          `old name --${alias} of ${spec.name} is another part's option`,
        );
  });

  for (const part of Object.keys(REQUIRED_SAMPLES)) {
    it(`${part}: each required option left out is refused naming it as typed`, () => {
      const help = helps.get(part)!;
      const required = optionsOf(help)
        .filter((o) => /\(required/.test(o.text))
        .map((o) => o.name);
      const spec = PARTS.find((p) => p.spec.name === part)!.spec;
      const positional = spec.positional && spec.declared[spec.positional.setting]?.required;
      const samples = REQUIRED_SAMPLES[part];
      assert.deepEqual(
        Object.keys(samples).sort(),
        [...required, ...(positional ? [spec.positional!.value] : [])].sort(),
        'a sample value for each required option',
      );
      for (const left of Object.keys(samples)) {
        const args = Object.entries(samples)
          .filter(([k]) => k !== left)
          .flatMap(([k, v]) => (k.startsWith('<') ? [v] : [`--${k}`, v]));
        const r = tributary([part, ...args], { TRIBUTARY_TOKEN: 'ghs_frontEndsTOKEN' });
        const named = left.startsWith('<') ? left : `--${left}`;
        assert.equal(r.status, 2, `${part} without ${named}: ${r.stderr}`);
        assert.ok(
          r.stderr.includes(`${named} is required`),
          `${part} without ${named}: ${r.stderr}`,
        );
        assert.doesNotMatch(r.stderr, /input '|Input |github\.token/);
      }
    });
  }

  it('a token left out is named by its environment variable, never as an input', () => {
    const track = tributary(['track', 'sync', '--repository', 'xen-project/qemu']);
    assert.equal(track.status, 2, track.stderr);
    assert.match(track.stderr, /TRIBUTARY_TOKEN \(or GITHUB_TOKEN\) is empty/);
    const mirror = tributary(['mirror', '--source', tmp.path, '--destination', 'xen-project/x']);
    assert.equal(mirror.status, 2, mirror.stderr);
    assert.match(mirror.stderr, /TRIBUTARY_TOKEN \(or GITHUB_TOKEN\) is empty, and pushing to/);
    for (const r of [track, mirror]) assert.doesNotMatch(r.stderr, /input '|Input |github\.token/);
  });

  it('an error names an option as typed, its old name too', () => {
    const typed = tributary(['gate', '--results', tmp.path, '--repo', tmp.path, '--max-walk', 'x']);
    assert.equal(typed.status, 2, typed.stderr);
    assert.match(typed.stderr, /Invalid --max-walk 'x'/);
    const alias = tributary(['gate', '--results', tmp.path, '--repo', '-x']);
    assert.equal(alias.status, 2, alias.stderr);
    assert.match(alias.stderr, /Invalid --repo '-x'/);
    const old = tributary(['gate', '--results', tmp.path, '--repo', tmp.path, '--tested', 'a..b']);
    assert.equal(old.status, 2, old.stderr);
    assert.match(old.stderr, /Invalid --tested 'a\.\.b'/);
    const late = tributary([
      'gate',
      '--results',
      tmp.path,
      '--repo',
      tmp.path,
      '--allow-list',
      'staging:allow.yml',
    ]);
    assert.equal(late.status, 2, late.stderr);
    assert.match(late.stderr, /\(--allow-list 'staging:allow\.yml'\)/);
  });
});
