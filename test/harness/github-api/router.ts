/** Route matching: `{name}` takes one path segment, `{name+}` several (refs, branches). */
import type { Route } from './context.js';

export interface CompiledRoute extends Route {
  segments: { name?: string; greedy?: boolean; literal?: string }[];
}

export function compile(route: Route): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\{([a-z_]+)(\+?)\}$/.exec(s);
      return m ? { name: m[1], greedy: m[2] === '+' } : { literal: s };
    });
  return { ...route, segments };
}

export function match(route: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  let i = 0;
  for (const [k, seg] of route.segments.entries()) {
    if (seg.literal !== undefined) {
      if (parts[i] !== seg.literal) return undefined;
      i++;
    } else if (seg.greedy) {
      // A greedy parameter takes what the segments after it leave over.
      const rest = route.segments.length - k - 1;
      const end = parts.length - rest;
      if (end <= i) return undefined;
      params[seg.name!] = parts.slice(i, end).map(decodeURIComponent).join('/');
      i = end;
    } else {
      if (i >= parts.length || parts[i] === '') return undefined;
      params[seg.name!] = decodeURIComponent(parts[i]);
      i++;
    }
  }
  return i === parts.length ? params : undefined;
}
