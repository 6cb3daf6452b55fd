// worker thread body: parses stored areas, with their locator's boxes, or derives the planner engine's areas from them,
// away from the main thread.
import { areaLocatorBoxes } from '../../core/createAreaLocator.ts';
import { engineAreas } from '../../core/engineAreas.ts';
import type { AreaCollection } from '../../core/types.ts';
import { sliceJson } from '../security/chunkedJson.ts';
import type { AreasAnswer, LoadAreasJob } from './loadAreas.ts';
import { serveInWorker } from './serveInWorker.ts';

/** every buffer under a value of typed arrays, once each (a transfer list may not name one twice) */
function buffersOf(value: unknown, found = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (value instanceof ArrayBuffer) found.add(value);
  else if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) buffersOf(item, found);
  return found;
}

serveInWorker((job: LoadAreasJob) => {
  const areas = JSON.parse(job.text) as AreaCollection;
  const value: AreasAnswer = job.kind === 'engine' ? { kind: 'engine', engine: engineAreas(areas) } : { kind: 'areas', areas: sliceJson(areas), boxes: areaLocatorBoxes(areas) };
  return { value, transfer: [...buffersOf(value)] };
});
