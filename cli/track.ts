/**
 * `tributary track <sync|backport|pin> [--option value]...`: the track-upstream action on a
 * laptop. Options have the action's input names; the token comes from the environment
 * (TRIBUTARY_TOKEN or GITHUB_TOKEN, and TRIBUTARY_TREE_TOKEN for the pinned tree), never from the command line.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigurationError } from '../actions/lib/errors.js';
import { OPTION_DEFAULTS, settingsFromOptions } from '../actions/lib/track/options.js';
import { trackUpstream } from '../actions/lib/track/track.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary track <sync|backport|pin> --repository OWNER/REPO [options]

Opens or refreshes one pull request per purpose in OWNER/REPO (see actions/track-upstream).
The token is read from TRIBUTARY_TOKEN or GITHUB_TOKEN (TRIBUTARY_TREE_TOKEN for --tree-url if it differs).

Options (the action's inputs, same names and defaults):
${Object.entries(OPTION_DEFAULTS)
  .filter(([k]) => k !== 'mode')
  .map(([k, v]) => `  --${k}${v ? ` (default ${v})` : ''}`)
  .join('\n')}

Exit codes: 0 done, 2 bad input, 3 an unexpected failure.`;

const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;

/** `--name value` and `--name=value` pairs; a repeated list option adds a line. */
export function parseOptions(args: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    if (!m) throw new ConfigurationError(a, `tributary track: unexpected argument '${a}'`);
    const name = m[1];
    if (!(name in OPTION_DEFAULTS) || name === 'mode')
      throw new ConfigurationError(name, `tributary track: unknown option --${name}`);
    let value = m[2];
    // A switch (`--dry-run`) may stand alone; `--dry-run false` still reads its value.
    const isSwitch = ['true', 'false'].includes(OPTION_DEFAULTS[name]);
    if (value === undefined && isSwitch && !BOOLEAN.test(args[i + 1] ?? '')) value = 'true';
    if (value === undefined) {
      if (i + 1 >= args.length) throw new ConfigurationError(name, `--${name} needs a value`);
      value = args[++i];
    }
    values.set(name, values.has(name) ? `${values.get(name)}\n${value}` : value);
  }
  return values;
}

export const trackCommand: Command = {
  name: 'track',
  summary: 'open or refresh sync, backport and pin pull requests',
  usage,
  async run(args, logger) {
    const [mode, ...rest] = args;
    if (!mode || mode.startsWith('-'))
      throw new ConfigurationError('mode', 'tributary track: give a mode: sync, backport or pin');
    const values = parseOptions(rest);
    values.set('mode', mode);
    const token = tokenFromEnvironment() ?? '';
    if (!token)
      throw new ConfigurationError(
        'TRIBUTARY_TOKEN',
        'tributary track: set TRIBUTARY_TOKEN (or GITHUB_TOKEN)',
      );
    const settings = settingsFromOptions((name) => values.get(name) ?? '', {
      token,
      treeToken: process.env.TRIBUTARY_TREE_TOKEN,
      defaultWorkDir: join(tmpdir(), 'tributary-track'),
      serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
    });
    const report = await trackUpstream(settings, { logger });
    for (const o of report.outcomes)
      logger.info(
        `${o.operation.padEnd(9)} ${o.kind === 'pull' ? '#' : 'issue #'}${o.number} ${o.url}${o.note ? ` (${o.note})` : ''}`,
      );
    for (const n of report.notes) logger.info(n);
    for (const n of report.notices) logger.info(`notice: ${n}`);
    if (!report.outcomes.length) logger.info('nothing to do');
    return 0;
  },
};
