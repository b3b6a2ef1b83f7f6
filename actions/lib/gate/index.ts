/**
 * What the gate part offers the other parts (ESLint lets a part import another only through
 * its index.ts): flight records as notes of the hosted tree (read many at once, fetched,
 * published with leases), a finished flight's results folder, and the regression rules, so
 * the history page shows a flight as the gate decided it. The front ends (the push-gate
 * action's main.ts, cli/gate.ts) import the part's files themselves.
 */
export { decideFlight, type Finding } from './decide.js';
export { stepPast } from './history.js';
export { readFlightsOf } from './notes.js';
export { fetchNotes, publishFlight, usePartialClone } from './publish.js';
export { readResults, type FlightResults } from './results.js';
