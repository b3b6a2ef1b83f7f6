/** What every `tributary <part>` subcommand provides to the dispatcher. */
import type { Logger } from '../actions/lib/log.js';

export interface Command {
  name: string;
  /** One line for `tributary --help`. */
  summary: string;
  /** The full usage text for `tributary <name> --help`. */
  usage: string;
  /** Runs with the arguments after the part's name; returns the exit code. */
  run(args: string[], logger: Logger): Promise<number>;
}
