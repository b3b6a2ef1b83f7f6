/**
 * The test runs a bisection records: result folders as a test job leaves them (one run), or as
 * download-artifact leaves a round's jobs (one run an artifact folder), each with the flight
 * id it is recorded as. Read and checked before anything is written.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { readResults, type FlightResults } from '../gate/index.js';
import type { BisectSettings } from './repository.js';

/** One finished test run: its folder, its results, the flight id it is recorded as. */
export interface TestRun {
  dir: string;
  results: FlightResults;
  id: string;
}

/** Whether a folder holds result files of its own (not only in folders below it). */
function holdsResults(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some(
    (e) => !e.isDirectory() && /\.(json|xml)$/.test(e.name),
  );
}

/**
 * The test runs in the result folders given: a folder with result files is one run; a folder
 * of folders (download-artifact's layout, an artifact a job) is one run a folder. Each run's
 * flight id is the one its results carry, else the setting's, else the time; runs that would
 * share one (the jobs of one workflow run) are told apart by their place, `<id>-<n>`, the same
 * each time the same folders are recorded.
 */
export function testRunsIn(
  s: Pick<BisectSettings, 'record' | 'flight' | 'now'>,
  tree: string,
): TestRun[] {
  const dirs: string[] = [];
  for (const dir of s.record) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      throw new ConfigurationError('results', `The results folder '${dir}' does not exist.`);
    }
    if (!st.isDirectory())
      throw new ConfigurationError('results', `The results path '${dir}' is not a folder.`);
    if (holdsResults(dir)) {
      dirs.push(dir);
      continue;
    }
    const below = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name))
      .sort();
    if (!below.length)
      throw new ConfigurationError(
        'results',
        `The results folder '${dir}' holds no job results (tributary.job/v1 *.json, JUnit *.xml).`,
      );
    dirs.push(...below);
  }
  const time = `bisect-${(s.now ?? new Date()).toISOString()}`;
  const runs = dirs.map((dir) => {
    const results = readResults(dir, tree);
    return { dir, results, id: results.flight ?? s.flight ?? time };
  });
  const count = new Map<string, number>();
  for (const r of runs) count.set(r.id, (count.get(r.id) ?? 0) + 1);
  return runs.map((r, n) => ((count.get(r.id) ?? 0) > 1 ? { ...r, id: `${r.id}-${n + 1}` } : r));
}
