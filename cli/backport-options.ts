/** Options `tributary check` and `tributary divergence` share: where upstream is, the policy. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError, invalid } from '../actions/lib/errors.js';
import { Git } from '../actions/lib/git.js';
import type { Logger } from '../actions/lib/log.js';
import { checkCacheDir } from '../actions/lib/backport/facts.js';
import { defaultPolicy, parsePolicy, type Policy } from '../actions/lib/backport/policy.js';

export const policyUsage = `  --upstream REV         the upstream development branch (e.g. upstream/master)   [required]
  --followed REV         the upstream branch the downstream follows (default: --upstream)
  --trailer NAME         another trailer that declares a commit downstream-only, besides
                         Downstream-only (repeatable)
  --subject REGEX        a subject pattern that declares a commit downstream-only (repeatable)
  --pattern REGEX        another reference form, one capture group: the commit id (repeatable)
  --min-length N         fewest hex digits a reference may have (default 12)
  --cache-dir DIR        keep commit facts (patch-ids) here between runs (a folder; runs
                         with other --pattern or --min-length keep their own file in it)
  --repo DIR             the repository (default: the current directory)
  --json                 print JSON instead of a table
`;

export const sharedOptions = {
  upstream: { type: 'string' },
  followed: { type: 'string' },
  trailer: { type: 'string', multiple: true },
  subject: { type: 'string', multiple: true },
  pattern: { type: 'string', multiple: true },
  'min-length': { type: 'string' },
  'cache-dir': { type: 'string' },
  repo: { type: 'string' },
  json: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export interface Shared {
  git: Git;
  development: string;
  followed?: string;
  policy: Policy;
  cacheDir?: string;
  json: boolean;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  return parseArgs({ args, options, allowPositionals: false, strict: true });
}

/** The repository folder, refused plainly when it is missing or no repository. */
async function repository(dir: string | undefined, logger: Logger): Promise<Git> {
  const cwd = resolve(dir ?? process.cwd());
  const shown = dir ?? cwd;
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory())
    throw new ConfigurationError(
      '--repo',
      `The --repo '${shown}' does not exist (or is not a folder).`,
    );
  const git = new Git({ cwd, logger });
  if (!(await git.try(['rev-parse', '--git-dir'])))
    throw new ConfigurationError('--repo', `The --repo '${shown}' is not a git repository.`);
  return git;
}

/** The options both parts share, every one checked before any work. */
export async function shared(
  values: {
    upstream?: string;
    followed?: string;
    trailer?: string[];
    subject?: string[];
    pattern?: string[];
    'min-length'?: string;
    'cache-dir'?: string;
    repo?: string;
    json?: boolean;
  },
  logger: Logger,
): Promise<Shared> {
  if (!values.upstream)
    throw new ConfigurationError(
      '--upstream',
      'Say which is the upstream development branch: --upstream upstream/master.',
    );
  const min = values['min-length'];
  if (min !== undefined && !/^\d+$/.test(min))
    throw invalid('minimum id length', min, 'a whole number from 7 to 40');
  // --trailer adds to the default, as its help says; it never silently drops Downstream-only.
  const trailers = [...defaultPolicy.downstreamOnlyTrailers];
  for (const t of values.trailer ?? [])
    if (!trailers.some((x) => x.toLowerCase() === t.toLowerCase())) trailers.push(t);
  const policy = parsePolicy({
    trailers,
    subjects: values.subject,
    referencePatterns: values.pattern,
    minimumIdLength: min === undefined ? undefined : Number(min),
  });
  const cacheDir = values['cache-dir'];
  if (cacheDir !== undefined) checkCacheDir(cacheDir, '--cache-dir');
  return {
    git: await repository(values.repo, logger),
    development: values.upstream,
    followed: values.followed,
    policy,
    cacheDir,
    json: !!values.json,
  };
}
