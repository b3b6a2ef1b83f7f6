/**
 * The trees a mirrored tree carries as submodules (QEMU carries SeaBIOS as roms/seabios):
 * read from `.gitmodules` at each mirrored head, straight from the object store (no checkout),
 * so they can be mirrored beside it. A `.gitmodules` is upstream's data: its URLs pass the
 * same checks as a source input, and one that does not is skipped with a warning.
 */
import { posix } from 'node:path';
import { errorMessage } from '../errors.js';
import { transportOf, type Git, type Remote } from '../git.js';
import type { Logger } from '../log.js';
import { parseRemote } from './settings.js';

export interface SubmoduleTree {
  /** The tree's name for the destination template: the last part of its URL, without .git. */
  name: string;
  /** The submodule's name and path in .gitmodules, for messages. */
  path: string;
  source: Remote;
}

/** Resolves a .gitmodules URL, which may be relative (`../seabios.git`) to the superproject's. */
export function resolveSubmoduleUrl(url: string, superproject: Remote): string | undefined {
  if (!url.startsWith('./') && !url.startsWith('../')) return url;
  if (transportOf(superproject.url) === 'local') return posix.resolve(superproject.url, url);
  if (/^[a-z]+:\/\//.test(superproject.url))
    return new URL(url, superproject.url.replace(/\/*$/, '/')).href;
  return undefined; // relative to an scp-like address: no well-defined answer
}

export function treeName(url: string): string {
  const last = url.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  return last.replace(/\.git$/, '');
}

/** The distinct submodule trees referenced by `.gitmodules` at any of the given commits. */
export async function submoduleTrees(
  store: Git,
  heads: string[],
  superproject: Remote,
  logger: Logger,
): Promise<SubmoduleTree[]> {
  const found = new Map<string, SubmoduleTree>();
  const blobs = new Set<string>();
  for (const head of heads) {
    const entry = await store.treeEntry(head, '.gitmodules');
    if (entry?.type === 'blob') blobs.add(entry.oid);
  }
  for (const blob of blobs) {
    for (const [key, written] of await store.blobConfig(blob, '^submodule\\..*\\.url$')) {
      const path = key.slice('submodule.'.length, -'.url'.length);
      const url = resolveSubmoduleUrl(written, superproject);
      try {
        if (!url) throw new Error(`a relative URL needs a superproject URL with a scheme`);
        const source = parseRemote(`submodule ${path}`, url);
        // The source token goes only to the same server as the superproject.
        if (superproject.token && sameOrigin(source.url, superproject.url))
          source.token = superproject.token;
        if (!found.has(source.url))
          found.set(source.url, { name: treeName(source.url), path, source });
      } catch (e) {
        logger.warning(`Submodule ${path} is not mirrored: ${errorMessage(e)}`, {
          title: 'Submodule skipped',
        });
      }
    }
  }
  return [...found.values()];
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
