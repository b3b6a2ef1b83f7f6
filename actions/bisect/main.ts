/** The bisect action: inputs → one round (record, then plan) → outputs, summary, the result. */
import { join } from 'node:path';
import { announceResult } from '../lib/bisect/announce.js';
import { bisectOutputs, renderBisect } from '../lib/bisect/report.js';
import { createGitHub, GitHubRepository } from '../lib/github.js';
import { bisectSeries } from '../lib/bisect/repository.js';
import { parseBisectActionSettings, parseBisectSettings } from '../lib/bisect/settings.js';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';

await runMain(async () => {
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const action = parseBisectActionSettings(actionReader);
  const settings = parseBisectSettings(actionReader, {
    workingDirectory: workspace,
    workDir: join(env.RUNNER_TEMP ?? workspace, 'tributary-bisect'),
    trigger: {
      event: env.GITHUB_EVENT_NAME,
      ref: env.GITHUB_REF,
      actor: env.GITHUB_ACTOR,
      ...(env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? { runUrl: `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` }
        : {}),
    },
    defaultFlight: env.GITHUB_RUN_ID,
  });
  const report = await bisectSeries(settings, coreLogger);
  const out = bisectOutputs(report);
  core.setOutput('done', String(out.done));
  core.setOutput('matrix', JSON.stringify(out.matrix));
  core.setOutput('culprit', out.culprit);
  core.setOutput('result', JSON.stringify(report));
  const text = renderBisect(report);
  await core.summary.addRaw(text).write();
  if (report.kind !== 'result') return;
  core.info(`${report.outcome}: ${report.reason}`);
  if (action.issue) {
    const github = createGitHub({ token: settings.hosted.token ?? '', logger: coreLogger });
    await announceResult(
      settings,
      report,
      action.issue.number,
      new GitHubRepository(github, action.issue),
      { revert: action.revertPullRequest, logger: coreLogger },
    );
  }
});
