// fast point-to-area assignment: a raster lookup grid over the areas' bbox, exact tests only near boundaries.
import type { FeatureCollection } from 'geojson';
import { flattenAreas, type AreaRings } from './areaRings.ts';
import { areaContainsInRow, buildRowBuckets, type RowBuckets } from './areaRowBuckets.ts';
import type { PinTable } from './pinTable.ts';

/**
 * How the grid works, and why it gives exactly Turf's answer:
 * - a point maps to cell (floor((x - minX) * invW), floor((y - minY) * invH)), clamped. The map is monotone
 *   in x and in y, so a segment's bbox maps to a cell range holding every cell any point of the segment maps to.
 * - every cell touched (conservatively: the segment's per-row x-span widened by one cell) by a ring
 *   segment is a boundary cell; a point there is tested exactly against the areas whose bbox covers the cell.
 * - the other ("clean") cells form connected components free of any ring, on which every area's answer
 *   is constant. A component's answer is computed exactly for the first pin that lands in it, then reused.
 */
export interface AreaIndex {
  rings: AreaRings;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cols: number;
  rows: number;
  invW: number;
  invH: number;
  /** per cell: component id (>= 0) of a clean cell, or -1 for a boundary cell */
  cell: Int32Array;
  /** per component: the first area containing it, -1 for none, -2 while not yet known */
  componentArea: Int32Array;
  /** per boundary cell (by cell index): candidate areas, sorted, in candidates[candidateStart[c] .. candidateStart[c+1]) */
  candidateStart: Int32Array;
  candidates: Int32Array;
  /** ring segments per (area, row), for exact tests that read only the point's row */
  buckets: RowBuckets;
}

export interface AreaIndexOptions {
  /** approximate number of grid cells; default 4 per ring segment, within 16k..1M (measured: more cells cost more to build than they save) */
  gridCells?: number;
}

/**
 * Builds the lookup grid for areas (validated; empty geometries match nothing).
 * @example
 * const index = buildAreaIndex(areas);
 * const ids = assignAreas(buildPinTable(pins).table, index); // Int32Array, -1 = in no area
 */
export function buildAreaIndex(areas: FeatureCollection, options: AreaIndexOptions = {}): AreaIndex {
  const rings = flattenAreas(areas);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let a = 0; a < rings.nAreas; a++) {
    if (!rings.hasGeometry[a]) continue;
    minX = Math.min(minX, rings.bbox[a * 4]!);
    minY = Math.min(minY, rings.bbox[a * 4 + 1]!);
    maxX = Math.max(maxX, rings.bbox[a * 4 + 2]!);
    maxY = Math.max(maxY, rings.bbox[a * 4 + 3]!);
  }
  const nSegments = rings.coords.length / 2;
  const target = options.gridCells ?? Math.min(1_048_576, Math.max(16_384, nSegments * 4));
  const w = maxX - minX;
  const h = maxY - minY;
  const empty = !(w >= 0 && h >= 0);
  const aspect = empty || w === 0 || h === 0 ? 1 : w / h;
  const cols = empty ? 1 : Math.max(1, Math.min(4096, Math.round(Math.sqrt(target * aspect))));
  const rows = empty ? 1 : Math.max(1, Math.min(4096, Math.round(target / cols)));
  const invW = w > 0 ? cols / w : 0;
  const invH = h > 0 ? rows / h : 0;
  const index: AreaIndex = {
    rings, minX, minY, maxX, maxY, cols, rows, invW, invH,
    cell: new Int32Array(cols * rows),
    componentArea: new Int32Array(0),
    candidateStart: new Int32Array(0),
    candidates: new Int32Array(0),
    buckets: undefined as unknown as RowBuckets,
  };
  index.buckets = buildRowBuckets(rings, (y) => rowOf(index, y));
  if (empty) return index;
  const boundary = markBoundaryCells(index);
  labelCleanComponents(index, boundary);
  collectCandidates(index, boundary);
  return index;
}

function colOf(index: AreaIndex, x: number): number {
  const c = Math.floor((x - index.minX) * index.invW);
  return c < 0 ? 0 : c >= index.cols ? index.cols - 1 : c;
}

function rowOf(index: AreaIndex, y: number): number {
  const r = Math.floor((y - index.minY) * index.invH);
  return r < 0 ? 0 : r >= index.rows ? index.rows - 1 : r;
}

function markBoundaryCells(index: AreaIndex): Uint8Array {
  const { rings, cols } = index;
  const boundary = new Uint8Array(cols * index.rows);
  const cellH = 1 / index.invH;
  const { coords, ringStart } = rings;
  for (let r = 0; r < ringStart.length - 1; r++) {
    for (let i = ringStart[r]!; i < ringStart[r + 1]! - 1; i++) {
      const ax = coords[i * 2]!;
      const ay = coords[i * 2 + 1]!;
      const bx = coords[i * 2 + 2]!;
      const by = coords[i * 2 + 3]!;
      const c0 = colOf(index, Math.min(ax, bx));
      const c1 = colOf(index, Math.max(ax, bx));
      const r0 = rowOf(index, Math.min(ay, by));
      const r1 = rowOf(index, Math.max(ay, by));
      if (r1 - r0 <= 1 || c1 - c0 <= 1) {
        for (let row = r0; row <= r1; row++) boundary.fill(1, row * cols + c0, row * cols + c1 + 1);
        continue;
      }
      // a long diagonal segment: mark only its x-span within each row, widened by a cell for rounding
      const lowY = Math.min(ay, by);
      const highY = Math.max(ay, by);
      const slope = (bx - ax) / (by - ay);
      for (let row = r0; row <= r1; row++) {
        const yLo = Math.max(lowY, index.minY + row * cellH);
        const yHi = Math.min(highY, index.minY + (row + 1) * cellH);
        const xa = ax + (yLo - ay) * slope;
        const xb = ax + (yHi - ay) * slope;
        const ca = Math.max(c0, colOf(index, Math.min(xa, xb)) - 1);
        const cb = Math.min(c1, colOf(index, Math.max(xa, xb)) + 1);
        boundary.fill(1, row * cols + ca, row * cols + cb + 1);
      }
    }
  }
  return boundary;
}

function labelCleanComponents(index: AreaIndex, boundary: Uint8Array): void {
  const { cols, rows, cell } = index;
  const parent = cell; // reuse: parent pointers first, component ids after
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      if (boundary[i]) {
        parent[i] = -1;
        continue;
      }
      parent[i] = i;
      if (col > 0 && !boundary[i - 1]) parent[i] = find(i - 1);
      if (row > 0 && !boundary[i - cols]) {
        const up = find(i - cols);
        const me = find(i);
        if (up !== me) parent[Math.max(up, me)] = Math.min(up, me);
      }
    }
  }
  // roots have the smallest index of their component, so one forward pass numbers them
  let n = 0;
  const ids = new Int32Array(cols * rows);
  for (let i = 0; i < cols * rows; i++) {
    if (boundary[i]) continue;
    const root = find(i);
    ids[i] = root === i ? n++ : ids[root]!;
  }
  for (let i = 0; i < cols * rows; i++) cell[i] = boundary[i] ? -1 : ids[i]!;
  index.componentArea = new Int32Array(n).fill(-2);
}

function collectCandidates(index: AreaIndex, boundary: Uint8Array): void {
  const { rings, cols } = index;
  const counts = new Int32Array(cols * index.rows + 1);
  const ranges: number[] = [];
  for (let a = 0; a < rings.nAreas; a++) {
    if (!rings.hasGeometry[a]) {
      ranges.push(0, -1, 0, -1);
      continue;
    }
    const b = a * 4;
    ranges.push(colOf(index, rings.bbox[b]!), colOf(index, rings.bbox[b + 2]!), rowOf(index, rings.bbox[b + 1]!), rowOf(index, rings.bbox[b + 3]!));
  }
  const each = (visit: (cellIndex: number, area: number) => void): void => {
    for (let a = 0; a < rings.nAreas; a++) {
      const [c0, c1, r0, r1] = ranges.slice(a * 4, a * 4 + 4) as [number, number, number, number];
      for (let row = r0; row <= r1; row++) {
        for (let i = row * cols + c0; i <= row * cols + c1; i++) if (boundary[i]) visit(i, a);
      }
    }
  };
  each((i) => counts[i + 1]!++);
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  const candidates = new Int32Array(counts[counts.length - 1]!);
  const fill = counts.slice(0, -1);
  each((i, a) => (candidates[fill[i]!++] = a));
  index.candidateStart = counts;
  index.candidates = candidates;
}

/**
 * The first area (input order) containing the point, boundary included, or -1. Same answer as testing every
 * area with @turf/boolean-point-in-polygon. Fills in the index's per-component cache (not the inputs).
 * @example
 * areaOfPoint(index, -2.24, 53.48) // => 12
 */
export function areaOfPoint(index: AreaIndex, x: number, y: number): number {
  if (!(x >= index.minX && x <= index.maxX && y >= index.minY && y <= index.maxY)) return -1;
  const row = rowOf(index, y);
  const i = row * index.cols + colOf(index, x);
  const component = index.cell[i]!;
  if (component >= 0) {
    const known = index.componentArea[component]!;
    if (known !== -2) return known;
    let found = -1;
    for (let a = 0; a < index.rings.nAreas && found < 0; a++) if (areaContainsInRow(index.rings, index.buckets, a, row, x, y)) found = a;
    index.componentArea[component] = found;
    return found;
  }
  for (let k = index.candidateStart[i]!; k < index.candidateStart[i + 1]!; k++) {
    const a = index.candidates[k]!;
    if (areaContainsInRow(index.rings, index.buckets, a, row, x, y)) return a;
  }
  return -1;
}

/**
 * Assigns every pin of a table to the first area containing it (-1: in no area), once; recount later from the ids.
 * Accepts a prebuilt index or the areas themselves.
 * @example
 * assignAreas(buildPinTable(pins).table, areas) // => Int32Array [0, 0, 2, -1, ...]
 */
export function assignAreas(table: PinTable, areas: AreaIndex | FeatureCollection): Int32Array {
  const index = 'cell' in areas ? areas : buildAreaIndex(areas);
  const out = new Int32Array(table.length);
  for (let p = 0; p < table.length; p++) out[p] = areaOfPoint(index, table.lng[p]!, table.lat[p]!);
  return out;
}
