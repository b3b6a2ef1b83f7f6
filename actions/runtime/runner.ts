/**
 * The only place besides an action's main.ts that talks to the runner through @actions/core:
 * a Logger for the library, the settings reader of inputs, and the wrapper every
 * main.ts uses so that a user's mistake fails the step plainly and a bug keeps its stack.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { EOL } from 'node:os';
import { ConfigurationError, errorMessage } from '../lib/errors.js';
import type { Annotation, Logger } from '../lib/log.js';
import type { SettingsReader } from '../lib/settings.js';

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

/**
 * The action's side of the settings reader: its inputs, as the runner gives them (action.yml's
 * defaults applied, `${{ github.token }}` included); errors name them as inputs.
 */
export const actionReader: SettingsReader = {
  frontEnd: 'action',
  get: (setting) => core.getInput(setting).trim(),
  name: (setting) => `input '${setting}'`,
  mask: (secret) => core.setSecret(secret),
};

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
    // A stage abandoned by the error can leave git processes running (a pipeline still open
    // for input): end the step now, failed, rather than wait for them until the job's timeout.
    process.exit(1);
  }
}

export { core };
