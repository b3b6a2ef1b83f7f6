/**
 * The only place besides an action's main.ts that talks to the runner through @actions/core:
 * a Logger for the library, input readers whose errors name the input, and the wrapper every
 * main.ts uses so that a user's mistake fails the step plainly and a bug keeps its stack.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { EOL } from 'node:os';
import { ConfigurationError, errorMessage, invalid } from '../lib/errors.js';
import type { Annotation, Logger } from '../lib/log.js';

function props(a?: Annotation): core.AnnotationProperties | undefined {
  return a ? { title: a.title, file: a.file, startLine: a.startLine } : undefined;
}

/**
 * A process' output could carry workflow commands (`::add-mask::`, `::error::`, `::stop-commands::`)
 * that the runner would obey: it is shown between `::stop-commands::<token>` and `::<token>::`,
 * a fresh random token each time, resumed before anything of ours is said.
 */
let resumeToken: string | undefined;
function resume(): void {
  if (resumeToken) process.stdout.write(`::${resumeToken}::${EOL}`);
  resumeToken = undefined;
}

export const coreLogger: Logger = {
  debug: (m) => (resume(), core.debug(m)),
  info: (m) => (resume(), core.info(m)),
  warning: (m, a) => (resume(), core.warning(m, props(a))),
  error: (m, a) => (resume(), core.error(m, props(a))),
  group: (name, fn) => {
    resume();
    return core.group(name, async () => {
      try {
        return await fn();
      } finally {
        resume();
      }
    });
  },
  secret: (v) => (resume(), core.setSecret(v)),
  output: (text) => {
    if (!resumeToken) {
      resumeToken = randomBytes(16).toString('hex');
      process.stdout.write(`::stop-commands::${resumeToken}${EOL}`);
    }
    process.stdout.write(text + EOL);
  },
};

/** A string input; '' when unset. */
export function input(name: string, options: { required?: boolean } = {}): string {
  const value = core.getInput(name).trim();
  if (options.required && !value)
    throw new ConfigurationError(name, `Input required and not supplied: ${name}`);
  return value;
}

/** A secret input: masked before anything else can print it. */
export function secretInput(name: string): string {
  const value = core.getInput(name).trim();
  if (value) core.setSecret(value);
  return value;
}

export function booleanInput(name: string, fallback = false): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (!value) return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw invalid(`input '${name}'`, value, 'true or false');
}

/** A list input: one item a line, or separated by commas; blank items and # comments dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export function integerInput(name: string, fallback: number, min = 0): number {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw invalid(`input '${name}'`, value, `a whole number >= ${min}`);
  return n;
}

/**
 * Runs an action's story: a ConfigurationError fails the step with its message as an error
 * annotation; anything else also prints its stack to the debug log.
 */
export async function runMain(story: () => Promise<void>): Promise<void> {
  try {
    await story();
  } catch (e) {
    if (!(e instanceof ConfigurationError) && e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(errorMessage(e));
  }
}

export { core };
