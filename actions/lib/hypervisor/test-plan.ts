/**
 * The test plan: a YAML file in the user's repository listing a job's steps in order. Every
 * field is checked here, before anything runs, and every error names the file, the step and
 * the field. The schema is documented in actions/hypervisor-test/README.md.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigurationError } from '../errors.js';

export const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_FIRMWARE = '/usr/share/seabios/bios.bin';
export const QEMU_PROGRAM = 'qemu-system-x86_64';
export const XL_PROGRAM = 'xl';

export interface TreeSpec {
  name: string;
  /** The tree's work tree, absolute (resolved against the job's work directory). */
  path: string;
  url?: string;
}

/**
 * A stage of a guest's boot seen on its console (Xen up, dom0 up, guest created, ...). Each is
 * a step of the job's result under its own name, so a regression is named by the stage that
 * broke; stages pass in order, each within its own timeout from the end of the one before.
 */
export interface ConsoleStage {
  name: string;
  pass: RegExp;
  /** Patterns that fail this stage, besides the guest's own. */
  fail: RegExp[];
  /** From the end of the stage before (or the guest's start); the step's timeout bounds it. */
  timeoutMs?: number;
}

interface GuestCommon {
  /** A regular expression on the console that means the guest came up (after its stages). */
  pass?: RegExp;
  /** Regular expressions on the console that mean the guest failed (a panic). */
  fail: RegExp[];
  stages: ConsoleStage[];
}

/** A multiboot module (`-initrd "path cmdline,..."`): Xen's dom0 kernel, its initramfs, ... */
export interface BootModule {
  /** Absolute. */
  path: string;
  cmdline?: string;
}

export interface QemuGuest extends GuestCommon {
  backend: 'qemu';
  program: string;
  accel: 'auto' | 'kvm' | 'tcg';
  /** The firmware given with -bios (absolute). */
  firmware: string;
  disk?: string;
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  /** With `kernel` a multiboot image (Xen), the modules it is given, in order. */
  modules: BootModule[];
  memoryMiB: number;
  cpus: number;
  args: string[];
  /** The QEMU exit status that means pass: (value written to isa-debug-exit << 1) | 1. */
  exitCode?: number;
}

export interface XenGuest extends GuestCommon {
  backend: 'xen';
  program: string;
  type: 'hvm' | 'pvh' | 'pv';
  memoryMiB: number;
  cpus: number;
  firmware?: string;
  disk?: string;
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  /** Extra xl configuration, key → value (written as given: strings quoted, lists as lists). */
  config: Record<string, string | number | boolean | string[]>;
}

export interface CommandGuest extends GuestCommon {
  backend: 'command';
  /** Shell commands (bash -c), run in the work directory with TRIBUTARY_* in the environment. */
  start: string;
  stop?: string;
}

export type GuestSpec = QemuGuest | XenGuest | CommandGuest;

interface StepCommon {
  name: string;
  timeoutMs: number;
  /** Whether a failure of this step blocks the steps after it. */
  blocks: boolean;
  /** Absolute. */
  workingDirectory: string;
  env: Record<string, string>;
}

export interface RunStep extends StepCommon {
  kind: 'run';
  run: string;
}

export interface GuestStep extends StepCommon {
  kind: 'guest';
  guest: GuestSpec;
  /** Files the guest needs that do not exist yet: an earlier step must build them. */
  pendingFiles: { field: string; path: string }[];
}

export type PlanStep = RunStep | GuestStep;

export interface Plan {
  source: string;
  job?: string;
  /** The whole job's timeout, if the plan sets one. */
  timeoutMs?: number;
  trees: TreeSpec[];
  steps: PlanStep[];
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `5m`, `1.5h`, `500ms` → milliseconds; undefined when it is not a duration. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_MS[m[2]]);
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The absolute path of a program on PATH, or undefined. */
export function findProgram(program: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = program.includes('/')
    ? [program]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, program));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      if (statSync(c).isFile()) return resolve(c);
    } catch {
      // not here
    }
  }
  return undefined;
}

type Obj = Record<string, unknown>;

class PlanReader {
  constructor(readonly source: string) {}

  fail(where: string, field: string, message: string): never {
    const subject = `${this.source}: ${where ? where + ': ' : ''}field '${field}'`;
    throw new ConfigurationError(subject, `${subject} ${message}`);
  }

  object(v: unknown, where: string, field: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(where, field, `must be a mapping, got ${JSON.stringify(v)}`);
    return v as Obj;
  }

  only(o: Obj, where: string, field: string, allowed: string[]): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k))
        this.fail(
          where,
          field ? `${field}.${k}` : k,
          `is not known; expected one of ${allowed.join(', ')}`,
        );
    }
  }

  string(v: unknown, where: string, field: string): string;
  string(v: unknown, where: string, field: string, optional: true): string | undefined;
  string(v: unknown, where: string, field: string, optional = false): string | undefined {
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || !v.trim())
      this.fail(where, field, `must be a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  }

  integer(v: unknown, where: string, field: string, min: number): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      this.fail(where, field, `must be a whole number >= ${min}, got ${JSON.stringify(v)}`);
    return v;
  }

  boolean(v: unknown, where: string, field: string): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean')
      this.fail(where, field, `must be true or false, got ${JSON.stringify(v)}`);
    return v;
  }

  duration(v: unknown, where: string, field: string): number | undefined {
    if (v === undefined) return undefined;
    const ms = parseDuration(v);
    if (ms === undefined) {
      const negative = typeof v === 'string' && parseDuration(v.trim().replace(/^-/, ''));
      this.fail(
        where,
        field,
        negative
          ? `is '${v}': a timeout must be more than zero`
          : `is ${JSON.stringify(v)}; expected a duration such as 90s, 5m or 1h`,
      );
    }
    if (ms <= 0) this.fail(where, field, `is '${v}': a timeout must be more than zero`);
    return ms;
  }

  memory(v: unknown, where: string, field: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    const m = typeof v === 'string' ? /^(\d+)\s*([MG])i?B?$/i.exec(v.trim()) : null;
    if (!m || Number(m[1]) <= 0)
      this.fail(where, field, `is ${JSON.stringify(v)}; expected MiB as a number, or 64M, 1G`);
    return Number(m[1]) * (m[2].toUpperCase() === 'G' ? 1024 : 1);
  }

  regex(v: unknown, where: string, field: string): RegExp {
    const s = this.string(v, where, field);
    try {
      return new RegExp(s, 'm');
    } catch (e) {
      this.fail(where, field, `is not a valid regular expression: ${(e as Error).message}`);
    }
  }

  regexes(v: unknown, where: string, field: string): RegExp[] {
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((r, i) => this.regex(r, where, Array.isArray(v) ? `${field}[${i}]` : field));
  }

  stringList(v: unknown, where: string, field: string): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(where, field, `must be a list of strings`);
    return v.map((a, i) => {
      if (typeof a !== 'string' && typeof a !== 'number')
        this.fail(where, `${field}[${i}]`, `must be a string, got ${JSON.stringify(a)}`);
      return String(a);
    });
  }

  /** A file the guest needs: absolute path, and whether it exists now. */
  file(
    v: unknown,
    where: string,
    field: string,
    base: string,
    pending: GuestStep['pendingFiles'],
    canBeBuilt: boolean,
  ): string | undefined {
    const s = this.string(v, where, field, true);
    if (s === undefined) return undefined;
    const path = isAbsolute(s) ? s : resolve(base, s);
    if (existsSync(path)) {
      if (!statSync(path).isFile()) this.fail(where, field, `is '${s}', which is not a file`);
      return path;
    }
    if (!canBeBuilt)
      this.fail(
        where,
        field,
        `is '${s}': no such file (${path}), and no step before this one could build it`,
      );
    pending.push({ field, path });
    return path;
  }

  program(v: unknown, fallback: string, where: string, field: string): string {
    const name = this.string(v, where, field, true) ?? fallback;
    const found = findProgram(name);
    if (!found)
      this.fail(
        where,
        field === 'guest.program' && v === undefined ? 'guest.backend' : field,
        `needs the program '${name}', which is not installed (not found on PATH)`,
      );
    return found;
  }
}

const STEP_FIELDS = ['name', 'run', 'guest', 'timeout', 'blocks', 'working-directory', 'env'];
const COMMON_GUEST = ['backend', 'pass', 'fail', 'stages'];
const GUEST_FIELDS: Record<string, string[]> = {
  qemu: [
    ...COMMON_GUEST,
    'program',
    'accel',
    'firmware',
    'disk',
    'kernel',
    'initrd',
    'cmdline',
    'modules',
    'memory',
    'cpus',
    'args',
    'exit-code',
  ],
  xen: [
    ...COMMON_GUEST,
    'program',
    'type',
    'firmware',
    'disk',
    'kernel',
    'initrd',
    'cmdline',
    'memory',
    'cpus',
    'config',
  ],
  command: [...COMMON_GUEST, 'start', 'stop'],
};

const NAME = /^[\w][\w .:+-]*$/;

/**
 * Step and stage names share one space: both are steps of the job's result. `names` maps each
 * name taken so far to what took it.
 */
function claimName(
  r: PlanReader,
  where: string,
  field: string,
  name: string,
  names: Map<string, string>,
  what: string,
): void {
  const taken = names.get(name);
  if (taken)
    r.fail(
      where,
      field,
      `repeats ${taken}; step and stage names are unique (both are steps of the result)`,
    );
  if (!NAME.test(name))
    r.fail(where, field, `is '${name}'; use letters, digits, space and . _ : + -`);
  names.set(name, `${what} '${name}'`);
}

function readStages(
  r: PlanReader,
  raw: unknown,
  where: string,
  step: string,
  names: Map<string, string>,
): ConsoleStage[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length === 0)
    r.fail(where, 'guest.stages', 'must be a non-empty list of {name, pass, timeout, fail}');
  return raw.map((item: unknown, i) => {
    const field = `guest.stages[${i}]`;
    const o = r.object(item, where, field);
    r.only(o, where, field, ['name', 'pass', 'timeout', 'fail']);
    const name = r.string(o.name, where, `${field}.name`);
    claimName(r, where, `${field}.name`, name, names, `stage of step '${step}'`);
    return {
      name,
      pass: r.regex(o.pass, where, `${field}.pass`),
      fail: r.regexes(o.fail, where, `${field}.fail`),
      timeoutMs: r.duration(o.timeout, where, `${field}.timeout`),
    };
  });
}

/** `modules:` of a multiboot kernel, each `{ path, cmdline }`, checked like every guest file. */
function readModules(
  r: PlanReader,
  raw: unknown,
  where: string,
  file: (v: unknown, field: string) => string | undefined,
): BootModule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length === 0)
    r.fail(where, 'guest.modules', 'must be a non-empty list of {path, cmdline}');
  return raw.map((item: unknown, i) => {
    const field = `guest.modules[${i}]`;
    const o = r.object(item, where, field);
    r.only(o, where, field, ['path', 'cmdline']);
    const given = r.string(o.path, where, `${field}.path`);
    // QEMU takes what follows the first space as the module's command line.
    if (/\s/.test(given))
      r.fail(
        where,
        `${field}.path`,
        `is '${given}': QEMU cannot load a module whose path has a space`,
      );
    const cmdline = r.string(o.cmdline, where, `${field}.cmdline`, true);
    if (cmdline !== undefined && /[\n\r]/.test(cmdline))
      r.fail(where, `${field}.cmdline`, 'must be one line');
    return { path: file(given, `${field}.path`)!, cmdline };
  });
}

function readGuest(
  r: PlanReader,
  raw: unknown,
  where: string,
  step: string,
  names: Map<string, string>,
  base: string,
  pending: GuestStep['pendingFiles'],
  canBeBuilt: boolean,
): GuestSpec {
  const g = r.object(raw, where, 'guest');
  const backend = r.string(g.backend, where, 'guest.backend');
  const allowed = GUEST_FIELDS[backend];
  if (!allowed)
    r.fail(
      where,
      'guest.backend',
      `is '${backend}'; expected one of ${Object.keys(GUEST_FIELDS).join(', ')}`,
    );
  r.only(g, where, 'guest', allowed);
  const common: GuestCommon = {
    pass: g.pass === undefined ? undefined : r.regex(g.pass, where, 'guest.pass'),
    fail: r.regexes(g.fail, where, 'guest.fail'),
    stages: readStages(r, g.stages, where, step, names),
  };
  // With stages, the stages mean pass; `pass` (or exit-code) is then one more check after them.
  const passNeeded = common.stages.length === 0;
  const file = (field: string) =>
    r.file(g[field], where, `guest.${field}`, base, pending, canBeBuilt);
  const bootFrom = (kind: string) => {
    if (g.disk === undefined && g.kernel === undefined && kind !== 'command')
      r.fail(where, 'guest.disk', `or 'guest.kernel' is needed: the guest has nothing to boot`);
    if (g.initrd !== undefined && g.kernel === undefined)
      r.fail(where, 'guest.initrd', `needs 'guest.kernel'`);
    if (g.cmdline !== undefined && g.kernel === undefined)
      r.fail(where, 'guest.cmdline', `needs 'guest.kernel'`);
  };
  if (backend === 'qemu') {
    bootFrom(backend);
    const accel = g.accel === undefined ? 'auto' : r.string(g.accel, where, 'guest.accel');
    if (!['auto', 'kvm', 'tcg'].includes(accel))
      r.fail(where, 'guest.accel', `is '${accel}'; expected auto, kvm or tcg`);
    const exitCode = r.integer(g['exit-code'], where, 'guest.exit-code', 0);
    if (exitCode !== undefined && exitCode > 255)
      r.fail(where, 'guest.exit-code', `is ${exitCode}; an exit status is at most 255`);
    if (!common.pass && exitCode === undefined && passNeeded)
      r.fail(
        where,
        'guest.pass',
        `or 'guest.exit-code' is needed: nothing would mean pass (or give 'guest.stages')`,
      );
    if (g.modules !== undefined && g.kernel === undefined)
      r.fail(where, 'guest.modules', `needs 'guest.kernel' (the multiboot image, such as xen)`);
    if (g.modules !== undefined && g.initrd !== undefined)
      r.fail(where, 'guest.initrd', `cannot go with 'guest.modules': give the initrd as a module`);
    const guest: QemuGuest = {
      backend,
      ...common,
      program: r.program(g.program, QEMU_PROGRAM, where, 'guest.program'),
      accel: accel as QemuGuest['accel'],
      firmware: file('firmware') ?? DEFAULT_FIRMWARE,
      disk: file('disk'),
      kernel: file('kernel'),
      initrd: file('initrd'),
      cmdline: r.string(g.cmdline, where, 'guest.cmdline', true),
      modules: readModules(r, g.modules, where, (v, field) =>
        r.file(v, where, field, base, pending, canBeBuilt),
      ),
      memoryMiB: r.memory(g.memory, where, 'guest.memory') ?? 64,
      cpus: r.integer(g.cpus, where, 'guest.cpus', 1) ?? 1,
      args: r.stringList(g.args, where, 'guest.args'),
      exitCode,
    };
    if (g.firmware === undefined && !existsSync(DEFAULT_FIRMWARE))
      r.fail(
        where,
        'guest.firmware',
        `is not set and the system's SeaBIOS (${DEFAULT_FIRMWARE}) is not installed`,
      );
    return guest;
  }
  if (backend === 'xen') {
    bootFrom(backend);
    if (!common.pass && passNeeded)
      r.fail(where, 'guest.pass', `is needed: nothing would mean pass (or give 'guest.stages')`);
    const type = g.type === undefined ? 'hvm' : r.string(g.type, where, 'guest.type');
    if (!['hvm', 'pvh', 'pv'].includes(type))
      r.fail(where, 'guest.type', `is '${type}'; expected hvm, pvh or pv`);
    const config: XenGuest['config'] = {};
    if (g.config !== undefined) {
      const c = r.object(g.config, where, 'guest.config');
      for (const [k, v] of Object.entries(c)) {
        if (!/^[a-z_][a-z0-9_]*$/.test(k))
          r.fail(where, `guest.config.${k}`, `is not an xl configuration key`);
        if (Array.isArray(v)) config[k] = r.stringList(v, where, `guest.config.${k}`);
        else if (['string', 'number', 'boolean'].includes(typeof v))
          config[k] = v as string | number | boolean;
        else r.fail(where, `guest.config.${k}`, `must be a string, number, boolean or list`);
      }
    }
    return {
      backend,
      ...common,
      program: r.program(g.program, XL_PROGRAM, where, 'guest.program'),
      type: type as XenGuest['type'],
      memoryMiB: r.memory(g.memory, where, 'guest.memory') ?? 128,
      cpus: r.integer(g.cpus, where, 'guest.cpus', 1) ?? 1,
      firmware: file('firmware'),
      disk: file('disk'),
      kernel: file('kernel'),
      initrd: file('initrd'),
      cmdline: r.string(g.cmdline, where, 'guest.cmdline', true),
      config,
    };
  }
  if (!common.pass && passNeeded)
    r.fail(where, 'guest.pass', `is needed: nothing would mean pass (or give 'guest.stages')`);
  return {
    backend: 'command',
    ...common,
    start: r.string(g.start, where, 'guest.start'),
    stop: r.string(g.stop, where, 'guest.stop', true),
  };
}

/**
 * Parses and checks a plan. `workDir` is the job's work directory: relative paths in the plan
 * (trees, files, working directories) are resolved against it.
 */
export function parsePlan(text: string, source: string, workDir: string): Plan {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ConfigurationError(source, `${source}: not valid YAML: ${e.message}`);
  }
  const r = new PlanReader(source);
  const top = r.object(doc.toJS(), '', '(top level)');
  r.only(top, '', '', ['job', 'timeout', 'trees', 'steps']);
  const plan: Plan = {
    source,
    job: r.string(top.job, '', 'job', true),
    timeoutMs: r.duration(top.timeout, '', 'timeout'),
    trees: [],
    steps: [],
  };
  if (top.trees !== undefined) {
    const list = top.trees;
    if (!Array.isArray(list)) r.fail('', 'trees', 'must be a list of {name, path}');
    const names = new Set<string>();
    plan.trees = (list as unknown[]).map((raw, i) => {
      const where = `trees[${i}]`;
      const t = r.object(raw, where, '(tree)');
      r.only(t, where, '', ['name', 'path', 'url']);
      const name = r.string(t.name, where, 'name');
      if (names.has(name)) r.fail(where, 'name', `repeats tree '${name}'`);
      names.add(name);
      const path = resolve(workDir, r.string(t.path ?? '.', where, 'path'));
      if (!existsSync(path)) r.fail(where, 'path', `is '${String(t.path)}': no such directory`);
      return { name, path, url: r.string(t.url, where, 'url', true) };
    });
  }
  const steps = top.steps;
  if (!Array.isArray(steps) || steps.length === 0)
    r.fail('', 'steps', 'must be a non-empty list of steps');
  const names = new Map<string, string>();
  let canBeBuilt = false;
  for (const [i, raw] of (steps as unknown[]).entries()) {
    const s = r.object(raw, `steps[${i}]`, '(step)');
    const name = r.string(s.name, `steps[${i}]`, 'name');
    const where = `step '${name}' (steps[${i}])`;
    claimName(r, where, 'name', name, names, 'step');
    r.only(s, where, '', STEP_FIELDS);
    if (s.run === undefined && s.guest === undefined)
      r.fail(where, 'run', `or 'guest' is needed: a step is a shell command or a guest to boot`);
    if (s.run !== undefined && s.guest !== undefined)
      r.fail(where, 'guest', `cannot go with 'run': a step is one or the other`);
    const wd = r.string(s['working-directory'], where, 'working-directory', true);
    const workingDirectory = wd ? resolve(workDir, wd) : workDir;
    if (wd && !existsSync(workingDirectory) && !canBeBuilt)
      r.fail(where, 'working-directory', `is '${wd}': no such directory`);
    const env: Record<string, string> = {};
    if (s.env !== undefined) {
      for (const [k, v] of Object.entries(r.object(s.env, where, 'env'))) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
          r.fail(where, `env.${k}`, `is not a valid environment variable name`);
        if (!['string', 'number', 'boolean'].includes(typeof v))
          r.fail(where, `env.${k}`, `must be a string`);
        env[k] = String(v);
      }
    }
    const common: StepCommon = {
      name,
      timeoutMs: r.duration(s.timeout, where, 'timeout') ?? DEFAULT_STEP_TIMEOUT_MS,
      blocks: r.boolean(s.blocks, where, 'blocks') ?? true,
      workingDirectory,
      env,
    };
    if (s.run !== undefined) {
      plan.steps.push({ kind: 'run', ...common, run: r.string(s.run, where, 'run') });
      canBeBuilt = true;
    } else {
      const pendingFiles: GuestStep['pendingFiles'] = [];
      const guest = readGuest(
        r,
        s.guest,
        where,
        name,
        names,
        workingDirectory,
        pendingFiles,
        canBeBuilt,
      );
      plan.steps.push({ kind: 'guest', ...common, guest, pendingFiles });
    }
  }
  return plan;
}

/** The plan step a step of the result belongs to: the step of that name, or the guest step of that stage. */
export function stepOf(plan: Plan, resultStep: string): PlanStep | undefined {
  return plan.steps.find(
    (s) =>
      s.name === resultStep ||
      (s.kind === 'guest' && s.guest.stages.some((st) => st.name === resultStep)),
  );
}
