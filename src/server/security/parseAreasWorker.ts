// worker thread body: validates one boundaries upload with core parseAreas, away from the thread that answers requests.
import { parseAreas } from '../../core/parseAreas.ts';
import { serveInWorker } from '../workers/serveInWorker.ts';
import { sliceJson } from './chunkedJson.ts';

// the answer goes back as JSON texts of at most ~64 KB: strings cross threads far faster than a structured clone of
// every position, and the requesting thread reads them one at a time between other requests
serveInWorker((text: string) => ({ value: sliceJson(parseAreas(text)) }));
