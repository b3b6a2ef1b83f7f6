/**
 * What the backport part exports for the other parts of the library (ESLint lets a part import
 * another only through its index.ts): the divergence report, which track's sync pull request
 * quotes. The front ends (the action's main.ts, cli/) import the part's files themselves.
 */
export { divergence, type DivergenceOptions, type DivergenceReport } from './divergence.js';
