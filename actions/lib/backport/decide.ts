/**
 * The classifier's decision: the class of one downstream commit, a pure function of what the
 * stages before learnt (its facts, its references resolved, the patches compared, git's
 * answers about merges and matches). Nothing here asks git; the same evidence gives the same
 * classification, whatever order the commits come in.
 */
import { subjectPrefix, type UpstreamReference } from '../references.js';
import type { Classification, PatchMatch } from './classifier.js';
import type { CommitFacts } from './facts.js';
import type { Evidence } from './evidence.js';
import type { DownstreamCommit, History } from './history.js';
import type { Patches } from './patches.js';
import { changeNote, downstreamOnlyReason, type Policy } from './policy.js';
import { namedCommits, type References } from './resolve.js';

/** Everything a decision reads. */
export interface DecisionInput {
  policy: Policy;
  history: History;
  references: References;
  patches: Patches;
  evidence: Evidence;
}

export function patchMatch(a?: CommitFacts, b?: Partial<CommitFacts>): PatchMatch {
  if (a?.stable && a.stable === b?.stable) return 'identical';
  if (a?.zero && a.zero === b?.zero) return 'context-moved';
  return 'modified';
}

/** A backport of the named commits: how its patch compares, and what upstream did since. */
function asBackport(
  result: Classification,
  named: string[],
  written: UpstreamReference[],
  note: string | undefined,
  input: DecisionInput,
): void {
  const { history, references, patches, evidence } = input;
  const f = history.facts.get(result.commit);
  const first = written.find((r) => references.resolutions.get(r.sha)?.commit === named[0])!;
  const shown = named.map((c) => c.slice(0, 12)).join(', ');
  result.class = 'backport';
  result.upstream = named[0];
  result.upstreams = named;
  result.reference = first;
  if (named.length > 1) {
    result.patch = patchMatch(f, patches.squashes.get(result.commit));
    result.notes.push(
      `a squash of ${named.length} upstream commits, compared with them applied in turn`,
    );
  } else result.patch = patchMatch(f, history.facts.get(named[0]));
  if (result.patch === 'context-moved')
    result.notes.push('the same change as upstream with its context moved');
  if (result.patch === 'modified') {
    if (note) result.notes.push(`modified: ${note}`);
    else
      result.warnings.push(
        `modified backport of ${shown} without a note explaining the change (such as [name: reason])`,
      );
  }
  for (const c of named) {
    const followUps = history.followUps.find(c).sort((a, b) => (a.commit < b.commit ? -1 : 1));
    for (const fu of followUps) {
      if (evidence.carried.find(fu.commit).length || evidence.carriedByPatch.has(fu.commit))
        continue;
      result.warnings.push(
        fu.kind === 'revert'
          ? `upstream has since reverted ${c.slice(0, 12)} in ${fu.commit.slice(0, 12)}`
          : `upstream ${fu.commit.slice(0, 12)} fixes ${c.slice(0, 12)} (Fixes:) and is not carried downstream`,
      );
    }
  }
}

/** The reason a revert gives: its message without the subject and the `This reverts` line. */
function revertReason(subject: string, message: string): string {
  const body = message
    .split('\n')
    .slice(1)
    .filter((l) => !/This reverts commit/.test(l) && !/^\s*[\w-]+:\s/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return body || subject;
}

/** What a merge is, when it is only that: an upstream sync, or a merge of downstream commits. */
function asMerge(result: Classification, l: DownstreamCommit, input: DecisionInput): boolean {
  const merge = input.evidence.merges.get(l.commit);
  if (!merge) return false;
  if (merge.synced) {
    result.class = 'sync';
    result.upstream = l.parents[l.parents.length - 1];
    result.reason = 'merges the upstream branch followed';
    return true;
  }
  // A merge of downstream commits (a topic branch, a merge queue) that adds no change of its
  // own: the commits it brings are classified on their own, so it is only a merge.
  if (merge.mergeOnly) {
    const n = merge.brought ?? 0;
    result.class = 'merge';
    result.reason = `merges ${n} downstream commit${n === 1 ? '' : 's'}, classified on their own, and changes nothing else`;
    return true;
  }
  const foreign = merge.foreign ?? 0;
  if (foreign)
    result.notes.push(
      `merges ${foreign} upstream commit${foreign === 1 ? '' : 's'} of a branch other than the one followed`,
    );
  result.notes.push('a merge that is not an upstream sync: classified by what it changes');
  return false;
}

export function decide(l: DownstreamCommit, input: DecisionInput): Classification {
  const { policy, history, references, evidence } = input;
  const subject = l.message.split('\n')[0] ?? '';
  const result: Classification = {
    commit: l.commit,
    subject,
    class: 'violation',
    notes: [],
    warnings: [],
    parents: l.parents,
  };
  const f = history.facts.get(l.commit);
  if (asMerge(result, l, input)) return result;

  const declared = downstreamOnlyReason(policy, subject, l.message);
  if (declared) result.declared = declared.reason || '(no reason given)';
  // Every date a Xen stable message gives (a squash has one per upstream commit).
  for (const m of l.message.matchAll(/^\s*master date:\s*(.+?)\s*$/gim))
    result.notes.push(`master date: ${m[1]}`);
  const note = changeNote(l.message);

  // A backport: it names upstream commits of the development branch (several: a squash).
  const written = references.written.get(l.commit) ?? [];
  const problems: string[] = [];
  for (const ref of written) {
    const r = references.resolutions.get(ref.sha);
    if (!r?.commit || r.problem) problems.push(`${ref.line}: ${r?.problem ?? 'not resolved'}`);
  }
  const named = namedCommits(written, references.resolutions);
  if (named.length) {
    asBackport(result, named, written, note, input);
    for (const p of problems) result.warnings.push(`another reference is not usable: ${p}`);
    return result;
  }

  // The same patch as an upstream commit, with or without the surrounding context.
  const match = evidence.matches.get(l.commit);
  if (match) {
    result.class = 'upstream';
    result.upstream = match.commit;
    result.patch = patchMatch(f, history.facts.get(match.commit));
    if (result.patch === 'context-moved')
      result.notes.push('the same change as upstream with its context moved');
    if (problems.length) {
      const what = `${match.commit.slice(0, 12)} ("${match.subject}")`;
      for (const p of problems)
        result.warnings.push(
          `the reference is not usable: ${p}; the same patch as upstream ${what} is the commit to name`,
        );
    }
    if (declared)
      result.notes.push(
        `declared ${declared.marker} ${result.declared}, but upstream carries it now`,
      );
    const prefix = subjectPrefix(subject);
    if (prefix && prefix !== 'FROMLIST' && !written.length)
      result.warnings.push(`subject says ${prefix}: but names no upstream commit`);
    return result;
  }

  // A revert of a downstream commit moves the tree back toward upstream.
  const reverted = f?.reverts;
  if (reverted) {
    const target = evidence.downstreamIndex.find(reverted)[0];
    if (target) {
      result.class = 'revert';
      result.reverts = target;
      result.reason = revertReason(subject, l.message);
      return result;
    }
  }

  if (declared) {
    result.class = 'downstream-only';
    result.reason = result.declared;
    if (!declared.reason) result.warnings.push(`${declared.marker} gives no reason`);
    for (const p of problems) result.notes.push(`reference not usable: ${p}`);
    return result;
  }

  result.class = 'violation';
  const prefix = subjectPrefix(subject);
  if (problems.length) result.reason = problems.join('; ');
  else if (reverted)
    result.reason = `reverts ${reverted.slice(0, 12)}, which is not a downstream commit: the tree moves away from upstream`;
  else if (prefix === 'FROMLIST')
    result.reason = 'FROMLIST: a patch from a mailing list, not in the upstream development branch';
  else if (prefix)
    result.reason = `subject says ${prefix}: but names no upstream commit and matches no upstream patch`;
  else
    result.reason =
      'no upstream reference, not the same patch as an upstream commit, and not declared downstream-only';
  return result;
}
