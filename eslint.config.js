// One style for the whole tree: the recommended rules, typed where it matters. And the house
// rules of CONTRIBUTING.md's layout, enforced: which folder may import which.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The parts of the library: actions/lib/<part>/. */
export const PARTS = [
  'backport',
  'bisect',
  'gate',
  'history',
  'hypervisor',
  'mirror',
  'track',
  'watch',
];

const RUNNER = {
  group: ['@actions/*'],
  message:
    'the library never talks to the runner: only actions/runtime/ imports @actions/*, and a main.ts goes through it',
};
const RUNTIME = {
  group: ['**/runtime', '**/runtime/*'],
  message: 'the library is what the command line and the tests call: it never imports the runtime',
};
const CLI = {
  group: ['**/cli/*'],
  message: 'the library never imports the command line, which is built on it',
};

/** `no-restricted-imports` with the library's restrictions and any more patterns. */
const restricted = (...more) => ['error', { patterns: [RUNNER, RUNTIME, CLI, ...more] }];
const SHARED = {
  group: PARTS.map((p) => `./${p}/*`),
  message: 'a shared module of the library never imports a part',
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The shared modules (git.ts, flight.ts, ...): every part builds on them, never the reverse.
    files: ['actions/lib/*.ts'],
    rules: {
      'no-restricted-imports': restricted(SHARED),
    },
  },
  {
    // The GitHub module's operations (actions/lib/github/): shared like the modules beside it.
    files: ['actions/lib/github/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted({
        group: PARTS.map((p) => `../${p}/*`),
        message: 'a shared module of the library never imports a part',
      }),
    },
  },
  // A part imports another part only through that part's index.ts, what it exports for others.
  ...PARTS.map((part) => ({
    files: [`actions/lib/${part}/**/*.ts`],
    rules: {
      'no-restricted-imports': restricted({
        group: PARTS.filter((p) => p !== part).flatMap((p) => [`../${p}/*`, `!../${p}/index.js`]),
        message: `a part imports another part only through its index.ts (actions/lib/<part>/index.ts)`,
      }),
    },
  })),
  {
    // The GitHub client factory is Octokit as @actions/github makes it (with the proxy settings
    // of a self-hosted runner); it does not talk to the runner. The one exception: the client
    // is made here, by the entry points' call, and passed to the library.
    files: ['actions/lib/github.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...RUNNER, group: ['@actions/*', '!@actions/github'] },
            RUNTIME,
            CLI,
            SHARED,
          ],
        },
      ],
    },
  },
  {
    // The command line is a front end beside the actions, on the same library, never the runner.
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ ...RUNNER, message: 'the command line never talks to the runner' }, RUNTIME],
        },
      ],
    },
  },
);
