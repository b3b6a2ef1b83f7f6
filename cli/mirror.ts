/** `tributary mirror`: the mirror action on a laptop or a self-hosted machine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redactor, type Logger } from '../actions/lib/log.js';
import { Interrupted, interruptible } from '../actions/lib/mirror/interrupt.js';
import { mirrorTree, updatesJson } from '../actions/lib/mirror/mirror.js';
import { summaryRows } from '../actions/lib/mirror/ref-updates.js';
import { splitPatterns } from '../actions/lib/mirror/refs.js';
import { parseMirrorSettings } from '../actions/lib/mirror/settings.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary mirror --source <url|path> --destination <owner/repo|url|path> [options]

Mirrors chosen branches and tags of an upstream tree into a hosted tree: incrementally, in one
atomic push with a lease on every ref; a rewritten branch or moved tag is refused unless
--allow-rewrites (then the old head is kept under refs/tributary/backup/...).

  --refs <globs>                ref patterns, comma separated as in the action (master,stable-*,
                                v{8,9}.*), repeatable; !glob excludes; default all branches and tags
  --map <src:dst>               a rename, refs/heads/master:refs/heads/upstream/master (repeatable)
  --prefix <p>                  prepended to mirrored branch names (upstream/)
  --tag-prefix <p>              prepended to mirrored tag names
  --prune                       delete hosted refs deleted upstream (only mirrored names)
  --allow-rewrites              follow rewritten branches and moved tags, keeping backups
  --submodules                  also mirror submodule trees, into --submodule-destination
  --submodule-destination <t>   template with {name} (and {owner}): {owner}/{name}
  --cache-dir <dir>             keep the cached repository here between runs (default: a
                                temporary folder, removed afterwards)
  --server-url <url>            the server for owner/repo destinations (default GITHUB_SERVER_URL
                                or https://github.com)
  --retries <n>                 network retries (default 3)
  --json                        print only the updates as JSON on stdout (the action's updates
                                output); progress goes to stderr

Tokens come from the environment, never the command line: TRIBUTARY_SOURCE_TOKEN for the
source, TRIBUTARY_TOKEN (or GITHUB_TOKEN) for the destination.
Runs sharing a --cache-dir take turns (a run waits, saying for which run). Interrupted
(SIGINT, SIGTERM), it stops git and everything git started before it exits.
Exit: 0 mirrored, 1 refused (nothing pushed), 2 bad input, 3 failure, 130 interrupted.`;

export const mirrorCommand: Command = {
  name: 'mirror',
  summary:
    'sync chosen refs of an upstream tree into the hosted tree, incrementally and atomically',
  usage,
  async run(args: string[], logger: Logger): Promise<number> {
    const parsed = parseArgs({
      args,
      options: {
        source: { type: 'string' },
        destination: { type: 'string' },
        refs: { type: 'string', multiple: true },
        map: { type: 'string', multiple: true },
        prefix: { type: 'string' },
        'tag-prefix': { type: 'string' },
        prune: { type: 'boolean' },
        'allow-rewrites': { type: 'boolean' },
        submodules: { type: 'boolean' },
        'submodule-destination': { type: 'string' },
        'cache-dir': { type: 'string' },
        'server-url': { type: 'string' },
        retries: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const o = parsed.values;
    // A reader that went away (`| head`) takes nothing with it: the run goes on, quietly.
    process.stdout.on('error', () => {});
    if (o.json) logger = progressToStderr(logger);
    const temporary = o['cache-dir'] ? undefined : mkdtempSync(join(tmpdir(), 'tributary-mirror-'));
    try {
      const settings = parseMirrorSettings({
        source: o.source ?? '',
        destination: o.destination ?? '',
        sourceToken: process.env.TRIBUTARY_SOURCE_TOKEN,
        token: tokenFromEnvironment(),
        refs: o.refs?.flatMap(splitPatterns),
        map: o.map,
        prefix: o.prefix,
        tagPrefix: o['tag-prefix'],
        prune: o.prune,
        allowRewrites: o['allow-rewrites'],
        submodules: o.submodules,
        submoduleDestination: o['submodule-destination'],
        cacheRoot: temporary ?? resolve(o['cache-dir']!),
        retries: o.retries,
        serverUrl: o['server-url'] ?? process.env.GITHUB_SERVER_URL,
      });
      const result = await interruptible(logger, (signal) =>
        mirrorTree(settings, logger, { signal }),
      );
      if (o.json) process.stdout.write(updatesJson(result) + '\n');
      else
        for (const tree of result.trees) {
          logger.info(`${tree.source} → ${tree.destination}`);
          for (const row of summaryRows(tree.updates))
            logger.info(`  ${row.filter(Boolean).join('  ')}`);
        }
      return result.refused.length ? 1 : 0;
    } catch (e) {
      if (e instanceof Interrupted) {
        logger.error(e.message);
        return e.exitCode;
      }
      throw e;
    } finally {
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    }
  },
};

/** The same logger, but progress (info, groups) on stderr: stdout is the JSON's alone. */
function progressToStderr(logger: Logger): Logger {
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
