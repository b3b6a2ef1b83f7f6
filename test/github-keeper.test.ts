/**
 * The GitHub module's keepers against the API test server: one issue per marker key (opened
 * once, updated, commented once, labelled, closed), the one marker format, and the two older
 * forms still found, so nothing opened before is opened twice.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createGitHub,
  GitHubRepository,
  IssueKeeper,
  parseMarker,
  renderMarker,
} from '../actions/lib/github.js';
import { keepDivergenceIssue } from '../actions/lib/backport/report.js';
import {
  markerKey,
  parseMarker as parseTrackMarker,
  renderMarker as renderTrackMarker,
} from '../actions/lib/track/marker.js';
import { PullRequests } from '../actions/lib/track/pulls.js';
import { startGitHubApi, type GitHubApi } from './harness/github-api.js';

const TOKEN = 'ghs_keeperTOKEN0123456789abcdefABCDEF';
const REPO = 'xen-project/qemu-xen';

describe('the GitHub module: markers and keepers', () => {
  let api: GitHubApi;
  let repository: GitHubRepository;

  before(async () => {
    api = await startGitHubApi({ token: TOKEN });
    api.addRepository(REPO, { defaultBranch: 'master' });
    repository = new GitHubRepository(
      createGitHub({ token: TOKEN, baseUrl: api.url, spaceWrites: false }),
      REPO,
    );
  });
  after(() => api.close());

  const writes = () => api.requests.filter((r) => r.method !== 'GET').length;
  const open = (kind: string) =>
    api.state.issues.filter(
      (i) => i.state === 'open' && !i.pull && i.body?.includes(`tributary:${kind}`),
    );

  it('one marker format: kind, key, optional payload, read back whatever they hold', () => {
    const payload = { v: 1, note: 'ends --> here', list: ['a--b'] };
    const text = renderMarker('watch', 'series  x--y\nstep', payload);
    assert.equal(text.split('\n')[0], '<!-- tributary:watch series x-y step');
    assert.equal(text.indexOf('-->'), text.length - 3, 'one comment end, the last');
    assert.deepEqual(parseMarker(`before\n${text}\nafter`, 'watch'), {
      kind: 'watch',
      key: 'series x-y step',
      payload,
    });
    assert.equal(parseMarker(text, 'track'), undefined, 'another kind');
    assert.equal(parseMarker('<!-- tributary:watch k\n{damaged -->', 'watch'), undefined);
  });

  it('keeps a divergence report in the issue opened under the old marker: updated, not duplicated', async () => {
    // What backport/report-issue.ts wrote before the GitHub module.
    const old = api.addIssue(REPO, {
      title: 'Divergence of stable-1.0',
      body: `<!-- tributary:divergence ${REPO} stable-1.0 -->\nold report`,
      labels: ['divergence'],
    });
    const first = await keepDivergenceIssue(
      repository,
      'stable-1.0',
      { title: 'Divergence of stable-1.0', labels: ['divergence'] },
      'new report',
    );
    assert.deepEqual([first.number, first.operation], [old.number, 'updated']);
    assert.equal(old.body, `<!-- tributary:divergence ${REPO} stable-1.0 -->\nnew report`);
    const before = writes();
    const again = await keepDivergenceIssue(
      repository,
      'stable-1.0',
      { title: 'Divergence of stable-1.0', labels: ['divergence'] },
      'new report',
    );
    assert.deepEqual([again.number, again.operation], [old.number, 'unchanged']);
    assert.equal(writes(), before, 'nothing written when nothing changed');
    assert.equal(open('divergence').length, 1);
  });

  it('one issue per key: opened once, commented once per note, labelled, closed with a comment', async () => {
    const keeper = () => new IssueKeeper(repository, 'watch', { labels: ['regression'] });
    const key = 'qemu-master-vs-xen-unstable test-hvm migrate';
    const opened = await keeper().keep(key, {
      title: 'Regression: test-hvm migrate',
      body: 'since flight 7',
    });
    assert.equal(opened.operation, 'created');
    // A later run (a new keeper, as a new process) finds it again by its marker.
    const k = keeper();
    assert.equal((await k.find(key))?.number, opened.number);
    assert.equal(
      (await k.keep(key, { title: 'Regression: test-hvm migrate', body: 'since flight 7' }))
        .operation,
      'unchanged',
    );
    assert.equal(await k.comment(key, 'Still failing at 1234abcd.', 'fail 1234abcd'), true);
    assert.equal(await k.comment(key, 'Still failing at 1234abcd.', 'fail 1234abcd'), false);
    await k.label(key, ['flaky']);
    await k.label(key, ['flaky']);
    const issue = api.state.issues.find((i) => i.number === opened.number)!;
    assert.deepEqual(issue.labels.sort(), ['flaky', 'regression']);
    assert.equal(api.state.comments.filter((c) => c.issueNumber === opened.number).length, 1);
    const closed = await keeper().close(key, 'Passes again in flight 9.');
    assert.equal(closed?.number, opened.number);
    assert.deepEqual([issue.state, issue.stateReason], ['closed', 'completed']);
    assert.match(
      api.state.comments.filter((c) => c.issueNumber === opened.number).pop()!.body,
      /Passes again in flight 9/,
    );
    // Closed stays closed: the same key regressing again opens a new issue.
    const reopened = await keeper().keep(key, {
      title: 'Regression: test-hvm migrate',
      body: 'since flight 12',
    });
    assert.equal(reopened.operation, 'created');
    assert.notEqual(reopened.number, opened.number);
    assert.equal(await keeper().close('no such key', 'x'), undefined);
  });

  it("track's pull requests and issues under the old marker are found again, and a copy is closed", async () => {
    const marker = {
      v: 1 as const,
      mode: 'backport' as const,
      target: 'master',
      subject: 'a'.repeat(40),
    };
    const key = markerKey(marker);
    // What track/marker.ts wrote before the GitHub module: the JSON alone.
    const oldForm = `<!-- tributary:track ${JSON.stringify({ ...marker, head: 'b'.repeat(40) })} -->`;
    const oldPull = api.addPull(REPO, {
      title: 'Backport aaaa',
      head: 'tributary/backport-a',
      body: `why\n\n${oldForm}\n`,
      headSha: 'b'.repeat(40),
    });
    const newPull = api.addPull(REPO, {
      title: 'Backport aaaa',
      head: 'tributary/backport-a2',
      body: `why\n\n${renderTrackMarker(marker)}\n`,
    });
    const conflict = { ...marker, subject: 'c'.repeat(40) };
    const oldIssue = api.addIssue(REPO, {
      title: 'Conflict cccc',
      body: `<!-- tributary:track ${JSON.stringify(conflict)} -->`,
    });
    assert.deepEqual(parseTrackMarker(oldPull.body)?.head, 'b'.repeat(40));
    assert.match(renderTrackMarker(marker), /^<!-- tributary:track backport:master:a{40}\n\{/);

    const pulls = new PullRequests(
      repository,
      {
        owner: 'xen-project',
        repo: 'qemu-xen',
        target: 'master',
        labels: [],
        reviewers: [],
        teamReviewers: [],
        assignees: [],
        draft: false,
        conflicts: 'issue',
      },
      async () => true,
      async () => undefined,
    );
    await pulls.load('backport');
    assert.equal(pulls.openFor(key), oldPull.number, 'the oldest is kept');
    assert.equal(pulls.openFor(markerKey(conflict)), oldIssue.number);
    assert.equal(newPull.state, 'closed', 'the copy is closed as a duplicate');
    assert.match(
      api.state.comments.filter((c) => c.issueNumber === newPull.number).pop()!.body,
      new RegExp(`duplicate of #${oldPull.number}`),
    );
  });
});
