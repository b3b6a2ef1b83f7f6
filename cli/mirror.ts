/** `tributary mirror`: the mirror action on a laptop or a self-hosted machine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from '../actions/lib/log.js';
import { mirrorTree } from '../actions/lib/mirror/mirror.js';
import { summaryRows } from '../actions/lib/mirror/plan.js';
import { parseMirrorSettings } from '../actions/lib/mirror/settings.js';
import { tokenFromEnvironment, type Command } from './command.js';

const usage = `usage: tributary mirror --source <url|path> --destination <owner/repo|url|path> [options]

Mirrors chosen branches and tags of an upstream tree into a hosted tree: incrementally, in one
atomic push with a lease on every ref; a rewritten branch or moved tag is refused unless
--allow-rewrites (then the old head is kept under refs/tributary/backup/...).

  --refs <glob>                 a ref pattern (repeatable; !glob excludes); default all branches and tags
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
  --json                        print the updates as JSON

Tokens come from the environment, never the command line: TRIBUTARY_SOURCE_TOKEN for the
source, TRIBUTARY_TOKEN (or GITHUB_TOKEN) for the destination.
Exit: 0 mirrored, 1 refused (nothing pushed), 2 bad input, 3 failure.`;

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
    const temporary = o['cache-dir'] ? undefined : mkdtempSync(join(tmpdir(), 'tributary-mirror-'));
    try {
      const retries = o.retries === undefined ? undefined : Number(o.retries);
      const settings = parseMirrorSettings({
        source: o.source ?? '',
        destination: o.destination ?? '',
        sourceToken: process.env.TRIBUTARY_SOURCE_TOKEN,
        token: tokenFromEnvironment(),
        refs: o.refs,
        map: o.map,
        prefix: o.prefix,
        tagPrefix: o['tag-prefix'],
        prune: o.prune,
        allowRewrites: o['allow-rewrites'],
        submodules: o.submodules,
        submoduleDestination: o['submodule-destination'],
        cacheRoot: temporary ?? resolve(o['cache-dir']!),
        retries,
        serverUrl: o['server-url'] ?? process.env.GITHUB_SERVER_URL,
      });
      const result = await mirrorTree(settings, logger);
      if (o.json) process.stdout.write(JSON.stringify(result.updates, null, 2) + '\n');
      else
        for (const tree of result.trees) {
          logger.info(`${tree.source} → ${tree.destination}`);
          for (const row of summaryRows(tree.updates))
            logger.info(`  ${row.filter(Boolean).join('  ')}`);
        }
      return result.refused.length ? 1 : 0;
    } finally {
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    }
  },
};
