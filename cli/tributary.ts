#!/usr/bin/env node
/**
 * `tributary <part> ...`: every part of tributary on a laptop, on the same library the actions
 * call. Exit codes: 0 done, 1 the part said no (a refused push, a violation), 2 bad usage or
 * input, 3 an unexpected failure.
 */
import { ConfigurationError, errorMessage } from '../actions/lib/errors.js';
import { ConsoleLogger } from '../actions/lib/log.js';
import type { Command } from './command.js';
import { gateCommand } from './gate.js';
import { mirrorCommand } from './mirror.js';
import { testCommand } from './test.js';
import { check } from './check.js';
import { divergence } from './divergence.js';
import { trackCommand } from './track.js';
import { bisectCommand } from './bisect.js';

// One line per part; each part lives in its own file.
const commands: Command[] = [
  mirrorCommand,
  testCommand,
  gateCommand,
  trackCommand,
  check,
  divergence,
  bisectCommand,
];

function help(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  return [
    'usage: tributary <part> [options]    (tributary <part> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`tributary: unknown part '${name}'\n\n${help()}`);
    return 2;
  }
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
    if (e instanceof ConfigurationError) return 2;
    // node:util parseArgs refuses unknown or malformed options with these codes: bad usage.
    if (String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`\n${command.usage.replace(/\n?$/, '\n')}`);
      return 2;
    }
    if (e instanceof Error && e.stack) logger.debug(e.stack);
    return 3;
  }
}

process.exitCode = await main(process.argv.slice(2));
