/**
 * The mirror action: inputs → mirrorTree → outputs, job summary, annotations. The story is in
 * actions/lib/mirror/, shared with `tributary mirror`.
 */
import { join } from 'node:path';
import { actionsFolderCache } from '../runtime/cache.js';
import { actionReader, core, coreLogger, runMain } from '../runtime/runner.js';
import { interruptible } from '../lib/mirror/interrupt.js';
import { createdTags, mirrorTree, updatesJson, type MirrorHooks } from '../lib/mirror/mirror.js';
import { summaryRows } from '../lib/mirror/ref-updates.js';
import { OUTPUTS, parseMirrorSettings } from '../lib/mirror/settings.js';

// The job summary has a size limit (1 MiB); a first sync of a big tree lists thousands of refs.
const SUMMARY_ROWS = 500;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

await runMain(async () => {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings = parseMirrorSettings(actionReader, {
    workingDirectory: workspace,
    serverUrl: process.env.GITHUB_SERVER_URL,
    defaultCacheRoot: () => join(process.env.RUNNER_TEMP || workspace, 'tributary-mirror'),
  });
  // A persistent folder (self-hosted runner) keeps itself; otherwise @actions/cache keeps it.
  const hooks: MirrorHooks = settings.cacheDirNamed ? {} : actionsFolderCache(coreLogger);
  // A cancelled job (SIGINT, then SIGTERM) stops git before it goes, and releases the cache folder.
  const result = await interruptible(coreLogger, (signal) =>
    mirrorTree(settings, coreLogger, { ...hooks, signal }),
  );

  core.setOutput(OUTPUTS.updates, updatesJson(result));
  core.setOutput(OUTPUTS.created, result.counts.created);
  core.setOutput(OUTPUTS.updated, result.counts.updated + result.counts.rewritten);
  core.setOutput(OUTPUTS.deleted, result.counts.deleted);
  core.setOutput(OUTPUTS.refused, result.refused.length);
  core.setOutput(OUTPUTS.unchanged, result.counts.unchanged);
  core.setOutput(OUTPUTS.changed, String(result.changed));
  const tags = createdTags(result);
  core.setOutput(OUTPUTS.createdTags, JSON.stringify(tags));

  const summary = core.summary.addHeading('Mirror', 2);
  for (const tree of result.trees) {
    const rows = summaryRows(tree.updates);
    const unchanged = tree.updates.length - rows.length;
    summary.addRaw(
      `<p><b>${html(tree.source)}</b> → <b>${html(tree.destination)}</b>: ${rows.length} moved or refused, ${unchanged} unchanged${tree.keptDeleted.length ? `, ${tree.keptDeleted.length} gone upstream and kept (prune is off)` : ''}.</p>`,
      true,
    );
    if (rows.length)
      summary.addTable([
        [
          { data: 'ref', header: true },
          { data: 'action', header: true },
          { data: 'old → new', header: true },
          { data: 'note', header: true },
        ],
        ...rows.slice(0, SUMMARY_ROWS).map((r) =>
          // (an empty cell would be written as a lone <td>: core.summary drops empty content)
          r.map((c, i) => (i === 0 || i === 2 ? `<code>${html(c)}</code>` : html(c) || ' ')),
        ),
      ]);
    if (rows.length > SUMMARY_ROWS)
      summary.addRaw(
        `<p>... and ${rows.length - SUMMARY_ROWS} more (the updates output lists all).</p>`,
        true,
      );
  }
  if (tags.length)
    summary.addRaw(
      `<p>New tags: ${tags.map((t) => `<code>${html(t)}</code>`).join(', ')}.</p>`,
      true,
    );
  if (result.refused.length)
    summary.addRaw(
      `<p><b>Nothing was pushed:</b> ${result.refused.length} ref(s) were refused.</p>`,
      true,
    );
  await summary.write();
  if (result.refused.length)
    core.setFailed(
      `Refused ${result.refused.map((u) => u.ref).join(', ')}: upstream rewrote history. Nothing was pushed.`,
    );
});
