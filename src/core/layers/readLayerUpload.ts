// the one codec of a layer upload `{ name, kind, format, data, mapping? }`: shape first, then the file itself.
import { z } from 'zod';
import { storableText } from '../storableText.ts';
import type { Problem } from '../types.ts';
import { zodProblems } from '../validatePin.ts';
import type { LayerCollection, LayerKind, LayerMapping } from './layerTypes.ts';
import { parseCsvLayer } from './parseCsvLayer.ts';
import { parseGeoJsonLayer } from './parseGeoJsonLayer.ts';

const column = z.string().min(1).max(200).superRefine(storableText('column'));
const uploadSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120).superRefine(storableText('name')),
  kind: z.enum(['assets', 'reference']),
  format: z.enum(['geojson', 'csv']),
  // GeoJSON may come as text or as the object itself
  data: z.union([z.string(), z.record(z.string(), z.unknown())]),
  mapping: z.object({
    name: column.optional(),
    category: column.optional(),
    lon: column.optional(),
    lat: column.optional(),
    themeByCategory: z.record(z.string().max(100), z.string().min(1).max(100)).optional(),
  }).strict().optional(),
}).strict();

export interface LayerUpload {
  name: string;
  kind: LayerKind;
  features: LayerCollection;
}

/**
 * Reads a planner's upload and parses its file: the layer to store, or every problem (the body's fields as
 * `layer.<field>`, the file's as `row N` / `features[i]`). Themes named in the mapping must be in `themeIds`.
 * @example
 * readLayerUpload({ name: 'Libraries', kind: 'assets', format: 'csv', data: 'name,lon,lat\nCentral,-2.24,53.48' }, ['green']).ok // => true
 */
export function readLayerUpload(body: unknown, themeIds: readonly string[]): { ok: true; value: LayerUpload } | { ok: false; errors: Problem[] } {
  const shape = uploadSchema.safeParse(body);
  if (!shape.success) return { ok: false, errors: zodProblems(shape.error, 'layer') };
  const { name, kind, format, data, mapping } = shape.data;
  const unknownThemes = Object.entries(mapping?.themeByCategory ?? {}).filter(([, t]) => !themeIds.includes(t));
  if (unknownThemes.length) {
    return { ok: false, errors: unknownThemes.map(([c, t]) => ({ path: `layer.mapping.themeByCategory.${c}`, rule: 'unknown-theme', message: `"${t}" is not a theme of this consultation` })) };
  }
  if (format === 'csv' && typeof data !== 'string') return { ok: false, errors: [{ path: 'layer.data', rule: 'invalid-csv', message: 'a CSV layer\'s data must be the text of the file' }] };
  const clean: LayerMapping = mapping ?? {};
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const parsed = format === 'csv' ? parseCsvLayer(text, clean) : parseGeoJsonLayer(text, clean);
  return parsed.ok ? { ok: true, value: { name, kind, features: parsed.value } } : parsed;
}
