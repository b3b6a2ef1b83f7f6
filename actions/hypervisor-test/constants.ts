/** Every name of an input, output and state key of hypervisor-test, written once. */
export const Inputs = {
  plan: 'plan',
  workingDirectory: 'working-directory',
  job: 'job',
  outputDir: 'output-dir',
  lockDir: 'lock-dir',
  lockWait: 'lock-wait',
  flight: 'flight',
} as const;

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
