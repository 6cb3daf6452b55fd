// reads an uploaded GeoJSON context layer (a FeatureCollection, a Feature or a bare geometry) into flat features.
import { parseJson } from '../parseJson.ts';
import type { Problem } from '../types.ts';
import { checkLayerGeometry } from './checkLayerGeometry.ts';
import { layerProperties } from './layerProperties.ts';
import { MAX_LAYER_ERRORS, MAX_LAYER_FEATURES } from './layerTypes.ts';
import type { LayerFeature, LayerMapping, LayerParse } from './layerTypes.ts';

const refuse = (rule: string, message: string): LayerParse => ({ ok: false, errors: [{ path: '(root)', rule, message }] });

/**
 * All-or-nothing: every feature becomes `{ id, geometry, properties: { name, category, theme? } }`, or the answer is
 * every problem (up to 50), each naming the feature (`features[3]`) and the rule. Input is never changed.
 * @example
 * parseGeoJsonLayer('{"type":"Feature","properties":{"name":"Library"},"geometry":{"type":"Point","coordinates":[-2.2,53.4]}}')
 * // => { ok: true, value: { type: 'FeatureCollection', features: [{ type: 'Feature', id: '1', geometry: { type: 'Point', coordinates: [-2.2, 53.4] }, properties: { name: 'Library', category: '' } }] } }
 */
export function parseGeoJsonLayer(text: string, mapping: LayerMapping = {}): LayerParse {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const root = parsed.value as { type?: unknown; features?: unknown } | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return refuse('invalid-root', 'expected a GeoJSON object');
  let items: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) return refuse('missing-features', 'the FeatureCollection has no "features" array');
    items = root.features;
  } else if (root.type === 'Feature') items = [root];
  else if (typeof root.type === 'string') items = [{ type: 'Feature', properties: {}, geometry: root }];
  else return refuse('missing-type', 'the GeoJSON has no "type"');
  if (items.length === 0) return refuse('no-features', 'the layer has no features');
  if (items.length > MAX_LAYER_FEATURES) return refuse('too-many-features', `the layer has ${items.length} features; at most ${MAX_LAYER_FEATURES}`);
  const errors: Problem[] = [];
  const features: LayerFeature[] = [];
  items.forEach((item, i) => {
    if (errors.length > MAX_LAYER_ERRORS) return; // one past the cap, so capErrors can say there were more
    const path = `features[${i}]`;
    const f = item as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      errors.push({ feature: i, path, rule: 'invalid-feature', message: `${path}: is not a GeoJSON Feature` });
      return;
    }
    const props = f.properties ?? {};
    if (typeof props !== 'object' || Array.isArray(props)) {
      errors.push({ feature: i, path: `${path}.properties`, rule: 'invalid-properties', message: `${path}: properties must be an object` });
      return;
    }
    const geometry = checkLayerGeometry(f.geometry);
    if (!geometry.ok) errors.push({ feature: i, path: `${path}.geometry`, rule: geometry.rule, message: `${path}: ${geometry.message}` });
    const { properties, problems } = layerProperties(props as Record<string, unknown>, mapping, { path, feature: i });
    errors.push(...problems);
    if (geometry.ok) features.push({ type: 'Feature', id: String(i + 1), geometry: geometry.geometry, properties });
  });
  if (errors.length) return { ok: false, errors: capErrors(errors) };
  return { ok: true, value: { type: 'FeatureCollection', features } };
}

/**
 * At most 50 problems, then one saying how many more there were.
 * @example
 * capErrors([]) // => []
 */
export function capErrors(errors: Problem[]): Problem[] {
  if (errors.length <= MAX_LAYER_ERRORS) return errors;
  return [...errors.slice(0, MAX_LAYER_ERRORS), { path: '(root)', rule: 'too-many-errors', message: `and more problems after the first ${MAX_LAYER_ERRORS}` }];
}
