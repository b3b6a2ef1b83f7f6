/** The track-upstream action: read inputs, run the library, write outputs and the summary. */
import { join } from 'node:path';
import { parseTrackSettings } from '../lib/track/settings.js';
import { trackUpstream } from '../lib/track/track.js';
import { createGitHub } from '../lib/github.js';
import { actionReader, coreLogger, core, runMain } from '../runtime/runner.js';
import { actionsFolderCache } from '../runtime/cache.js';

await runMain(async () => {
  const settings = parseTrackSettings(actionReader, {
    defaultWorkDir: join(process.env.RUNNER_TEMP || '/tmp', 'tributary-track'),
    serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
  });
  // deliver: patches asks nothing of the API: no client.
  const github =
    settings.deliver === 'patches'
      ? undefined
      : createGitHub({ token: settings.token, baseUrl: settings.apiUrl, logger: coreLogger });
  // The default work directory is the runner's temporary folder, gone after the job: its store
  // goes through the runner's cache service. A folder the user names is kept by them.
  const cache = actionReader.get('work-directory') ? undefined : actionsFolderCache(coreLogger);
  const report = await trackUpstream(settings, { logger: coreLogger, github, cache });
  const first = report.outcomes[0];
  core.setOutput('pull-requests', JSON.stringify(report.outcomes));
  core.setOutput('pull-request-number', first ? String(first.number) : '');
  core.setOutput('pull-request-url', first?.url ?? '');
  core.setOutput('operation', first?.operation ?? 'none');
  core.setOutput('candidates', JSON.stringify(report.candidates));
  core.setOutput('patches', report.patches ?? '');
  core.setOutput('patch-series', JSON.stringify(report.series));
  for (const n of report.notices) core.notice(n, { title: 'track-upstream' });
  const rows = report.outcomes.map((o) => [
    o.key,
    `<a href="${o.url}">${o.kind === 'pull' ? '' : 'issue '}#${o.number}</a>`,
    o.operation,
    o.note ?? '',
  ]);
  await core.summary
    .addHeading(
      `track-upstream: ${report.mode} into ${settings.owner}/${settings.repo} ${settings.target}`,
      3,
    )
    .addTable([
      [
        { data: 'purpose', header: true },
        { data: 'pull request', header: true },
        { data: 'operation', header: true },
        { data: 'note', header: true },
      ],
      ...(rows.length ? rows : [['-', '-', 'none', 'nothing to do']]),
    ])
    .addRaw(
      report.series
        .map(
          (s) =>
            `Patches for ${s.change}: ${s.files.length - 1} and a cover letter in \`${s.directory}\` (base ${s.base.slice(0, 12)}).\n`,
        )
        .join(''),
      true,
    )
    .addRaw([...report.notices, ...report.notes].map((n) => `${n}\n`).join(''), true)
    .write();
  for (const o of report.outcomes)
    if (o.note?.includes('conflict'))
      core.warning(`${o.title}: ${o.note} (${o.url})`, { title: 'track-upstream conflict' });
});
