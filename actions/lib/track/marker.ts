/**
 * What track keeps in the marker of its pull requests and conflict issues (the GitHub
 * module's one marker, kind `track`): the purpose's key, and the state as payload, which
 * records what tributary last pushed so that a person's push to the branch is recognised.
 * Bodies under the old form (`<!-- tributary:track {JSON} -->`) are still read.
 */
import { parseMarker as parseAnyMarker, renderMarker as renderAnyMarker } from '../github.js';
import type { TrackMode } from './settings.js';

export const MARKER_KIND = 'track';

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

function valid(p: unknown): p is Marker {
  const m = p as Marker | null;
  return m?.v === 1 && typeof m.mode === 'string' && typeof m.target === 'string';
}

/** The key of an old-form marker: implied by its payload. */
export function keyOfPayload(p: unknown): string | undefined {
  return valid(p) ? markerKey(p) : undefined;
}

export function renderMarker(m: Marker): string {
  return renderAnyMarker(MARKER_KIND, markerKey(m), m);
}

/** The marker in a body, or undefined when the body has none (or a damaged one). */
export function parseMarker(body: string | null | undefined): Marker | undefined {
  const m = parseAnyMarker(body, MARKER_KIND, keyOfPayload);
  return m && valid(m.payload) ? m.payload : undefined;
}
