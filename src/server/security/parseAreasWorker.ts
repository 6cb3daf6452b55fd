// worker thread body: validates one boundaries upload with core parseAreas, away from the thread that answers requests;
// for an accepted one it also writes the text to store and locates the consultation's pins in the new areas.
import { createAreaLocator } from '../../core/createAreaLocator.ts';
import { parseAreas } from '../../core/parseAreas.ts';
import { serveInWorker } from '../workers/serveInWorker.ts';
import { sliceJson } from './chunkedJson.ts';
import { ANSWERED_WARNINGS } from './parseAreasInWorker.ts';
import type { AreasCheck, AreasCheckJob } from './parseAreasInWorker.ts';

// the answer goes back as JSON texts of at most ~64 KB: strings cross threads far faster than a structured clone of
// every position, and the requesting thread reads them one at a time between other requests
serveInWorker((job: AreasCheckJob): { value: AreasCheck } => {
  const validated = parseAreas(job.text);
  if (!validated.ok || !job.positions) return { value: { validated: sliceJson(validated) } };
  // the same locator the route used on the main thread, so every pin gets exactly the area it got there
  const locate = createAreaLocator(validated.value);
  const { positions } = job;
  const located: (string | null)[] = new Array(positions.length / 2);
  for (let i = 0; i < located.length; i++) located[i] = locate([positions[i * 2]!, positions[i * 2 + 1]!]);
  // a file of 40k features sharing one id has 40k warnings: the answer names the first ones and says how many there were
  const { warnings } = validated;
  const accepted = { features: validated.value.features.length, warnings: warnings.slice(0, ANSWERED_WARNINGS), warningCount: warnings.length, stored: JSON.stringify(validated.value), located };
  return { value: { accepted } };
});
