/**
 * Guest backends: how a guest is started and stopped on each kind of host. A backend only
 * starts and stops; watching the console and deciding pass or fail is the same for all of
 * them (guest.ts).
 */
import { openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import type { CommandGuest, GuestSpec, QemuGuest, XenGuest } from './test-plan.js';
import { killGroup, spawnTagged, type Tagging } from './processes.js';
import { groupRef, type GuestRecord } from './host.js';

export interface GuestContext {
  /** The guest's name on the host: `tributary-<tag>-<n>`, so a leftover can be traced to its job. */
  name: string;
  consoleLog: string;
  /** Output of the backend's own programs (QEMU's stderr, xl's messages). */
  backendLog: string;
  scratch: string;
  workDir: string;
  tagging: Tagging;
  /** Records the guest with the job before it starts (and again with its process), so a crash cannot lose it. */
  record(guest: GuestRecord): void;
  logger: Logger;
}

export interface RunningGuest {
  /** Resolves when the guest is gone by itself, with its exit status when the backend knows one. */
  ended: Promise<{ code?: number; how: string }>;
  stop(): Promise<void>;
}

/** Whether /dev/kvm can be opened for reading and writing, which is what QEMU needs. */
export function kvmUsable(device = '/dev/kvm'): boolean {
  try {
    closeSync(openSync(device, 'r+'));
    return true;
  } catch {
    return false;
  }
}

// QEMU's option syntax splits on commas; a comma in a value is written twice.
const qemuValue = (s: string) => s.replace(/,/g, ',,');

/**
 * QEMU's `-initrd` for a multiboot kernel: one module a comma, a module's path then a space
 * then its command line; a comma inside either is written twice. `-kernel` and `-append` are
 * taken as they are.
 */
export function multibootModules(modules: QemuGuest['modules']): string {
  return modules
    .map((m) => qemuValue(m.cmdline === undefined ? m.path : `${m.path} ${m.cmdline}`))
    .join(',');
}

/** The QEMU command line for a guest; exported so the benchmark starts the very same guest by hand. */
export function qemuArguments(
  g: QemuGuest,
  ctx: Pick<GuestContext, 'name' | 'consoleLog' | 'scratch'>,
  kvm = kvmUsable(),
): string[] {
  const accel =
    g.accel === 'tcg' || (g.accel === 'auto' && !kvm)
      ? ['-accel', 'tcg']
      : g.accel === 'kvm'
        ? ['-accel', 'kvm']
        : // auto with a usable /dev/kvm: QEMU falls back to TCG by itself if KVM cannot start.
          ['-accel', 'kvm', '-accel', 'tcg'];
  const args = [
    '-name',
    qemuValue(ctx.name),
    ...accel,
    '-nodefaults',
    '-m',
    String(g.memoryMiB),
    '-smp',
    String(g.cpus),
    '-bios',
    g.firmware,
    '-serial',
    `file:${ctx.consoleLog}`,
    '-display',
    'none',
    '-no-reboot',
    '-device',
    'isa-debug-exit,iobase=0xf4,iosize=0x04',
    '-pidfile',
    join(ctx.scratch, `${ctx.name}.pid`),
  ];
  if (g.disk) args.push('-drive', `file=${qemuValue(g.disk)},format=raw`);
  if (g.kernel) args.push('-kernel', g.kernel);
  if (g.modules.length) args.push('-initrd', multibootModules(g.modules));
  else if (g.initrd) args.push('-initrd', g.initrd);
  if (g.cmdline) args.push('-append', g.cmdline);
  args.push(...g.args);
  return args;
}

async function startQemu(g: QemuGuest, ctx: GuestContext): Promise<RunningGuest> {
  const kvm = kvmUsable();
  const args = qemuArguments(g, ctx, kvm);
  ctx.logger.info(
    `Starting guest ${ctx.name}: ${g.program} with ${g.accel === 'auto' ? (kvm ? 'KVM (TCG if KVM fails)' : 'TCG (/dev/kvm not usable)') : g.accel.toUpperCase()}`,
  );
  writeFileSync(ctx.backendLog, `${g.program} ${args.join(' ')}\n`, { flag: 'a' });
  // Recorded before it starts: a crash right after the spawn still leaves its name behind.
  ctx.record({ backend: 'qemu', name: ctx.name });
  const p = spawnTagged(g.program, args, {
    cwd: ctx.workDir,
    logFile: ctx.backendLog,
    tagging: ctx.tagging,
  });
  if (p.pid > 0) ctx.record({ backend: 'qemu', name: ctx.name, group: groupRef(p.pid) });
  return {
    ended: p.exited.then((code) => ({ code, how: `QEMU exited with status ${code}` })),
    stop: async () => {
      if (p.child.exitCode === null && p.child.signalCode === null && p.pid > 0)
        await killGroup(p.pid, 2000);
      await p.exited;
    },
  };
}

/** An xl configuration file for the guest (see xl.cfg(5)). */
export function xlConfig(g: XenGuest, ctx: Pick<GuestContext, 'name' | 'consoleLog'>): string {
  const q = (v: string | number | boolean | string[]): string =>
    Array.isArray(v)
      ? `[ ${v.map((x) => q(x)).join(', ')} ]`
      : typeof v === 'string'
        ? JSON.stringify(v)
        : typeof v === 'boolean'
          ? v
            ? '1'
            : '0'
          : String(v);
  const cfg: Record<string, string | number | boolean | string[]> = {
    name: ctx.name,
    type: g.type,
    memory: g.memoryMiB,
    vcpus: g.cpus,
    on_poweroff: 'destroy',
    on_reboot: 'destroy',
    on_crash: 'destroy',
  };
  if (g.type === 'hvm') {
    cfg.serial = `file:${ctx.consoleLog}`;
    if (g.firmware) {
      cfg.bios = 'seabios';
      cfg.bios_path_override = g.firmware;
    }
  } else if (g.firmware) cfg.firmware = g.firmware;
  if (g.disk)
    cfg.disk = [
      `format=raw, vdev=${g.type === 'hvm' ? 'hda' : 'xvda'}, access=rw, target=${g.disk}`,
    ];
  if (g.kernel) cfg.kernel = g.kernel;
  if (g.initrd) cfg.ramdisk = g.initrd;
  if (g.cmdline) cfg.cmdline = g.cmdline;
  Object.assign(cfg, g.config);
  return (
    `# written by tributary hypervisor-test for ${ctx.name}\n` +
    Object.entries(cfg)
      .map(([k, v]) => `${k} = ${q(v)}`)
      .join('\n') +
    '\n'
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startXen(g: XenGuest, ctx: GuestContext): Promise<RunningGuest> {
  const cfgFile = join(ctx.scratch, `${ctx.name}.cfg`);
  writeFileSync(cfgFile, xlConfig(g, ctx));
  writeFileSync(ctx.consoleLog, '');
  const xl = (args: string[]) =>
    spawnTagged(g.program, args, {
      cwd: ctx.workDir,
      logFile: ctx.backendLog,
      tagging: ctx.tagging,
    }).exited;
  ctx.record({ backend: 'xen', name: ctx.name, program: g.program });
  ctx.logger.info(`Starting guest ${ctx.name}: ${g.program} create ${cfgFile}`);
  writeFileSync(ctx.backendLog, `${g.program} create ${cfgFile}\n`, { flag: 'a' });
  const created = await xl(['create', cfgFile]);
  let stopped = false;
  const ended = (async () => {
    if (created !== 0) return { code: created, how: `xl create exited with status ${created}` };
    // xl list <name> fails once the domain is gone (it shut down, crashed, was destroyed).
    for (;;) {
      await sleep(500);
      if (stopped) return { how: 'stopped' };
      if ((await xl(['list', ctx.name])) !== 0) return { how: 'the domain is gone (xl list)' };
    }
  })();
  return {
    ended,
    stop: async () => {
      stopped = true;
      if (created === 0 && (await xl(['list', ctx.name])) === 0) await xl(['destroy', ctx.name]);
    },
  };
}

async function startCommand(g: CommandGuest, ctx: GuestContext): Promise<RunningGuest> {
  const env = {
    TRIBUTARY_GUEST: ctx.name,
    TRIBUTARY_CONSOLE: ctx.consoleLog,
  };
  writeFileSync(ctx.consoleLog, '');
  ctx.logger.info(`Starting guest ${ctx.name}: bash -c ${JSON.stringify(g.start)}`);
  ctx.record({ backend: 'command', name: ctx.name, stop: g.stop, cwd: ctx.workDir, env });
  // The start command's output is the console unless it writes the console itself.
  const p = spawnTagged('bash', ['-c', g.start], {
    cwd: ctx.workDir,
    env,
    logFile: ctx.consoleLog,
    tagging: ctx.tagging,
  });
  if (p.pid > 0)
    ctx.record({
      backend: 'command',
      name: ctx.name,
      group: groupRef(p.pid),
      stop: g.stop,
      cwd: ctx.workDir,
      env,
    });
  // A start command that returns 0 has started the guest in the background: it is not the end.
  const ended = p.exited.then((code) =>
    code === 0
      ? new Promise<never>(() => {})
      : { code, how: `the start command exited with status ${code}` },
  );
  return {
    ended,
    stop: async () => {
      if (p.child.exitCode === null && p.pid > 0) await killGroup(p.pid, 2000);
      if (g.stop) {
        const s = spawnTagged('bash', ['-c', g.stop], {
          cwd: ctx.workDir,
          env,
          logFile: ctx.backendLog,
          tagging: ctx.tagging,
        });
        const timer = setTimeout(() => s.pid > 0 && killGroup(s.pid, 500), 60_000);
        await s.exited;
        clearTimeout(timer);
      }
    },
  };
}

export function startGuest(g: GuestSpec, ctx: GuestContext): Promise<RunningGuest> {
  switch (g.backend) {
    case 'qemu':
      return startQemu(g, ctx);
    case 'xen':
      return startXen(g, ctx);
    case 'command':
      return startCommand(g, ctx);
  }
}
