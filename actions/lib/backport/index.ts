/**
 * What the backport part exports for the other parts of the library (ESLint lets a part import
 * another only through its index.ts): the divergence report, which track's sync pull request
 * quotes, and the one answer to "is this upstream commit already downstream?", which track's
 * backport scan reads as the backport check does. The front ends (the action's main.ts, cli/) import the part's files themselves.
 */
export { divergence, type DivergenceOptions, type DivergenceReport } from './divergence.js';
export { alreadyDownstream, type Carried, type DownstreamOptions } from './downstream.js';
export { defaultPolicy, type Policy } from './policy.js';
