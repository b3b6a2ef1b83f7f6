/**
 * The watch's pure rules: which tags are releases, how a flight compares with the previous one
 * of its series, and what the issues plan says, without git or the API.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FLIGHT_RECORD_FORMAT, type FlightJob, type FlightRecord } from '../actions/lib/flight.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { compareFlight } from '../actions/lib/watch/compare.js';
import { planIssues, regressionKey } from '../actions/lib/watch/issues.js';
import {
  classifyTags,
  DEFAULT_RELEASE_PATTERNS,
  parseReleasePatterns,
  parseTags,
} from '../actions/lib/watch/releases.js';

const Q = (n: number) => String(n).repeat(40);
const X = 'f'.repeat(40);

function record(flight: string, rev: string, jobs: FlightJob[], prev?: FlightRecord): FlightRecord {
  const at = `2026-01-0${flight.length}T00:00:00.000Z`;
  return {
    format: FLIGHT_RECORD_FORMAT,
    flight,
    series: 's',
    purpose: 'watch',
    tree: 'qemu',
    revision: rev,
    trees: [
      { name: 'qemu', revision: rev },
      { name: 'xen', revision: X },
    ],
    jobs,
    recordedAt: at,
    history: carryHistory(prev?.history, { flight, revision: rev, at }, jobs),
  };
}
const job = (steps: Record<string, 'pass' | 'fail' | 'blocked' | 'skip'>): FlightJob[] => [
  { name: 'test', steps: Object.entries(steps).map(([name, status]) => ({ name, status })) },
];

describe('watch rules', () => {
  it('classifies tags by the first pattern that matches', () => {
    const c = classifyTags(
      ['v9.2.0-rc1', 'v9.2.0', 'rel-1.16.3', 'rel-1.17.0-beta1', 'qemu-xen-4.20.0', 'v9.1.2'],
      parseReleasePatterns(DEFAULT_RELEASE_PATTERNS),
    );
    assert.deepEqual(c.releases, [
      { tag: 'v9.2.0-rc1', kind: 'rc' },
      { tag: 'v9.2.0', kind: 'final' },
      { tag: 'rel-1.16.3', kind: 'final' },
      { tag: 'rel-1.17.0-beta1', kind: 'beta' },
      { tag: 'v9.1.2', kind: 'final' },
    ]);
    assert.deepEqual(c.unmatched, ['qemu-xen-4.20.0']);
    assert.deepEqual(parseTags('["refs/tags/v1.0"]'), ['v1.0']);
    assert.throws(
      () => parseReleasePatterns(['alpha:*-a*']),
      /Invalid input 'release-patterns' 'alpha:\*-a\*'/,
    );
    assert.throws(() => parseTags('[1]'), /Invalid input 'tags'/);
  });

  it('compares with the previous flight: a regression, what never passed, what did not run, a fix', () => {
    const p0 = record('a', Q(1), job({ build: 'pass', boot: 'pass', old: 'fail', gone: 'pass' }));
    const now = job({ build: 'pass', boot: 'fail', old: 'fail' });
    const c = compareFlight({
      series: 's',
      flight: { flight: 'bb', revision: Q(2), at: '2026-01-02T00:00:00.000Z' },
      jobs: now,
      trees: p0.trees.map((t) => (t.name === 'qemu' ? { ...t, revision: Q(2) } : t)),
      previous: p0,
      sameRevision: [],
      buildJobs: ['build*'],
    });
    assert.deepEqual(
      c.regressions.map((r) => [r.step, r.lastPass?.flight, r.failingSince?.flight]),
      [['boot', 'a', 'bb']],
    );
    assert.deepEqual(
      c.stillFailing.map((r) => [r.step, r.neverPassed, r.firstSeen?.flight]),
      [['old', true, 'a']],
    );
    assert.deepEqual(
      c.notRun.map((r) => r.step),
      ['gone'],
    );
    const p1 = record('bb', Q(2), now, p0);
    const fixed = compareFlight({
      series: 's',
      flight: { flight: 'ccc', revision: Q(3), at: '2026-01-03T00:00:00.000Z' },
      jobs: job({ build: 'pass', boot: 'pass', old: 'fail' }),
      trees: p1.trees,
      previous: p1,
      sameRevision: [],
      buildJobs: [],
    });
    assert.deepEqual(
      fixed.fixed.map((f) => f.step),
      ['boot'],
    );
    assert.deepEqual(fixed.regressions, []);
  });

  it('plans: open a regression once, comment while it lasts, close on a pass, label a flake and keep it open', () => {
    const p0 = record('a', Q(1), job({ boot: 'pass' }));
    const cmp = compareFlight({
      series: 's',
      flight: { flight: 'bb', revision: Q(1), at: '2026-01-02T00:00:00.000Z' },
      jobs: job({ boot: 'fail' }),
      trees: p0.trees,
      previous: p0,
      // Another flight of the very same revisions passed boot: flaky.
      sameRevision: [p0],
      buildJobs: [],
    });
    assert.deepEqual(cmp.regressions, []);
    assert.equal(cmp.flaky[0].passIn, 'flight a');
    const key = regressionKey('s', 'test', 'boot');
    const issue = { number: 4, url: 'u', title: 't', body: '', labels: ['regression'] };
    const ctx = { trees: p0.trees };
    assert.deepEqual(planIssues(cmp, new Map(), { flakyLabel: 'flaky' }, ctx), []);
    const [label] = planIssues(cmp, new Map([[key, issue]]), { flakyLabel: 'flaky' }, ctx);
    assert.deepEqual([label.kind, label.issue, label.labels], ['label-flaky', 4, ['flaky']]);
    const flakyIssue = { ...issue, labels: ['regression', 'flaky'] };
    assert.deepEqual(
      planIssues(cmp, new Map([[key, flakyIssue]]), { flakyLabel: 'flaky' }, ctx),
      [],
    );
    // A pass closes an issue that is not a flake's; a flake's stays open.
    const pass = compareFlight({
      series: 's',
      flight: { flight: 'ccc', revision: Q(2), at: '2026-01-03T00:00:00.000Z' },
      jobs: job({ boot: 'pass' }),
      trees: p0.trees,
      previous: record('bb', Q(1), job({ boot: 'fail' }), p0),
      sameRevision: [],
      buildJobs: [],
    });
    assert.deepEqual(
      planIssues(pass, new Map([[key, issue]]), { flakyLabel: 'flaky' }, ctx).map((a) => a.kind),
      ['close'],
    );
    assert.deepEqual(
      planIssues(pass, new Map([[key, flakyIssue]]), { flakyLabel: 'flaky' }, ctx),
      [],
    );
  });
});
