/** Every name of an output and state key of hypervisor-test, written once (the inputs: lib/hypervisor/settings.ts). */
export const Outputs = {
  resultFile: 'result-file',
  junitFile: 'junit-file',
  status: 'status',
  logDir: 'log-dir',
  tag: 'tag',
} as const;

/** What the post step needs to find what the main step started (GITHUB_STATE). */
export const State = {
  isPost: 'isPost',
  lockDir: 'lockDir',
  tag: 'tag',
} as const;
