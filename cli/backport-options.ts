/** Options `tributary check` and `tributary divergence` share: where upstream is, the policy. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKPORT_SETTINGS } from '../actions/lib/backport/settings.js';
import { ConfigurationError } from '../actions/lib/errors.js';
import { Git } from '../actions/lib/git.js';
import type { Logger } from '../actions/lib/log.js';
import type { SettingsReader } from '../actions/lib/settings.js';
import type { OptionSpec } from './options.js';

/** The policy and where upstream is: the backport-check action's inputs of the same names. */
export const policyOptions: OptionSpec[] = [
  {
    name: 'upstream-development-branch',
    value: '<rev>',
    aliases: ['upstream'],
    required: true,
    example: 'upstream/master',
    description:
      'the upstream development branch every backport must come from, as a revision of the repository (upstream/master; the action: a branch of upstream-repository, master by default)',
  },
  {
    name: 'upstream-branch',
    value: '<rev>',
    aliases: ['followed'],
    description:
      'the upstream branch the downstream follows (default: --upstream-development-branch)',
  },
  {
    name: 'downstream-only-trailers',
    value: '<name>',
    repeatable: true,
    description: 'the trailers that declare a commit downstream-only, their value the reason',
  },
  {
    name: 'trailer',
    value: '<name>',
    repeatable: true,
    setting: 'trailer',
    description: 'another such trailer, besides those of --downstream-only-trailers (its old form)',
  },
  {
    name: 'downstream-only-subjects',
    value: '<regex>',
    aliases: ['subject'],
    repeatable: true,
    description: 'a subject pattern that declares a commit downstream-only',
  },
  {
    name: 'reference-patterns',
    value: '<regex>',
    aliases: ['pattern'],
    repeatable: true,
    description: 'another upstream reference form, one capture group: the commit id',
  },
  {
    name: 'minimum-id-length',
    value: '<n>',
    aliases: ['min-length'],
    description: 'the fewest hex digits a reference may abbreviate a commit id to (7 to 40)',
  },
  {
    name: 'cache-dir',
    value: '<dir>',
    description:
      'keep commit facts (patch-ids) here between runs; runs with other --reference-patterns or --minimum-id-length keep their own file in it',
    fallback: { shown: 'none; the action: RUNNER_TEMP/tributary-backport-cache' },
  },
  {
    name: 'working-directory',
    value: '<dir>',
    aliases: ['repo'],
    setting: 'working-directory',
    description: 'the repository',
    default: 'the current folder',
  },
  { name: 'json', description: 'print JSON instead of a table' },
];

/**
 * The reader, with `--trailer` added to the trailers as it always was (the action's list, or
 * its default Downstream-only): the old form never drops Downstream-only.
 */
export function withAddedTrailers(read: SettingsReader): SettingsReader {
  const added = read.get('trailer');
  if (!added) return read;
  return {
    ...read,
    get(setting) {
      if (setting !== 'downstream-only-trailers') return read.get(setting);
      const listed = read.get(setting) || BACKPORT_SETTINGS[setting].default;
      return `${listed}\n${added}`;
    },
  };
}

/** The repository folder, refused plainly when it is missing or no repository. */
export async function openRepository(read: SettingsReader, logger: Logger): Promise<Git> {
  const dir = read.get('working-directory') || undefined;
  const cwd = resolve(dir ?? process.cwd());
  const shown = dir ?? cwd;
  const name = read.name('working-directory');
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory())
    throw new ConfigurationError(
      name,
      `The ${name} '${shown}' does not exist (or is not a folder).`,
    );
  const git = new Git({ cwd, logger });
  if (!(await git.try(['rev-parse', '--git-dir'])))
    throw new ConfigurationError(name, `The ${name} '${shown}' is not a git repository.`);
  return git;
}
