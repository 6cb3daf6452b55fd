// structural checks of one Polygon/MultiPolygon geometry from an uploaded file, producing a clean 2D copy.
import type { AreaGeometry, Problem } from './types.ts';
import type { Position } from 'geojson';

export interface AreaGeometryCheck {
  /** what was found: a usable area, a null or empty geometry (skipped by the caller), or errors */
  status: 'ok' | 'null' | 'empty' | 'invalid';
  /** a new 2D geometry with repeated consecutive vertices removed; only when status is 'ok' */
  geometry?: AreaGeometry;
  errors: Problem[];
  /** how many positions had a third (or further) element that was dropped */
  droppedZ: number;
  /** how many repeated consecutive vertices were removed */
  repeatedVertices: number;
  /** the first position outside ±180/±90, if any: the sign of projected coordinates */
  outOfRange?: { path: string; position: Position };
}

interface Items {
  one: string;
  many: string;
}
const POLYGONS: Items = { one: 'a polygon (an array of rings)', many: 'polygons' };
const RINGS: Items = { one: 'a ring (an array of positions)', many: 'rings' };
const POSITIONS: Items = { one: 'a position [longitude, latitude]', many: 'positions' };

const NOT_AREAS = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection']);

/**
 * Checks a geometry expected to be a Polygon or MultiPolygon and returns a normalised copy (never mutates the input).
 * Winding is not touched here; see parseAreas.
 * @example
 * checkAreaGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, 'geometry', 0).status // => 'ok'
 * checkAreaGeometry({ type: 'Point', coordinates: [0, 0] }, 'geometry', 0).errors[0].rule // => 'not-an-area'
 */
export function checkAreaGeometry(value: unknown, path: string, feature: number): AreaGeometryCheck {
  const check: AreaGeometryCheck = { status: 'invalid', errors: [], droppedZ: 0, repeatedVertices: 0 };
  const fail = (at: string, rule: string, message: string): AreaGeometryCheck => {
    check.errors.push({ feature, path: at, rule, message });
    return check;
  };
  if (value === null || value === undefined) return { ...check, status: 'null' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(path, 'invalid-geometry', `geometry must be an object or null, found ${describe(value)}`);
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (typeof type === 'string' && NOT_AREAS.has(type)) {
    return fail(`${path}.type`, 'not-an-area', `geometry is a ${type}, but a boundary must be a Polygon or MultiPolygon`);
  }
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(`${path}.type`, 'invalid-geometry-type', `unknown geometry type ${describe(type)}: expected Polygon or MultiPolygon`);
  }
  if (Array.isArray(coordinates) && coordinates.length === 0) return { ...check, status: 'empty' };
  const reader = new CoordinateReader(check, feature);
  const at = `${path}.coordinates`;
  const result =
    type === 'Polygon'
      ? reader.polygon(coordinates, at, type)
      : reader.list(coordinates, at, POLYGONS, type, (p, i) => reader.polygon(p, `${at}[${i}]`, type));
  if (check.errors.length > 0 || !result) return check;
  check.status = 'ok';
  check.geometry = type === 'Polygon' ? { type, coordinates: result as Position[][] } : { type, coordinates: result as Position[][][] };
  return check;
}

class CoordinateReader {
  constructor(
    private readonly check: AreaGeometryCheck,
    private readonly feature: number,
  ) {}

  error(path: string, rule: string, message: string): null {
    this.check.errors.push({ feature: this.feature, path, rule, message });
    return null;
  }

  // wrong nesting repeats in every ring once it happens; one report per geometry says it
  private nestingReported = false;

  nesting(path: string, message: string): null {
    if (this.nestingReported) return null;
    this.nestingReported = true;
    return this.error(path, 'invalid-coordinates', message);
  }

  /** reads an array whose items are themselves arrays, saying how deep the nesting went wrong */
  list<T>(value: unknown, path: string, items: Items, type: string, read: (item: unknown, index: number) => T | null): T[] | null {
    if (!Array.isArray(value)) return this.error(path, 'invalid-coordinates', `expected an array of ${items.many}, found ${describe(value)}`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (!Array.isArray(item)) {
        if (typeof item === 'number') {
          return this.nesting(`${path}[${i}]`, `expected ${items.one}, found ${describe(item)} (the coordinates are nested too shallowly for a ${type})`);
        }
        return this.error(`${path}[${i}]`, 'invalid-coordinates', `expected ${items.one}, found ${describe(item)}`);
      }
      const read1 = read(item, i);
      if (read1) out.push(read1);
    }
    return out.length === value.length ? out : null;
  }

  polygon(value: unknown, path: string, type: string): Position[][] | null {
    if (Array.isArray(value) && value.length === 0) return this.error(path, 'invalid-coordinates', 'a polygon needs at least one ring, found none');
    return this.list(value, path, RINGS, type, (ring, i) => this.ring(ring, `${path}[${i}]`, type));
  }

  ring(value: unknown, path: string, type: string): Position[] | null {
    const positions = this.list(value, path, POSITIONS, type, (p, i) => this.position(p, `${path}[${i}]`));
    if (!positions) return null;
    const errorsBefore = this.check.errors.length;
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (positions.length < 4) {
      this.error(path, 'ring-too-short', `a ring needs at least 4 positions (a closed triangle), found ${positions.length}`);
    }
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      this.error(path, 'ring-not-closed', `the ring is not closed: its first position [${first.join(', ')}] differs from its last [${last.join(', ')}]`);
    }
    if (this.check.errors.length > errorsBefore) return null;
    const cleaned = withoutRepeats(positions);
    this.check.repeatedVertices += positions.length - cleaned.length;
    if (cleaned.length < 4) {
      return this.error(path, 'ring-too-short', `after removing repeated positions the ring has only ${cleaned.length - 1} distinct corners; it needs at least 3`);
    }
    return cleaned;
  }

  position(value: unknown, path: string): Position | null {
    const items = value as unknown[];
    if (items.some(Array.isArray)) return this.nesting(path, 'expected a position of numbers, found an array inside it (the coordinates are nested too deeply)');
    if (items.length < 2) return this.error(path, 'invalid-coordinates', `a position needs a longitude and a latitude, found ${items.length} number(s)`);
    for (let i = 0; i < items.length; i++) {
      const n = items[i];
      if (typeof n !== 'number') return this.error(`${path}[${i}]`, 'invalid-coordinates', `coordinates must be numbers, found ${describe(n)}`);
      if (!Number.isFinite(n)) return this.error(`${path}[${i}]`, 'invalid-coordinates', 'coordinates must be finite numbers');
    }
    const lng = items[0] as number;
    const lat = items[1] as number;
    if (items.length > 2) this.check.droppedZ++;
    if (!this.check.outOfRange && (lng < -180 || lng > 180 || lat < -90 || lat > 90)) {
      this.check.outOfRange = { path, position: [lng, lat] };
    }
    return [lng, lat];
  }
}

function withoutRepeats(ring: Position[]): Position[] {
  const out: Position[] = [ring[0]!];
  for (let i = 1; i < ring.length; i++) {
    const prev = out[out.length - 1]!;
    const here = ring[i]!;
    if (here[0] !== prev[0] || here[1] !== prev[1]) out.push(here);
  }
  return out;
}

/** a short description of an unexpected value for an error message */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value === 'object' ? 'an object' : `a ${typeof value}`}`;
}
