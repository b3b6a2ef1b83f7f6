/**
 * Where a pin lives in the consumer's tree: a Makefile-style variable, a line a user's regular
 * expression matches, or a submodule's gitlink. Every miss is a ConfigurationError naming the
 * input, found before anything is written.
 */
import { settingError } from '../errors.js';
import type { Git } from '../git.js';
import type { PinSettings } from './settings.js';

export interface PinSpot {
  /** What is pinned, for keys and titles: `Config.mk:SEABIOS_UPSTREAM_REVISION`. */
  subject: string;
  name: string;
  value: string;
  /** The new content of the file (or the gitlink) for a new value. */
  write(value: string, sha: string): Promise<{ mode: string; object: string; path: string }>;
}

export interface Assignment {
  /** 1-based line number. */
  line: number;
  text: string;
  operator: string;
  value: string;
  /** Where the value is in the file's content. */
  start: number;
  end: number;
}

/** The operators that set a pin; `+=` appends and `!=` runs a shell, so neither is a pin. */
const SETTING = new Set(['=', ':=', '::=', '?=']);

/** Every line that assigns `variable` (outside `define` blocks and continued lines). */
export function assignmentsOf(content: string, variable: string): Assignment[] {
  const name = variable.replace(/[.]/g, '\\.');
  const re = new RegExp(
    `^([ \\t]*(?:(?:override|export|private)[ \\t]+)*${name}[ \\t]*(\\?=|:::=|::=|:=|\\+=|!=|=)[ \\t]*)(.*)$`,
  );
  const out: Assignment[] = [];
  let offset = 0;
  let continued = false;
  let inDefine = false;
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    const wasContinued = continued;
    continued = /(^|[^\\])(\\\\)*\\$/.test(text);
    if (wasContinued) return;
    if (inDefine) {
      if (/^[ \t]*endef\b/.test(text)) inDefine = false;
      return;
    }
    if (/^[ \t]*(?:(?:override|export|private)[ \t]+)*define[ \t]/.test(text)) {
      inDefine = true;
      return;
    }
    const m = re.exec(text);
    if (!m) return;
    // The value ends at a comment (`#` not escaped) and loses trailing blanks.
    const value = m[3].replace(/(^|[^\\])#.*$/, '$1').replace(/[ \t]+$/, '');
    const at = start + m[1].length;
    out.push({ line: i + 1, text, operator: m[2], value, start: at, end: at + value.length });
  });
  return out;
}

/**
 * The pin line of a variable: the last that sets it with `=`, `:=` or `?=` to a value with
 * no `$(` or `${`. Xen's Config.mk first assigns SEABIOS_UPSTREAM_REVISION from a legacy
 * variable inside an `ifneq` block; the pin is the plain assignment below it.
 */
export function pinAssignment(
  content: string,
  variable: string,
  where: { file: string; target: string },
): Assignment {
  const all = assignmentsOf(content, variable);
  const plain = all.filter(
    (a) => SETTING.has(a.operator) && a.value !== '' && !/\$[({]/.test(a.value),
  );
  if (plain.length) return plain[plain.length - 1];
  if (!all.length)
    throw settingError(
      'pin-variable',
      `${where.file} in ${where.target} has no assignment to ${variable} (expected a line like '${variable} ?= <revision>').`,
    );
  throw settingError(
    'pin-variable',
    [
      `${where.file} in ${where.target} never sets ${variable} to a plain revision (with =, := or ?=, and no $( or \${ in the value), so there is no pin to move. The lines that assign it:`,
      ...all.map((a) => `  ${where.file}:${a.line}: ${a.text.trim()}`),
    ].join('\n'),
  );
}

/** Finds the pin in the consumer's tree at `target` (a commit; `targetName` its branch). */
export async function locatePin(
  git: Git,
  p: PinSettings,
  target: string,
  targetName: string,
): Promise<PinSpot> {
  if (p.submodule !== undefined) return locateSubmodule(git, p.submodule, target, targetName);
  const file = p.file!;
  const entry = await git.treeEntry(target, file);
  if (entry?.type !== 'blob')
    throw settingError('pin-file', `${file} does not exist in ${targetName}.`);
  const { mode, oid: blob } = entry;
  const content = await git.readBlob(blob);
  let found: { start: number; end: number; value: string };
  let subject: string;
  let name: string;
  if (p.variable) {
    found = pinAssignment(content, p.variable, { file, target: targetName });
    subject = `${file}:${p.variable}`;
    name = p.variable;
  } else {
    const match = new RegExp(p.pattern!.source, 'md').exec(content);
    if (!match?.indices?.[1])
      throw settingError(
        'pin-pattern',
        `'${p.pattern!.source}' matches nothing in ${file} in ${targetName}.`,
      );
    const [start, end] = match.indices[1];
    found = { start, end, value: match[1] };
    subject = `${file}:/${p.pattern!.source}/`;
    name = `the pin in ${file}`;
  }
  return {
    subject,
    name,
    value: found.value,
    write: async (value) => {
      const updated = content.slice(0, found.start) + value + content.slice(found.end);
      const object = await git.writeBlob(updated);
      return { mode, object, path: file };
    },
  };
}

async function locateSubmodule(
  git: Git,
  submodule: string,
  target: string,
  targetName: string,
): Promise<PinSpot> {
  const path = submodule.replace(/\/+$/, '');
  const entry = await git.treeEntry(target, path);
  if (!entry) throw settingError('pin-submodule', `${path} does not exist in ${targetName}.`);
  if (entry.mode !== '160000')
    throw settingError(
      'pin-submodule',
      `${path} is not a submodule in ${targetName} (it is a ${entry.type}, not a gitlink).`,
    );
  return {
    subject: `submodule:${path}`,
    name: `submodule ${path}`,
    value: entry.oid,
    write: async (_value, sha) => ({ mode: '160000', object: sha, path }),
  };
}
