/** Options `tributary check` and `tributary divergence` share: where upstream is, the policy. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../actions/lib/errors.js';
import { Git } from '../actions/lib/git.js';
import type { Logger } from '../actions/lib/log.js';
import { parsePolicy, type Policy } from '../actions/lib/backport/policy.js';

export const policyUsage = `  --upstream REV         the upstream development branch (e.g. upstream/master)   [required]
  --followed REV         the upstream branch the downstream follows (default: --upstream)
  --trailer NAME         a trailer that declares a commit downstream-only (repeatable;
                         default Downstream-only)
  --subject REGEX        a subject pattern that declares a commit downstream-only (repeatable)
  --pattern REGEX        another reference form, one capture group: the commit id (repeatable)
  --min-length N         fewest hex digits a reference may have (default 12)
  --cache-dir DIR        keep commit facts (patch-ids) here between runs
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

export function shared(
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
): Shared {
  if (!values.upstream)
    throw new ConfigurationError(
      '--upstream',
      'Say which is the upstream development branch: --upstream upstream/master.',
    );
  const min = values['min-length'];
  return {
    git: new Git({ cwd: values.repo ?? process.cwd(), logger }),
    development: values.upstream,
    followed: values.followed,
    policy: parsePolicy({
      trailers: values.trailer,
      subjects: values.subject,
      referencePatterns: values.pattern,
      minimumIdLength: min === undefined ? undefined : Number(min),
    }),
    cacheDir: values['cache-dir'],
    json: !!values.json,
  };
}
