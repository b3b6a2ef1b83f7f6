#!/usr/bin/env node
/**
 * `tributary <part> ...`: every part of tributary on a laptop, on the same library the actions
 * call. Exit codes: 0 done, 1 the part said no (a refused push, a violation), 2 bad usage or
 * input, 3 an unexpected failure.
 */
import nodeModule from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '../actions/lib/errors.js';
import { ConsoleLogger } from '../actions/lib/log.js';
import packageJson from '../package.json' with { type: 'json' };
import type { Command } from './command.js';

// Node (22.1 and later) keeps the compiled code of the parts between runs, as tsc does;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has no such cache and skips this. The
// cache lives in the user's cache folder, not the temp folder: a run leaves its temp folder
// as it found it.
nodeModule.enableCompileCache?.(
  process.env.NODE_COMPILE_CACHE ||
    join(
      process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
      'tributary',
      'node-compile-cache',
    ),
);

/**
 * One line per part, each loaded only when it runs: ncc makes each import() a chunk of its own,
 * so `tributary mirror` never parses the gate's or track's code (nor Octokit), and starts in
 * under twice the time of a bare Node (npm run bench cli).
 */
const parts: Record<string, () => Promise<Record<string, unknown>>> = {
  mirror: () => import('./mirror.js'),
  test: () => import('./test.js'),
  gate: () => import('./gate.js'),
  track: () => import('./track.js'),
  check: () => import('./check.js'),
  divergence: () => import('./divergence.js'),
  history: () => import('./history.js'),
  bisect: () => import('./bisect.js'),
  watch: () => import('./watch.js'),
};
const partNames = Object.keys(parts);

/** The part's Command, whatever its file calls the export. */
async function loadPart(name: string): Promise<Command> {
  const found = Object.values(await parts[name]()).find(
    (v): v is Command => (v as Partial<Command> | null)?.name === name,
  );
  if (!found) throw new Error(`cli/${name}.ts exports no Command named '${name}'`);
  return found;
}

async function help(): Promise<string> {
  // The one place every part is loaded: each part's summary lives with the part.
  const commands = await Promise.all(partNames.map(loadPart));
  const width = Math.max(0, ...partNames.map((n) => n.length));
  return [
    'usage: tributary <part> [options]    (tributary <part> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `tributary ${packageJson.version} (tributary --version, or <part> --version, prints it)`,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  if (!partNames.includes(name)) {
    process.stderr.write(`tributary: unknown part '${name}'\n\n${await help()}`);
    return 2;
  }
  if (rest.includes('--version')) {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  const command = await loadPart(name);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  const logger = new ConsoleLogger(rest.includes('--verbose'));
  try {
    return await command.run(
      rest.filter((a) => a !== '--verbose'),
      logger,
    );
  } catch (e) {
    logger.error(errorMessage(e));
    if (e instanceof ConfigurationError) {
      // Bad usage (an unknown option, a stray word): say where the options are listed.
      if ((e as { showUsage?: boolean }).showUsage)
        process.stderr.write(`(tributary ${name} --help lists its options)\n`);
      return 2;
    }
    if (e instanceof Error && e.stack) logger.debug(e.stack);
    return 3;
  }
}

const code = await main(process.argv.slice(2)).catch((e: unknown) => {
  // A part that cannot even load is a broken install or a bug, not bad usage.
  process.stderr.write(`error: ${errorMessage(e)}\n`);
  return 3;
});
process.exitCode = code;
// After an error a stage it abandoned can leave git processes running (a pipeline still open
// for input): exit now rather than wait for them.
if (code >= 2) process.exit(code);
