/**
 * The one marker that makes a pull request, an issue or a comment ours: an HTML comment in its
 * body (invisible on GitHub; never the title, which people edit), naming what it is for.
 *
 *   <!-- tributary:<kind> <key> -->
 *   <!-- tributary:<kind> <key>
 *   {"a":"JSON payload, for a part that keeps state in the body"} -->
 *
 * `kind` says which part keeps it (`track`, `divergence`, `watch`), `key` which purpose of that
 * part: one open item per kind and key. Two older forms are still read, so nothing opened
 * before is opened again: the backport report's `<!-- tributary:divergence <subject> -->`
 * (this very form without a payload) and track's `<!-- tributary:track {JSON} -->`, whose key
 * the caller derives from the payload (`keyOf`).
 */

export interface Marker {
  kind: string;
  key: string;
  payload?: unknown;
}

/** A key as written: one line, no `--` (which would end the HTML comment early). */
export function markerKeyText(key: string): string {
  return key.replace(/\s+/g, ' ').trim().replace(/-{2,}/g, '-');
}

export function renderMarker(kind: string, key: string, payload?: unknown): string {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`A marker kind is [a-z0-9-]: '${kind}'`);
  const head = `<!-- tributary:${kind} ${markerKeyText(key)}`;
  if (payload === undefined) return `${head} -->`;
  // JSON never needs `--` outside strings, and inside them it is escaped: the comment stays whole.
  return `${head}\n${JSON.stringify(payload).replace(/--/g, '-\\u002d')} -->`;
}

const MARKER = /<!-- tributary:([a-z][a-z0-9-]*) ([^\n]*?)(?:\n(\{[^\n]*\}))? -->/g;

/**
 * The markers of `kind` in a body, oldest form included. `keyOf` gives the key of a marker in
 * the old JSON-only form from its payload; without it such a marker is skipped. A damaged
 * payload makes no marker: the item is not ours to change.
 */
export function parseMarkers(
  body: string | null | undefined,
  kind: string,
  keyOf?: (payload: unknown) => string | undefined,
): Marker[] {
  const found: Marker[] = [];
  for (const m of (body ?? '').matchAll(MARKER)) {
    if (m[1] !== kind) continue;
    const text = m[2].trim();
    try {
      if (m[3] !== undefined) {
        found.push({ kind, key: markerKeyText(text), payload: JSON.parse(m[3]) });
      } else if (text.startsWith('{')) {
        // The old form: `<!-- tributary:track {JSON} -->`, the key implied by the payload.
        const payload: unknown = JSON.parse(text);
        const key = keyOf?.(payload);
        if (key !== undefined) found.push({ kind, key: markerKeyText(key), payload });
      } else found.push({ kind, key: markerKeyText(text) });
    } catch {
      continue;
    }
  }
  return found;
}

/** The first marker of `kind` in a body, or undefined. */
export function parseMarker(
  body: string | null | undefined,
  kind: string,
  keyOf?: (payload: unknown) => string | undefined,
): Marker | undefined {
  return parseMarkers(body, kind, keyOf)[0];
}

/** Whether a body carries the marker of this kind and key, in any form. */
export function hasMarker(
  body: string | null | undefined,
  kind: string,
  key: string,
  keyOf?: (payload: unknown) => string | undefined,
): boolean {
  const want = markerKeyText(key);
  return parseMarkers(body, kind, keyOf).some((m) => m.key === want);
}
