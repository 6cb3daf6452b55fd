// reads an uploaded boundaries file into named, uniquely identified RFC 7946 areas, or says precisely what is wrong.
//
// decisions (each one is pinned by a test in test/unit/parseAreas.test.ts or test/unit/sharedData.test.ts):
// | input                                                        | outcome  | rule                      |
// |--------------------------------------------------------------|----------|---------------------------|
// | text that is not JSON                                        | error    | invalid-json (line, col)  |
// | root not an object (null, string, array)                     | error    | invalid-root              |
// | root without `type` / with an unknown `type`                 | error    | missing-type / unknown-type |
// | FeatureCollection without a `features` array                 | error    | missing-features          |
// | bare Feature, bare Polygon or MultiPolygon                   | accepted | warning wrapped-root      |
// | bare Point, LineString, GeometryCollection … (or a feature's) | error    | not-an-area               |
// | feature whose `type` is not "Feature"                        | error    | invalid-feature-type      |
// | properties an array or a scalar / properties null or absent  | error / accepted | invalid-properties |
// | feature `id` that is not a string or number                  | error    | invalid-id                |
// | geometry null                                                | skipped  | warning null-geometry     |
// | geometry with `coordinates: []`                              | skipped  | warning empty-geometry    |
// | nothing left after skipping                                  | error    | no-areas                  |
// | coordinates not arrays, too shallow/deep, text, non-finite   | error    | invalid-coordinates       |
// | ring with < 4 positions / first ≠ last                       | error    | ring-too-short / ring-not-closed |
// | 3D positions, and 4+ element positions (measures)            | accepted | one warning dropped-z     |
// | repeated consecutive positions                               | removed  | one warning repeated-vertices |
// | clockwise exteriors or counter-clockwise holes               | rewound  | one warning rewound       |
// | any position outside ±180/±90, or a `crs` other than CRS84   | error    | projected-coordinates     |
// | ring crossing/touching itself; rings crossing; members overlapping | error | self-intersection   |
// | duplicate ids                                                | renamed  | warning duplicate-id ("x-2") |
// | legacy `crs` naming CRS84 / EPSG:4326, other foreign members | dropped from the output (not RFC 7946 areas) |
// errors are all collected (not only the first) up to MAX_ERRORS, then one "too-many-errors" entry.
import type { AreaCollection, AreaFeature, AreaGeometry, Problem, Validated } from './types.ts';
import { checkAreaGeometry, describe } from './checkAreaGeometry.ts';
import { findSelfIntersections } from './findSelfIntersections.ts';
import { parseJson } from './parseJson.ts';
import { rewindArea } from './rewindArea.ts';

export const MAX_ERRORS = 50;
const NAME_KEYS = ['name', 'area_name', 'NAME', 'Name', 'ward_name', 'neighbourhood', 'label'];
const ID_KEYS = ['id', 'area_code', 'CODE', 'code'];
const WGS84_CRS = /CRS84$|EPSG:{1,2}4326$/i;

interface OutOfRange {
  feature: number;
  path: string;
  position: number[];
  /** how many features have any position out of range */
  features: number;
}

interface Candidate {
  index: number;
  path: string;
  raw: Record<string, unknown>;
  properties: Record<string, unknown>;
  name: string;
  geometry: AreaGeometry;
}

/**
 * Parses the text of a boundaries file (GeoJSON) into areas: Polygon/MultiPolygon features in RFC 7946 winding,
 * each with a unique string `id` (also in `properties.id`) and a `properties.name`. See the table above for every decision.
 * @example
 * const result = parseAreas('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}');
 * // => { ok: true, value: { type: 'FeatureCollection', features: [{ id: 'area-1', properties: { id: 'area-1', name: 'Area 1' }, … }] },
 * //      warnings: [{ rule: 'wrapped-root', … }, { rule: 'rewound', … }] }
 */
export function parseAreas(text: string): Validated<AreaCollection> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error], warnings };
  const root = parsed.value;
  const rootError = (rule: string, message: string, path = '(root)'): Validated<AreaCollection> => ({ ok: false, errors: [{ path, rule, message }], warnings });

  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return rootError('invalid-root', `expected a GeoJSON object (a FeatureCollection of areas), found ${describe(root)}`);
  }
  const { type } = root as { type?: unknown };
  if (type === undefined) return rootError('missing-type', 'the file has no "type": expected a GeoJSON FeatureCollection');
  let raws: unknown[];
  let prefix: (i: number) => string;
  if (type === 'FeatureCollection') {
    const { features } = root as { features?: unknown };
    if (!Array.isArray(features)) return rootError('missing-features', `a FeatureCollection needs a "features" array, found ${describe(features)}`, 'features');
    raws = features;
    prefix = (i) => `features[${i}]`;
  } else if (type === 'Feature') {
    warnings.push({ path: '(root)', rule: 'wrapped-root', message: 'the file holds a single Feature, not a FeatureCollection; it was read as one area' });
    raws = [root];
    prefix = () => '';
  } else if (type === 'Polygon' || type === 'MultiPolygon') {
    warnings.push({ path: '(root)', rule: 'wrapped-root', message: `the file holds a bare ${type} geometry; it was read as one area without properties` });
    raws = [{ type: 'Feature', properties: null, geometry: root }];
    prefix = () => '';
  } else if (typeof type === 'string' && ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection'].includes(type)) {
    return rootError('not-an-area', `the file holds a ${type}, but boundaries must be Polygons or MultiPolygons`, 'type');
  } else {
    return rootError('unknown-type', `unknown GeoJSON type ${describe(type)}: expected a FeatureCollection of areas`, 'type');
  }
  checkCrs((root as { crs?: unknown }).crs, errors, warnings);

  const candidates: Candidate[] = [];
  const counts = { droppedZ: 0, repeated: 0, nullGeometry: 0 };
  const range: { first: OutOfRange | null } = { first: null };
  raws.forEach((raw, index) => {
    const path = prefix(index);
    const at = (rest: string) => (path ? `${path}.${rest}` : rest);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { type?: unknown }).type !== 'Feature') {
      const found = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? describe((raw as { type?: unknown }).type) : describe(raw);
      errors.push({ feature: index, path: at('type'), rule: 'invalid-feature-type', message: `feature ${index} must have "type": "Feature", found ${found}` });
      return;
    }
    const feature = raw as Record<string, unknown>;
    const props = feature.properties ?? {};
    if (typeof props !== 'object' || Array.isArray(props)) {
      errors.push({ feature: index, path: at('properties'), rule: 'invalid-properties', message: `feature ${index}: properties must be an object or null, found ${describe(props)}` });
    }
    if (feature.id !== undefined && typeof feature.id !== 'string' && typeof feature.id !== 'number') {
      errors.push({ feature: index, path: at('id'), rule: 'invalid-id', message: `feature ${index}: id must be a string or a number, found ${describe(feature.id)}` });
    }
    const properties = typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {};
    const name = pickText(properties, NAME_KEYS) ?? `Area ${index + 1}`;
    const check = checkAreaGeometry(feature.geometry, at('geometry'), index);
    errors.push(...check.errors);
    counts.droppedZ += check.droppedZ;
    counts.repeated += check.repeatedVertices;
    if (check.outOfRange) {
      range.first ??= { feature: index, ...check.outOfRange, features: 0 };
      range.first.features++;
    }
    if (check.status === 'null') {
      counts.nullGeometry++;
      warnings.push({ feature: index, path: at('geometry'), rule: 'null-geometry', message: `feature ${index} (${name}) has no geometry and was skipped` });
    } else if (check.status === 'empty') {
      warnings.push({ feature: index, path: at('geometry.coordinates'), rule: 'empty-geometry', message: `feature ${index} (${name}) has empty coordinates and was skipped` });
    } else if (check.geometry) {
      candidates.push({ index, path, raw: feature, properties, name, geometry: check.geometry });
    }
  });

  const outOfRange = range.first;
  if (outOfRange) errors.unshift(projectedError(outOfRange, raws.length));
  if (counts.droppedZ > 0) {
    warnings.push({ path: '(root)', rule: 'dropped-z', message: `${counts.droppedZ} positions had a third (elevation) or further value; only longitude and latitude were kept` });
  }
  if (counts.repeated > 0) {
    warnings.push({ path: '(root)', rule: 'repeated-vertices', message: `${counts.repeated} repeated consecutive positions were removed` });
  }
  // crossings in projected numbers would be real, but the error above already asks for a new file
  if (!outOfRange) {
    for (const candidate of candidates) errors.push(...selfIntersectionErrors(candidate));
  }
  if (errors.length === 0 && candidates.length === 0) {
    errors.push({ path: type === 'FeatureCollection' ? 'features' : '(root)', rule: 'no-areas', message: 'the file contains no areas with a usable geometry' });
  }
  if (errors.length > 0) return { ok: false, errors: capped(errors), warnings };

  let rewound = 0;
  const features = candidates.map((c) => {
    const { geometry, changed } = rewindArea(c.geometry);
    if (changed) rewound++;
    return { type: 'Feature', id: '', properties: { ...c.properties, id: '', name: c.name }, geometry } as AreaFeature;
  });
  assignIds(candidates, features, warnings);
  if (rewound > 0) {
    warnings.push({ path: '(root)', rule: 'rewound', message: `${rewound} of ${features.length} areas had rings wound against RFC 7946 (exteriors must be counter-clockwise); they were rewound` });
  }
  return { ok: true, value: { type: 'FeatureCollection', features }, warnings };
}

function pickText(properties: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function assignIds(candidates: Candidate[], features: AreaFeature[], warnings: Problem[]): void {
  const taken = new Set<string>();
  // the suffix each repeated id tried last: ids are only ever added, so the next free one is never below it, and
  // n features sharing one id cost n tries in all rather than n²/2
  const nextSuffix = new Map<string, number>();
  candidates.forEach((c, k) => {
    const wanted = pickText(c.properties, ID_KEYS) ?? pickText({ id: c.raw.id }, ['id']) ?? `area-${c.index + 1}`;
    let id = wanted;
    if (taken.has(id)) {
      let n = nextSuffix.get(wanted) ?? 2;
      while (taken.has(`${wanted}-${n}`)) n++;
      id = `${wanted}-${n}`;
      nextSuffix.set(wanted, n + 1);
    }
    if (id !== wanted) {
      warnings.push({ feature: c.index, path: c.path || '(root)', rule: 'duplicate-id', message: `feature ${c.index} (${c.name}) repeats the id "${wanted}"; it was renamed "${id}"` });
    }
    taken.add(id);
    const feature = features[k]!;
    feature.id = id;
    feature.properties.id = id;
  });
}

function checkCrs(crs: unknown, errors: Problem[], warnings: Problem[]): void {
  if (crs === undefined || crs === null) return;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') {
    warnings.push({ path: 'crs', rule: 'ignored-crs', message: 'the legacy "crs" member was not understood and was ignored; coordinates are read as WGS84 longitude/latitude' });
  } else if (!WGS84_CRS.test(name.trim())) {
    errors.push({ path: 'crs.properties.name', rule: 'projected-coordinates', message: `the file declares the coordinate system "${name}". ${REPROJECT}` });
  }
}

const REPROJECT =
  'The file appears to use projected coordinates (e.g. British National Grid eastings/northings) rather than WGS84 longitude/latitude; ' +
  'reproject it to EPSG:4326 (e.g. `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`) before importing.';

function projectedError(found: OutOfRange, total: number): Problem {
  return {
    feature: found.feature,
    path: found.path,
    rule: 'projected-coordinates',
    message: `${found.features} of ${total} features have positions outside longitude ±180 / latitude ±90, the first [${found.position.join(', ')}] in feature ${found.feature}. ${REPROJECT}`,
  };
}

function selfIntersectionErrors(c: Candidate): Problem[] {
  const what = { ring: 'a ring crosses or touches itself', rings: 'rings of one polygon cross', members: 'parts of the MultiPolygon overlap' };
  return findSelfIntersections(c.geometry).map((s) => ({
    feature: c.index,
    path: `${c.path ? `${c.path}.` : ''}geometry.coordinates${s.path}`,
    rule: 'self-intersection',
    message: `feature ${c.index} (${c.name}): ${what[s.kind]} near [${s.point.map((n) => +n!.toFixed(6)).join(', ')}]${s.count > 1 ? ` (${s.count} places)` : ''}; fix the boundary in a GIS before importing`,
  }));
}

function capped(errors: Problem[]): Problem[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const rest = errors.length - MAX_ERRORS;
  return [...errors.slice(0, MAX_ERRORS), { path: '(root)', rule: 'too-many-errors', message: `${rest} more problems were found and not listed` }];
}
