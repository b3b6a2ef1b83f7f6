/**
 * The mirror's decision, step one and two, as the pure functions they are: both sides' refs
 * (and which moves are fast-forwards) in, every hosted ref's update out.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareRefs, decideUpdates } from '../actions/lib/mirror/ref-updates.js';
import { RefMapper } from '../actions/lib/mirror/refs.js';

const oid = (c: string) => c.repeat(40);
const now = new Date('2026-11-25T22:15:00.123Z');

describe('mirror ref updates', () => {
  const mapper = new RefMapper({ patterns: ['master', 'stable-*', 'v*'], prefix: 'upstream/' });
  const upstream = mapper.apply(
    new Map([
      ['refs/heads/master', oid('b')],
      ['refs/heads/stable-1', oid('c')],
      ['refs/heads/stable-2', oid('d')],
      ['refs/heads/stable-3', oid('e')],
      ['refs/tags/v1', oid('f')],
    ]),
  );
  const hosted = new Map([
    ['refs/heads/upstream/master', oid('a')], // moved: fast-forward below
    ['refs/heads/upstream/stable-1', oid('1')], // moved: rewritten below
    ['refs/heads/upstream/stable-2', oid('d')], // unchanged
    ['refs/tags/v1', oid('2')], // a moved tag
    ['refs/heads/upstream/stable-0', oid('3')], // gone upstream
    ['refs/heads/staging', oid('4')], // the hosted tree's own: never touched
  ]);

  it('compares both listings: created, differing, unchanged, gone upstream', () => {
    const kept = compareRefs(upstream, hosted, mapper, false);
    assert.deepEqual(
      kept.updates.map((u) => `${u.action} ${u.ref}`),
      [
        'updated refs/heads/upstream/master',
        'updated refs/heads/upstream/stable-1',
        'unchanged refs/heads/upstream/stable-2',
        'created refs/heads/upstream/stable-3',
        'updated refs/tags/v1',
      ],
    );
    assert.deepEqual(kept.keptDeleted, ['refs/heads/upstream/stable-0']);
    const pruned = compareRefs(upstream, hosted, mapper, true);
    assert.deepEqual(pruned.keptDeleted, []);
    assert.deepEqual(
      pruned.updates.filter((u) => u.action === 'deleted').map((u) => [u.ref, u.old, u.new]),
      [['refs/heads/upstream/stable-0', oid('3'), null]],
    );
  });

  it('fast-forwards, and refuses a rewritten branch and a moved tag unless told to follow', () => {
    const { updates } = compareRefs(upstream, hosted, mapper, false);
    const forward = new Set(['refs/heads/upstream/master']);
    const strict = decideUpdates(updates, forward, { allowRewrites: false, now });
    assert.deepEqual(
      strict.map((u) => `${u.action} ${u.ref}`),
      [
        'updated refs/heads/upstream/master',
        'refused refs/heads/upstream/stable-1',
        'unchanged refs/heads/upstream/stable-2',
        'created refs/heads/upstream/stable-3',
        'refused refs/tags/v1',
      ],
    );
    assert.match(strict[1].reason!, /was rewritten upstream/);
    assert.match(strict[4].reason!, /moved upstream/);
    const follow = decideUpdates(updates, forward, { allowRewrites: true, now });
    assert.deepEqual(
      follow.filter((u) => u.action === 'rewritten').map((u) => u.backup),
      [
        'refs/tributary/backup/heads/upstream/stable-1/20261125T221500Z',
        'refs/tributary/backup/tags/v1/20261125T221500Z',
      ],
    );
    // Pure: the input is left as it was.
    assert.equal(updates[1].action, 'updated');
  });
});
