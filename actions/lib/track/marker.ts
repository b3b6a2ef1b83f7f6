/**
 * The machine-readable marker that identifies a pull request (or conflict issue) of ours: an
 * HTML comment in its body, invisible on GitHub, never the title (people edit titles). It
 * also records what tributary last pushed, so a person's push to the branch is recognised.
 */
import type { TrackMode } from './settings.js';

export const MARKER_PREFIX = '<!-- tributary:track ';

export interface Marker {
  v: 1;
  mode: TrackMode;
  target: string;
  /** Per-commit backports: the upstream commit; pin: what is pinned (file and variable...). */
  subject?: string;
  /** The commit tributary last pushed to the branch. */
  head?: string;
  /** What the branch was made from: the upstream head, the picked commits, the new pin. */
  source?: string;
  /** Batch backports: the upstream commits the branch carries, in order. */
  commits?: string[];
}

/** The key of a purpose: one open pull request per key, ever. */
export function markerKey(m: Pick<Marker, 'mode' | 'target' | 'subject'>): string {
  return [m.mode, m.target, m.subject].filter((x) => x !== undefined && x !== '').join(':');
}

export function renderMarker(m: Marker): string {
  // `--` cannot appear inside an HTML comment; JSON never needs it but a subject might.
  return `${MARKER_PREFIX}${JSON.stringify(m).replace(/--/g, '-\\u002d')} -->`;
}

/** The marker in a body, or undefined when the body has none (or a damaged one). */
export function parseMarker(body: string | null | undefined): Marker | undefined {
  if (!body) return undefined;
  const start = body.indexOf(MARKER_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  if (end < 0) return undefined;
  try {
    const m = JSON.parse(body.slice(start + MARKER_PREFIX.length, end)) as Marker;
    if (m?.v !== 1 || typeof m.mode !== 'string' || typeof m.target !== 'string') return undefined;
    return m;
  } catch {
    return undefined;
  }
}
