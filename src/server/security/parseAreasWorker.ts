// worker thread body: validates one boundaries upload with core parseAreas, away from the thread that answers requests.
import { parentPort } from 'node:worker_threads';
import { parseAreas } from '../../core/parseAreas.ts';
import { sliceJson } from './chunkedJson.ts';

// the answer goes back as JSON texts of at most ~64 KB: strings cross threads far faster than a structured clone of
// every position, and the requesting thread reads them one at a time between other requests
parentPort?.once('message', (text: string) => {
  parentPort?.postMessage(sliceJson(parseAreas(text)));
});
