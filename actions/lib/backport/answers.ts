/**
 * The classification of a range kept beside the facts cache, so that a run over a range that
 * has not moved is answered with one git process: `git cat-file --batch-check` of the
 * revisions named and of the commit ids the classified messages write. The answer is reused
 * only when git names the same commits and objects for all of them as when it was made; the
 * file is keyed by everything else the answer depends on (the policy, the labels, the refs
 * searched, the format) and holds the last range classified with those.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Git } from '../git.js';
import type {
  Analysis,
  Classification,
  ClassifyOptions,
  RangeClassification,
} from './classifier.js';
import type { Revisions } from './history.js';
import type { Policy } from './policy.js';

/** Bump when a classification's shape or meaning changes. */
const ANSWER_VERSION = 1;

interface Stored {
  /** The revisions as the run named them, each in its place (null: not given). */
  names: (string | null)[];
  /** The `cat-file --batch-check` lines of `questions`, as they were when classified. */
  questions: string[];
  answers: string[];
  classifications: Classification[];
  upstreamInRange: number;
}

/** The revisions as a run names them, each in its place. */
function namesOf(options: ClassifyOptions): (string | null)[] {
  return [options.head, options.base, options.development, options.followed]
    .concat(options.moreUpstream ?? [])
    .map((n) => n ?? null);
}

/**
 * The file of a run's settings, or none when the cache lives only as long as the run. The
 * revisions are not in its name: one file a setting, whatever the range, so the folder does
 * not grow with every head checked (the range is checked inside).
 */
function answerFile(dir: string | undefined, options: ClassifyOptions, policy: Policy) {
  if (!dir) return undefined;
  const re = (list: RegExp[]) => list.map((r) => [r.source, r.flags]);
  const material = JSON.stringify({
    version: ANSWER_VERSION,
    policy: {
      trailers: policy.downstreamOnlyTrailers,
      subjects: re(policy.downstreamOnlySubjects),
      patterns: re(policy.referencePatterns),
      minimumIdLength: policy.minimumIdLength,
    },
    upstreamRefs: options.upstreamRefs ?? [],
    labels: options.labels ?? {},
    fetches: !!options.fetchMissing,
  });
  return join(
    dir,
    `classification-${createHash('sha256').update(material).digest('hex').slice(0, 16)}.json`,
  );
}

/** The revision names of a run, each with the commit id it names in `resolved`. */
function revisionNames(
  options: ClassifyOptions,
  resolved?: Revisions,
): [string, string | undefined][] {
  const pairs: [string | undefined, string | undefined][] = [
    [options.head, resolved?.head],
    [options.base, resolved?.base],
    [options.development, resolved?.development],
    [options.followed, resolved?.followed],
    ...(options.moreUpstream ?? []).map((m, i): [string, string | undefined] => [
      m,
      resolved?.more[i],
    ]),
  ];
  return pairs.filter((p): p is [string, string | undefined] => !!p[0]);
}

/** The revision names as cat-file is asked them (each as a commit); none when one cannot be. */
function revisionQuestions(options: ClassifyOptions): string[] | undefined {
  const names = revisionNames(options).map(([n]) => n);
  // (a name that is not one line cannot be asked; the full run says what is wrong with it)
  if (names.some((n) => /[\n\r]/.test(n))) return undefined;
  return names.map((n) => `${n}^{commit}`);
}

/** The kept classification of the run, when git still names the same things; else undefined. */
export async function keptAnswer(
  git: Git,
  dir: string | undefined,
  options: ClassifyOptions,
  policy: Policy,
): Promise<RangeClassification | undefined> {
  const file = answerFile(dir, options, policy);
  if (!file) return undefined;
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return undefined; // none yet, or torn: the full run writes it afresh
  }
  const revisions = revisionQuestions(options);
  const whole =
    Array.isArray(stored.questions) &&
    Array.isArray(stored.answers) &&
    Array.isArray(stored.classifications) &&
    typeof stored.upstreamInRange === 'number';
  if (!revisions || !whole) return undefined;
  if (JSON.stringify(stored.names) !== JSON.stringify(namesOf(options))) return undefined;
  // The revisions first, in the order asked, then the ids written: both must be as they were.
  if (stored.questions.slice(0, revisions.length).join('\n') !== revisions.join('\n'))
    return undefined;
  const answers = await git.batchCheck(stored.questions);
  if (answers.join('\n') !== stored.answers.join('\n')) return undefined;
  return { classifications: stored.classifications, upstreamInRange: stored.upstreamInRange };
}

/**
 * Keeps a run's classification, unless it rests on more than the questions can check: a
 * commit fetched by id, or the refs that contain a commit off the development branch.
 */
export function keepAnswer(
  dir: string | undefined,
  options: ClassifyOptions,
  policy: Policy,
  analysis: Pick<Analysis, 'revisions' | 'references' | 'classifications' | 'upstreamInRange'>,
): void {
  const { references } = analysis;
  const file = answerFile(dir, options, policy);
  const revisions = revisionQuestions(options);
  if (!file || !revisions) return;
  // Only what git was asked decides a resolution: a written id too short or not hex does not.
  const ids = [...references.answers.keys()].sort();
  for (const r of references.resolutions.values()) {
    if (r.commit && r.problem && options.upstreamRefs?.length) return;
    if (!r.commit && r.problem && options.fetchMissing && / is not found upstream$/.test(r.problem))
      return;
  }
  // git's answers as the run had them: the revisions resolved, then what the ids named.
  const answers = [
    ...revisionNames(options, analysis.revisions).map(([, id]) => `${id} commit`),
    ...ids.map((id) => references.answers.get(id)!),
  ];
  const stored: Stored = {
    names: namesOf(options),
    questions: [...revisions, ...ids],
    answers,
    classifications: analysis.classifications,
    upstreamInRange: analysis.upstreamInRange,
  };
  mkdirSync(dir!, { recursive: true });
  // Two runs may keep an answer in one folder at once: each writes a temporary file of its own.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify(stored));
  renameSync(temp, file);
}
