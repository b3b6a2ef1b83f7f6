/** What every `tributary <part>` subcommand provides to the dispatcher. */
import { Redactor, type Logger } from '../actions/lib/log.js';

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

/** The same logger, but progress (info, groups) on stderr: stdout is the JSON's alone. */
export function progressToStderr(logger: Logger): Logger {
  const redactor = new Redactor();
  let depth = 0;
  const say = (message: string) =>
    process.stderr.write(
      redactor
        .redact(message)
        .split('\n')
        .map((l) => '  '.repeat(depth) + l)
        .join('\n') + '\n',
    );
  return {
    debug: (m) => logger.debug(m),
    info: say,
    warning: (m, a) => logger.warning(m, a),
    error: (m, a) => logger.error(m, a),
    async group(name, fn) {
      say(`> ${name}`);
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
      }
    },
    secret(value) {
      redactor.add(value);
      logger.secret(value);
    },
  };
}
