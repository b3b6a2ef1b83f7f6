/**
 * Gathers a flight's job results from a directory as actions/download-artifact leaves it (one
 * sub-folder per artifact, or all merged): every `*.json` is a job result (tributary.job/v1),
 * every JUnit `*.xml` too. Anything wrong (not JSON, not the format, an unknown status, two
 * results for one job, a result for another revision) is an error naming the file and the
 * field, raised before the gate does anything else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ConfigurationError, SettingError } from '../errors.js';
import { parseJobResult, type FlightJob, type JobResult, type TreeRevision } from '../flight.js';
import { looksLikeJUnit, parseJUnit } from '../junit.js';

/** Where the revision came from when the gate was given one (not a result file). */
const REVISION_SETTING = '\0revision';

export interface FlightResults {
  jobs: FlightJob[];
  /** Every tree named by the results, with its revision (all results agree). */
  trees: TreeRevision[];
  /** The revision of the tree under test. */
  revision: string;
  /** The file each job came from, relative to the directory. */
  sources: Map<string, string>;
  /** The flight id the results carry, when they all name the same one. */
  flight?: string;
  startedAt?: string;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() || (e.isSymbolicLink() && statSync(p).isFile())) out.push(p);
    }
  };
  visit(dir);
  return out;
}

/**
 * Reads every result under `dir`. `tree` is the short name of the tree under test; `revision`
 * the revision it was given (else taken from the results, which must then name it).
 */
export function readResults(dir: string, tree: string, revision?: string): FlightResults {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ConfigurationError('results', `The results directory '${dir}' does not exist.`);
  }
  if (!st.isDirectory())
    throw new ConfigurationError('results', `The results path '${dir}' is not a directory.`);
  const found: { result: JobResult; source: string }[] = [];
  for (const file of listFiles(dir)) {
    const source = relative(dir, file) || file;
    if (file.endsWith('.json')) {
      found.push({ result: parseJobResult(readFileSync(file, 'utf8'), source), source });
    } else if (file.endsWith('.xml')) {
      const text = readFileSync(file, 'utf8');
      // Artifacts may hold other XML (a guest's configuration): only JUnit reports are results.
      if (!looksLikeJUnit(text)) continue;
      for (const result of parseJUnit(text, source)) found.push({ result, source });
    }
  }
  // A job that writes both forms (hypervisor-test writes result.json and junit.xml side by
  // side) is one result: the JUnit beside a result file of the same job is left out.
  const jsonJobs = new Set(
    found
      .filter((f) => f.source.endsWith('.json'))
      .map((f) => `${dirname(f.source)}\0${f.result.job}`),
  );
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i];
    if (f.source.endsWith('.xml') && jsonJobs.has(`${dirname(f.source)}\0${f.result.job}`))
      found.splice(i, 1);
  }
  if (!found.length)
    throw new ConfigurationError(
      'results',
      `No job result (*.json in format tributary.job/v1, or JUnit *.xml) under '${dir}'.`,
    );

  // The revision of the tree under test: all results must agree, and with the revision
  // given. Another tree (the consumer a dependency is gated against) may differ by job: the
  // flight's `trees` then holds its first revision seen, and each job that differs its own.
  const trees = new Map<string, { t: TreeRevision; source: string }>();
  if (revision) trees.set(tree, { t: { name: tree, revision }, source: REVISION_SETTING });
  for (const { result, source } of found) {
    result.trees.forEach((t, i) => {
      const known = trees.get(t.name);
      if (!known) trees.set(t.name, { t, source });
      else if (known.t.revision !== t.revision && t.name === tree) {
        const says = (other: string) =>
          `${source}: field 'trees[${i}].revision' is ${t.revision} for tree '${t.name}', but ${other} says ${known.t.revision}: a result for another revision.`;
        if (known.source === REVISION_SETTING) throw new SettingError('revision', says);
        throw new ConfigurationError(`${source}: trees[${i}].revision`, says(known.source));
      }
    });
  }
  const tested = trees.get(tree);
  if (!tested)
    throw new SettingError(
      'revision',
      (name) =>
        `No result names tree '${tree}' in its 'trees' field and no revision was given: say which revision the flight tested (${name}).`,
    );

  // One job, one result; a re-run (a higher attempt) replaces an earlier one and keeps its
  // step statuses as earlier attempts, so a step that passed on the re-run counts as flaky.
  const jobs = new Map<string, { job: FlightJob; source: string; attempt: number }>();
  for (const { result, source } of found) {
    const attempt = result.attempt ?? 1;
    const job: FlightJob = { name: result.job, steps: result.steps, attempt };
    if (result.trees.some((t) => trees.get(t.name)!.t.revision !== t.revision))
      job.trees = result.trees;
    if (result.host) job.host = result.host;
    if (result.url) job.url = result.url;
    if (result.cancelled) job.cancelled = true;
    const known = jobs.get(result.job);
    if (!known) {
      jobs.set(result.job, { job, source, attempt });
      continue;
    }
    if (known.attempt === attempt) {
      throw new ConfigurationError(
        `${source}: job`,
        `${source}: field 'job' repeats job '${result.job}' of ${known.source} (both attempt ${attempt}): job names must be unique in a flight.`,
      );
    }
    const [older, newer] =
      known.attempt < attempt
        ? [known, { job, source, attempt }]
        : [{ job, source, attempt }, known];
    newer.job.steps = newer.job.steps.map((s) => {
      const before = older.job.steps.find((o) => o.name === s.name);
      if (!before) return s;
      return { ...s, attempts: [...(before.attempts ?? []), before.status, ...(s.attempts ?? [])] };
    });
    jobs.set(result.job, newer);
  }
  const flights = new Set(found.map((f) => f.result.flight).filter(Boolean));
  const starts = found
    .map((f) => f.result.startedAt)
    .filter((s): s is string => !!s)
    .sort();
  return {
    jobs: [...jobs.values()].map((j) => j.job).sort((a, b) => a.name.localeCompare(b.name)),
    trees: [...trees.values()].map((t) => t.t),
    revision: tested.t.revision,
    sources: new Map([...jobs.entries()].map(([k, v]) => [k, v.source])),
    flight: flights.size === 1 ? [...flights][0] : undefined,
    startedAt: starts[0],
  };
}
