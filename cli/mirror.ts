/** `tributary mirror`: the mirror action on a laptop or a self-hosted machine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../actions/lib/log.js';
import { Interrupted, interruptible } from '../actions/lib/mirror/interrupt.js';
import { createdTags, mirrorTree, updatesJson } from '../actions/lib/mirror/mirror.js';
import { summaryRows } from '../actions/lib/mirror/ref-updates.js';
import { MIRROR_SETTINGS, parseMirrorSettings } from '../actions/lib/mirror/settings.js';
import { progressToStderr, type Command } from './command.js';
import { parseCommandLine, usageOf, type PartSpec } from './options.js';

export const mirrorSpec: PartSpec = {
  name: 'mirror',
  synopsis: '--source <url> --destination <url> [options]',
  about: `Mirrors chosen branches and tags of an upstream tree into a hosted tree: incrementally, in one
atomic push with a lease on every ref; a rewritten branch or moved tag is refused unless
--allow-rewrites (then the old head is kept under refs/tributary/backup/...). The options are
the mirror action's inputs (actions/mirror), with the same defaults.
Runs sharing a --cache-dir take turns (a run waits, saying for which run). Interrupted
(SIGINT, SIGTERM), it stops git and everything git started before it exits.`,
  declared: MIRROR_SETTINGS,
  options: [
    {
      name: 'source',
      value: '<url>',
      description:
        'the upstream tree: an https://, ssh://, git:// or file:// URL, user@host:path, or a local path',
    },
    {
      name: 'destination',
      value: '<url>',
      description: 'the hosted tree: owner/repo on --server-url, or a URL or a local path',
    },
    {
      name: 'refs',
      value: '<globs>',
      repeatable: true,
      description:
        'the upstream refs to mirror, comma separated (v{8,9}.* is one glob): master, stable-*, refs/tags/v*; !glob excludes; default every branch and tag',
    },
    {
      name: 'map',
      value: '<src:dst>',
      repeatable: true,
      description: 'a rename, refs/heads/master:refs/heads/upstream/master (one * a side)',
    },
    {
      name: 'prefix',
      value: '<prefix>',
      description: 'prepended to mirrored branch names (upstream/)',
    },
    { name: 'tag-prefix', value: '<prefix>', description: 'prepended to mirrored tag names' },
    {
      name: 'prune',
      description: 'delete hosted refs deleted upstream (only the names the mirror manages)',
    },
    {
      name: 'allow-rewrites',
      description:
        'follow rewritten branches and moved tags, keeping the old revision as a backup ref',
    },
    {
      name: 'submodules',
      description:
        'also mirror the submodule trees of the mirrored branches, into --submodule-destination',
    },
    {
      name: 'submodule-destination',
      value: '<template>',
      description: 'where each submodule tree goes, with {name} (and {owner}): {owner}/{name}',
    },
    {
      name: 'cache-dir',
      value: '<dir>',
      description: 'keep the cached repository here between runs',
      fallback: { shown: 'a temporary folder, removed afterwards; the action: the Actions cache' },
    },
    {
      name: 'retries',
      value: '<n>',
      description: 'retries, with backoff, of a network operation (0 to 10)',
    },
    {
      name: 'server-url',
      value: '<url>',
      setting: 'GITHUB_SERVER_URL',
      description: 'the server of owner/repo destinations',
      default: 'GITHUB_SERVER_URL, else https://github.com',
    },
    {
      name: 'json',
      description:
        "print only the updates as JSON on stdout (the action's updates output); progress goes to stderr",
    },
  ],
  environment: [
    {
      variables: ['TRIBUTARY_SOURCE_TOKEN'],
      setting: 'source-token',
      description: "the token for an https source that needs one (the action's source-token)",
    },
    {
      variables: ['TRIBUTARY_TOKEN', 'GITHUB_TOKEN'],
      setting: 'token',
      description: "the token that may push to an https destination (the action's token)",
    },
  ],
  exitCodes: [
    [0, 'mirrored (or nothing to do)'],
    [1, 'refused: upstream rewrote a branch or moved a tag; nothing was pushed'],
    [2, 'bad usage or input; nothing was fetched or pushed'],
    [3, 'an unexpected failure'],
    [130, 'interrupted'],
  ],
};

export const mirrorCommand: Command = {
  name: 'mirror',
  summary:
    'sync chosen refs of an upstream tree into the hosted tree, incrementally and atomically',
  usage: usageOf(mirrorSpec),
  async run(args: string[], logger: Logger): Promise<number> {
    // Secrets go to whichever logger speaks last (progressToStderr's own redactor too).
    const cl = parseCommandLine(mirrorSpec, args, (secret) => logger.secret(secret));
    const json = cl.flag('json');
    // A reader that went away (`| head`) takes nothing with it: the run goes on, quietly.
    process.stdout.on('error', () => {});
    if (json) logger = progressToStderr(logger);
    let temporary: string | undefined;
    try {
      return await cl.run(async (read) => {
        const settings = parseMirrorSettings(read, {
          workingDirectory: process.cwd(),
          serverUrl: read.get('GITHUB_SERVER_URL') || process.env.GITHUB_SERVER_URL,
          defaultCacheRoot: () => (temporary = mkdtempSync(join(tmpdir(), 'tributary-mirror-'))),
        });
        const result = await interruptible(logger, (signal) =>
          mirrorTree(settings, logger, { signal }),
        );
        if (json) process.stdout.write(updatesJson(result) + '\n');
        else {
          for (const tree of result.trees) {
            logger.info(`${tree.source} → ${tree.destination}`);
            for (const row of summaryRows(tree.updates))
              logger.info(`  ${row.filter(Boolean).join('  ')}`);
          }
          const tags = createdTags(result);
          if (tags.length) logger.info(`created tags: ${JSON.stringify(tags)}`);
        }
        return result.refused.length ? 1 : 0;
      });
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
