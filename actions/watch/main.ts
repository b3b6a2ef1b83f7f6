/** The watch action: inputs → runWatch → outputs and the job summary. Never fails on a regression. */
import { join } from 'node:path';
import { createGitHub } from '../lib/github.js';
import { regressionKeeper } from '../lib/watch/keeper.js';
import { renderWatchSummary } from '../lib/watch/report.js';
import { parseWatchSettings } from '../lib/watch/settings.js';
import { runWatch, type WatchOutcome } from '../lib/watch/watch.js';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';

function settings() {
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return parseWatchSettings(actionReader, {
    workingDirectory: workspace,
    workDir: join(env.RUNNER_TEMP ?? workspace, 'tributary-watch'),
    trigger: { event: env.GITHUB_EVENT_NAME, ref: env.GITHUB_REF, actor: env.GITHUB_ACTOR },
    flight: () => env.GITHUB_RUN_ID ?? `${Date.now()}`,
  });
}

function outputs(o: WatchOutcome): void {
  if (o.mode === 'report') {
    core.setOutput('regressions', JSON.stringify(o.regressions));
    core.setOutput('fixed', JSON.stringify(o.fixed));
    core.setOutput('issues', JSON.stringify(o.issues));
    core.setOutput('flight', o.record.flight);
  } else if (o.mode === 'baseline') {
    core.setOutput(
      'baseline',
      JSON.stringify(
        o.baseline.map(({ branch, revision, source }) => ({ branch, revision, source })),
      ),
    );
  } else {
    core.setOutput('releases', JSON.stringify(o.releases));
    core.setOutput('unmatched', JSON.stringify(o.unmatched));
  }
}

await runMain(async () => {
  const s = settings();
  // The regressions' issues, kept in the repository named, with the token given.
  const issues =
    s.mode === 'report' && s.repository && s.hosted.token
      ? regressionKeeper(
          createGitHub({ token: s.hosted.token, logger: coreLogger }),
          s.repository,
          s.labels,
          coreLogger,
        )
      : undefined;
  const outcome = await runWatch(s, { logger: coreLogger, issues });
  outputs(outcome);
  await core.summary.addRaw(renderWatchSummary(outcome)).write();
});
