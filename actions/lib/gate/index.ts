/**
 * What the gate part offers the other parts (ESLint lets a part import another only through
 * its index.ts): flight records as notes of the hosted tree (fetched, published with
 * leases), a finished flight's results folder, and the regression rules, so
 * the history page shows a flight as the gate decided it. The front ends (the push-gate
 * action's main.ts, cli/gate.ts) import the part's files themselves.
 */
export { decideFlight, type Finding } from './decide.js';
export { carryHistory, stepPast } from './history.js';
export { fetchNotes, usePartialClone } from './hosted.js';
export { publishFlight } from './publish.js';
export { readResults, type FlightResults } from './results.js';
