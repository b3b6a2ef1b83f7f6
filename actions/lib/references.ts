/**
 * The ways a downstream commit names the upstream commit it comes from, in the forms the
 * ecosystems use (git's -x, Linux stable, Xen stable, Android and ChromiumOS). Shared by the
 * backport policy (is the named commit upstream?) and tracking (is a candidate already here?).
 */
export type ReferenceForm =
  | 'cherry-picked' // (cherry picked from commit <sha>)      git -x, Xen and QEMU stable
  | 'upstream-commit' // commit <sha> upstream.                Linux stable
  | 'upstream-bracket' // [ Upstream commit <sha> ]            Linux stable (brackets optional)
  | 'master-commit' // master commit: <sha>                    Xen stable branches
  | 'backported-from' // (backported from commit <sha>)
  | 'backport-of' // Backport-of: <sha>
  | 'custom'; // a pattern the user added

export interface UpstreamReference {
  form: ReferenceForm;
  /** As written: may be abbreviated; the caller resolves it and decides if it is long enough. */
  sha: string;
  /** The whole line it was read from. */
  line: string;
}

const FORMS: { form: ReferenceForm; re: RegExp }[] = [
  { form: 'cherry-picked', re: /^\s*\(cherry[ -]picked from commit ([0-9a-zA-Z]+)\)\s*$/i },
  { form: 'upstream-commit', re: /^\s*commit ([0-9a-zA-Z]+) upstream\.?\s*$/i },
  // Also without the brackets, as some stable trees write it by hand.
  { form: 'upstream-bracket', re: /^\s*(?:\[\s*)?Upstream commit ([0-9a-zA-Z]+)(?:\s*\])?\s*$/i },
  { form: 'master-commit', re: /^\s*master commit:\s*([0-9a-zA-Z]+)\s*$/i },
  { form: 'backported-from', re: /^\s*\(backported from commit ([0-9a-zA-Z]+)\)\s*$/i },
  { form: 'backport-of', re: /^\s*Backport-of:\s*([0-9a-zA-Z]+)\s*$/i },
];

/** Android/ChromiumOS subject prefixes that say where a change comes from. */
export const SUBJECT_PREFIXES = ['UPSTREAM', 'BACKPORT', 'FROMGIT', 'FROMLIST'] as const;
export type SubjectPrefix = (typeof SUBJECT_PREFIXES)[number];

/** The Android/ChromiumOS prefix of a subject line (`UPSTREAM: foo`), if any. */
export function subjectPrefix(subject: string): SubjectPrefix | undefined {
  const m = /^(UPSTREAM|BACKPORT|FROMGIT|FROMLIST):/.exec(subject.trim());
  return m ? (m[1] as SubjectPrefix) : undefined;
}

/**
 * Every upstream reference in a commit message, in order. `extra` patterns are the user's own:
 * each must have one capture group, the commit id.
 */
export function findReferences(message: string, extra: RegExp[] = []): UpstreamReference[] {
  const found: UpstreamReference[] = [];
  for (const line of message.split('\n')) {
    for (const { form, re } of FORMS) {
      const m = re.exec(line);
      if (m) found.push({ form, sha: m[1].toLowerCase(), line: line.trim() });
    }
    for (const re of extra) {
      const m = re.exec(line);
      if (m?.[1]) found.push({ form: 'custom', sha: m[1].toLowerCase(), line: line.trim() });
    }
  }
  return found;
}

/** `This reverts commit <sha>.`: the commit a revert undoes. */
export function revertedCommit(message: string): string | undefined {
  const m = /This reverts commit ([0-9a-fA-F]{7,64})/.exec(message);
  return m?.[1].toLowerCase();
}

/** `Fixes: <sha> ("subject")`: the commits a fix names. */
export function fixesReferences(message: string): string[] {
  const out: string[] = [];
  for (const line of message.split('\n')) {
    const m = /^\s*Fixes:\s*([0-9a-fA-F]{7,64})\b/i.exec(line);
    if (m) out.push(m[1].toLowerCase());
  }
  return out;
}

/** Whether a written commit id is hexadecimal at all (a reference to `xyz` is a violation). */
export function isHexId(sha: string): boolean {
  return /^[0-9a-f]+$/i.test(sha);
}

/** Xen's `master date: <date>` line, which goes with `master commit:` on stable branches. */
export function masterDate(message: string): string | undefined {
  return /^\s*master date:\s*(.+?)\s*$/im.exec(message)?.[1];
}
