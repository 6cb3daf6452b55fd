// pins opened for analysis (a file or the app's pins), validated and turned into typed columns plus what the dashboard lists.
import { buildPinTable, PinInputError, type PinTable } from './pinTable.ts';
import type { Problem } from './types.ts';

/** The largest pins file the planner view accepts. */
export const MAX_ANALYSIS_PINS = 1_000_000;

export interface PlannerPins {
  table: PinTable;
  /** per row: the pin's title (trimmed to 80 characters), '' when it has none */
  titles: string[];
  /** per row: properties.supports when it is a non-negative integer, else 0 */
  supports: Uint32Array;
  /** per row: the feature's id (its `id`, else properties.id), '' when it has none */
  ids: string[];
  warnings: Problem[];
}

/**
 * Parses (when given text) and validates a GeoJSON FeatureCollection of pins for the planner view.
 * Throws PinInputError with specific problems: not JSON, not a FeatureCollection, more than `maxPins` (a file in the
 * planner view: MAX_ANALYSIS_PINS; the server's own pins are not limited), bad features.
 * @example
 * const { table, titles } = loadPlannerPins('{"type":"FeatureCollection","features":[]}');
 * table.length // => 0
 */
export function loadPlannerPins(input: string | unknown, maxPins: number = MAX_ANALYSIS_PINS): PlannerPins {
  let pins: unknown = input;
  if (typeof input === 'string') {
    try {
      pins = JSON.parse(input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new PinInputError([{ path: '(root)', rule: 'not-json', message: `the file is not valid JSON (${detail})` }]);
    }
  }
  const features = (pins as { features?: unknown } | null)?.features;
  if (Array.isArray(features) && features.length > maxPins) {
    throw new PinInputError([
      { path: 'features', rule: 'too-many-pins', message: `the file has ${features.length} pins; the planner view reads at most ${maxPins}` },
    ]);
  }
  const { table, warnings } = buildPinTable(pins);
  const list = features as Array<{ id?: unknown; properties?: Record<string, unknown> | null }>;
  const titles = new Array<string>(table.length);
  const supports = new Uint32Array(table.length);
  const ids = new Array<string>(table.length);
  for (let r = 0; r < table.length; r++) {
    const feature = list[table.feature[r]!];
    const props = feature?.properties;
    const id = feature?.id ?? props?.id;
    ids[r] = typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '';
    const title = props?.title;
    titles[r] = typeof title === 'string' ? title.trim().slice(0, 80) : '';
    const s = props?.supports;
    supports[r] = typeof s === 'number' && Number.isInteger(s) && s > 0 ? Math.min(s, 4_294_967_295) : 0;
  }
  return { table, titles, supports, ids, warnings };
}
