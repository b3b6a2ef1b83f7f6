/**
 * The watch report of a flight, as the loop test needs it: record the flight of a series,
 * compare it with the previous flight of the series, open an issue for each regression, and
 * answer with the outputs of actions/watch (`regressions`, `issues`, `flight`, as the
 * contract between branches says). This stand-in holds the place of `runAction('watch', ...)`
 * until actions/watch is in main: swap `watchReport` for it and nothing else changes.
 */
import { readResults, readFlightsOf } from '../../actions/lib/gate/index.js';
import { writeNote } from '../../actions/lib/gate/notes.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  type FlightRecord,
} from '../../actions/lib/flight.js';
import { createGitHub, GitHubRepository } from '../../actions/lib/github.js';
import type { Git } from '../../actions/lib/git.js';

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
  results: string;
  flight: string;
  repository: string;
  token: string;
  notesRef: string;
  /** GITHUB_API_URL. */
  apiUrl: string;
  /** The watched tree's hosted repository (actions/watch's tree-url). */
  treeUrl: string;
  /** The same, on disk: the stand-in writes to it directly. */
  hosted: Git;
  recordedAt: string;
}

export interface WatchOutputs {
  regressions: WatchRegression[];
  issues: number[];
  flight: string;
}

async function standIn(i: WatchInputs): Promise<WatchOutputs> {
  const results = readResults(i.results, i.tree);
  const record: FlightRecord = {
    format: FLIGHT_RECORD_FORMAT,
    flight: i.flight,
    series: i.series,
    purpose: 'watch',
    tree: i.tree,
    revision: results.revision,
    trees: results.trees,
    jobs: results.jobs,
    recordedAt: i.recordedAt,
  };
  const listed = (await i.hosted.run(['notes', '--ref', i.notesRef, 'list']).catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[1]);
  const all = [...(await readFlightsOf(i.hosted, i.notesRef, listed)).values()].flat();
  const previous = all
    .filter((r) => r.series === i.series && (r.purpose ?? 'watch') === 'watch')
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .pop();
  const here = all.filter((r) => r.revision === record.revision);
  let text = '';
  for (const r of [...here, record]) text = appendFlightNote(text, r);
  await writeNote(i.hosted, i.notesRef, record.revision, text);
  const regressions: WatchRegression[] = [];
  for (const job of record.jobs)
    for (const step of job.steps) {
      const before = previous?.jobs.find((j) => j.name === job.name)?.steps;
      if (before?.find((s) => s.name === step.name)?.status !== 'pass') continue;
      if (step.status !== 'fail') continue;
      regressions.push({
        series: i.series,
        job: job.name,
        step: step.name,
        pass: previous!.revision,
        fail: record.revision,
        passFlight: previous!.flight,
        failFlight: record.flight,
        issue: null,
      });
    }
  const github = createGitHub({ token: i.token, baseUrl: i.apiUrl, spaceWrites: false });
  const repo = new GitHubRepository(github, i.repository);
  for (const r of regressions) {
    const issue = await repo.createIssue({
      title: `Regression in ${r.series}: ${r.job} ${r.step}`,
      body: `${r.job} ${r.step} passed in flight ${r.passFlight} (${r.pass}) and fails in flight ${r.failFlight} (${r.fail}).`,
      labels: ['regression'],
    });
    r.issue = issue.number;
  }
  return {
    regressions,
    issues: regressions.map((r) => r.issue!).filter(Boolean),
    flight: record.flight,
  };
}

/** The watch report the loop uses: the stand-in until actions/watch lands. */
export const watchReport: (inputs: WatchInputs) => Promise<WatchOutputs> = standIn;
