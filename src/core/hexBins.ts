// hex bins laid out exactly as @turf/hex-grid does, with pins assigned to them by arithmetic.
import { distance } from '@turf/distance';
import type { BBox, Feature, Polygon } from 'geojson';
import { INSIDE, ON_BOUNDARY, pointInRingsExact } from './pointInRingsExact.ts';
import type { PinTable } from './pinTable.ts';

/** The numbers @turf/hex-grid derives from a bbox and a cell size, and the grid-order index of each (x, y) slot. */
export interface HexLayout {
  bbox: BBox;
  cellMetres: number;
  west: number;
  south: number;
  rx: number;
  ry: number;
  xInterval: number;
  yInterval: number;
  hexHeight: number;
  xAdjust: number;
  yAdjust: number;
  xCount: number;
  yCount: number;
  cosines: number[];
  sines: number[];
  /** hex index (position in hexGrid's output) for slot x * (yCount + 1) + y, -1 for slots hexGrid skips */
  slot: Int32Array;
  /** x and y slot of each hex, in hexGrid's output order */
  hexX: Int32Array;
  hexY: Int32Array;
  count: number;
}

/**
 * The layout of `hexGrid(bbox, cellMetres / 1000)` (Turf's default units, km), computed with the same
 * expressions in the same order so that centres and vertices are bit-identical to Turf's polygons.
 * @example
 * const layout = hexLayout([-2.32, 53.34, -2.14, 53.55], 500);
 * layout.count // => number of hexagons hexGrid would return
 */
export function hexLayout(bbox: BBox, cellMetres: number): HexLayout {
  if (!(cellMetres > 0) || !Number.isFinite(cellMetres)) throw new RangeError(`hex cell size must be a positive number of metres, got ${cellMetres}`);
  const [west, south, east, north] = bbox as [number, number, number, number];
  if (!(west < east && south < north)) throw new RangeError(`hex grid needs a bbox with area, got [${bbox.join(', ')}]`);
  const cellSide = cellMetres / 1000;
  const centerY = (south + north) / 2;
  const centerX = (west + east) / 2;
  const xFraction = (cellSide * 2) / distance([west, centerY], [east, centerY], {});
  const cellWidth = xFraction * (east - west);
  const yFraction = (cellSide * 2) / distance([centerX, south], [centerX, north], {});
  const cellHeight = yFraction * (north - south);
  const radius = cellWidth / 2;
  const hexWidth = radius * 2;
  const hexHeight = (Math.sqrt(3) / 2) * cellHeight;
  const boxWidth = east - west;
  const boxHeight = north - south;
  const xInterval = (3 / 4) * hexWidth;
  const yInterval = hexHeight;
  const xSpan = (boxWidth - hexWidth) / (hexWidth - radius / 2);
  const xCount = Math.floor(xSpan);
  const xAdjust = (xCount * xInterval - radius / 2 - boxWidth) / 2 - radius / 2 + xInterval / 2;
  const yCount = Math.floor((boxHeight - hexHeight) / hexHeight);
  let yAdjust = (boxHeight - yCount * hexHeight) / 2;
  const hasOffsetY = yCount * hexHeight - boxHeight > hexHeight / 2;
  if (hasOffsetY) yAdjust -= hexHeight / 4;
  const cosines: number[] = [];
  const sines: number[] = [];
  for (let i = 0; i < 6; i++) {
    const angle = ((2 * Math.PI) / 6) * i;
    cosines.push(Math.cos(angle));
    sines.push(Math.sin(angle));
  }
  const slots = Math.max(0, xCount + 1) * Math.max(0, yCount + 1);
  if (slots > 4_000_000) throw new RangeError(`a ${cellMetres} m hex grid over this bbox would have ${slots} cells; use larger cells`);
  const slot = new Int32Array(slots).fill(-1);
  const hexX: number[] = [];
  const hexY: number[] = [];
  for (let x = 0; x <= xCount; x++) {
    for (let y = 0; y <= yCount; y++) {
      if (y === 0 && (x % 2 === 1 || hasOffsetY)) continue;
      slot[x * (yCount + 1) + y] = hexX.length;
      hexX.push(x);
      hexY.push(y);
    }
  }
  return {
    bbox: [west, south, east, north], cellMetres, west, south, rx: cellWidth / 2, ry: cellHeight / 2, xInterval, yInterval, hexHeight,
    xAdjust, yAdjust, xCount, yCount, cosines, sines, slot, hexX: Int32Array.from(hexX), hexY: Int32Array.from(hexY), count: hexX.length,
  };
}

function centreX(l: HexLayout, x: number): number {
  return x * l.xInterval + l.west - l.xAdjust;
}

function centreY(l: HexLayout, x: number, y: number): number {
  let c = y * l.yInterval + l.south + l.yAdjust;
  if (x % 2 === 1) c -= l.hexHeight / 2;
  return c;
}

/**
 * The ring of one hexagon: the same doubles as Turf's hexagon() (first position repeated at the end).
 * @example
 * hexRing(layout, 0).length // => 7
 */
export function hexRing(layout: HexLayout, hex: number): number[][] {
  const x = layout.hexX[hex]!;
  const cx = centreX(layout, x);
  const cy = centreY(layout, x, layout.hexY[hex]!);
  const ring: number[][] = [];
  for (let i = 0; i < 6; i++) ring.push([cx + layout.rx * layout.cosines[i]!, cy + layout.ry * layout.sines[i]!]);
  ring.push(ring[0]!.slice());
  return ring;
}

/**
 * Hexagon `hex` as a GeoJSON Polygon feature, geometry identical to hexGrid(...).features[hex].
 * @example
 * hexFeature(layout, 0, { hex: 0 }).geometry.coordinates[0].length // => 7
 */
export function hexFeature<P>(layout: HexLayout, hex: number, properties: P): Feature<Polygon, P> {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [hexRing(layout, hex)] } };
}

// how far inside its nearest hexagon a point must be (as a fraction of the hexagon) to skip the exact test
const SAFE = 1 - 1e-9;

/**
 * The hexagon (index in hexGrid's output order) containing the point, or -1. Arithmetic: nearest centre in the
 * grid's own coordinates; only points within 1e-9 of a hexagon edge get exact tests, against the nine
 * nearest hexagons in grid order, so a point on an edge shared by two hexagons goes to the first, exactly
 * as "first hex containing it (boolean-point-in-polygon, boundary included)".
 * @example
 * hexOfPoint(layout, -2.24, 53.48) // => 311
 */
export function hexOfPoint(layout: HexLayout, px: number, py: number): number {
  const u = (px - layout.west + layout.xAdjust) / layout.xInterval;
  const x0 = Math.floor(u);
  let best = Infinity;
  let bestX = 0;
  let bestY = 0;
  for (let x = x0; x <= x0 + 1; x++) {
    const offset = x % 2 !== 0 ? layout.hexHeight / 2 : 0;
    const y = Math.round((py - layout.south - layout.yAdjust + offset) / layout.yInterval);
    const dx = Math.abs(px - (x * layout.xInterval + layout.west - layout.xAdjust)) / layout.rx;
    const dy = Math.abs(py - (y * layout.yInterval + layout.south + layout.yAdjust - offset)) / layout.ry;
    // normalised flat-top hexagon with unit circumradius: |y| <= sqrt(3)/2 and sqrt(3)|x| + |y| <= sqrt(3)
    const m = Math.max(dy / (Math.sqrt(3) / 2), (Math.sqrt(3) * dx + dy) / Math.sqrt(3));
    if (m < best) {
      best = m;
      bestX = x;
      bestY = y;
    }
  }
  if (best < SAFE) return slotIndex(layout, bestX, bestY);
  return exactHex(layout, px, py, bestX, bestY);
}

function slotIndex(layout: HexLayout, x: number, y: number): number {
  if (x < 0 || y < 0 || x > layout.xCount || y > layout.yCount) return -1;
  return layout.slot[x * (layout.yCount + 1) + y]!;
}

function exactHex(layout: HexLayout, px: number, py: number, bx: number, by: number): number {
  const near: number[] = [];
  for (let x = bx - 1; x <= bx + 1; x++) {
    for (let y = by - 1; y <= by + 1; y++) {
      const h = slotIndex(layout, x, y);
      if (h >= 0) near.push(h);
    }
  }
  near.sort((a, b) => a - b);
  const ringStart = new Int32Array([0, 7]);
  for (const h of near) {
    const coords = new Float64Array(hexRing(layout, h).flat());
    const where = pointInRingsExact(px, py, coords, ringStart, 0, 1);
    if (where === ON_BOUNDARY || where === INSIDE) return h;
  }
  return -1;
}

/**
 * Assigns every pin of a table to its hexagon once (-1: in no hexagon of the grid).
 * @example
 * const ids = assignHexes(table, hexLayout(bbox, 500)); // Int32Array of hex indices
 */
export function assignHexes(table: PinTable, layout: HexLayout): Int32Array {
  const out = new Int32Array(table.length);
  for (let p = 0; p < table.length; p++) out[p] = hexOfPoint(layout, table.lng[p]!, table.lat[p]!);
  return out;
}
