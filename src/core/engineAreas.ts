// what the planner engine derives from its areas before any pin: checked, indexed and bounded, once per set of areas.
import { areasBbox } from './aggregateAreas.ts';
import { checkAggregationAreas } from './aggregationAreasInput.ts';
import { buildAreaIndex, type AreaIndex } from './areaIndex.ts';
import type { Problem } from './types.ts';

/** plain data and typed arrays only, so it can be made in a worker and handed over */
export interface EngineAreas {
  nAreas: number;
  index: AreaIndex;
  bbox: [number, number, number, number];
  warnings: Problem[];
}

/**
 * Checks areas for aggregation (throws AreaInputError) and builds their lookup index and bounds: the part of
 * createPlannerEngine().load that reads every position of every area.
 * @example
 * const prepared = engineAreas(areas); // in a worker
 * engine.load(areas, pins, { prepared }); // where the engine lives
 */
export function engineAreas(input: unknown): EngineAreas {
  const checked = checkAggregationAreas(input);
  return { nAreas: checked.areas.features.length, index: buildAreaIndex(checked.areas), bbox: areasBbox(checked.areas), warnings: checked.warnings };
}
