/**
 * What the history part offers the other parts (ESLint lets a part import another only through
 * its index.ts): the series' flights read newest first, only as far back as asked (the watch
 * finds the previous flight of a series with it), and the one fetch of the notes a partial
 * clone lacks. The front ends import the part's files themselves.
 */
export { prefetchBlobs } from './fetch.js';
export { loadFlights, RECORD_SUBJECT, type LoadedFlights } from './source.js';
