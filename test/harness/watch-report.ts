/**
 * The watch report of a flight, as the loop test needs it: the bundled watch action
 * (dist/watch, mode report) records the flight of a series, compares it with the previous
 * flight of the series and keeps one issue per regression; its outputs, parsed.
 */
import { runAction, type ActionRun } from './runner.js';

/** One regression, as actions/watch outputs it. */
export interface WatchRegression {
  series: string;
  job: string;
  step: string;
  /** The watched tree's revisions in the last-pass and first-fail flights. */
  pass: string;
  fail: string;
  passFlight: string;
  failFlight: string;
  issue: number | null;
}

export interface WatchInputs {
  series: string;
  tree: string;
  /** The watched tree's hosted repository. */
  treeUrl: string;
  results: string;
  /** The flight's run page. */
  flight: string;
  repository: string;
  token: string;
  /** GITHUB_API_URL. */
  apiUrl: string;
}

export interface WatchOutputs {
  regressions: WatchRegression[];
  issues: number[];
  flight: string;
  run: ActionRun;
}

export async function watchReport(i: WatchInputs): Promise<WatchOutputs> {
  const run = await runAction('watch', {
    inputs: {
      mode: 'report',
      series: i.series,
      tree: i.tree,
      'tree-url': i.treeUrl,
      results: i.results,
      flight: i.flight,
      repository: i.repository,
    },
    env: {
      GITHUB_API_URL: i.apiUrl,
      GITHUB_REPOSITORY: i.repository,
      TRIBUTARY_GITHUB_SPACE_WRITES: 'false',
    },
    githubToken: i.token,
    timeoutMs: 120_000,
  });
  if (run.code !== 0) throw new Error(`the watch report failed:\n${run.log}`);
  return {
    regressions: JSON.parse(run.outputs.regressions) as WatchRegression[],
    issues: JSON.parse(run.outputs.issues) as number[],
    flight: run.outputs.flight,
    run,
  };
}
