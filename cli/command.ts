/** What every `tributary <part>` subcommand provides to the dispatcher. */
import type { Logger } from '../actions/lib/log.js';

export interface Command {
  /** The part's name on the command line; the dispatcher finds the part's export by it. */
  name: string;
  /** One line for `tributary --help`. */
  summary: string;
  /** The full usage text for `tributary <name> --help`. */
  usage: string;
  /** Runs with the arguments after the part's name; returns the exit code. */
  run(args: string[], logger: Logger): Promise<number>;
}

/**
 * The token for the hosted tree and its GitHub API, from the environment (never the command
 * line, where other users of the machine could read it): TRIBUTARY_TOKEN, else GITHUB_TOKEN.
 */
export function tokenFromEnvironment(): string | undefined {
  return process.env.TRIBUTARY_TOKEN || process.env.GITHUB_TOKEN || undefined;
}
