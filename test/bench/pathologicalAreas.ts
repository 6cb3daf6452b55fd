// generators of boundary files that are cheap to write and were expensive to check: each grows linearly in bytes with
// `n`, so a validator's time per byte should stay flat as n doubles. Seeded, so every run checks the same text.
import type { Position } from 'geojson';
import { mulberry32 } from '../../src/core/mulberry32.ts';

export interface AreaCase {
  name: string;
  /** what the file holds and which part of validation it stresses */
  about: string;
  /** whether parseAreas should accept it */
  valid: boolean;
  make(n: number): string;
}

const X0 = -2.3;
const Y0 = 53.4;

const close = (ring: Position[]): Position[] => [...ring, ring[0]!];

const feature = (geometry: unknown, properties: Record<string, unknown>, id?: string | number) =>
  ({ type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const round = (v: number) => Math.round(v * 1e7) / 1e7;
const square = (x: number, y: number, d: number): Position[] => close([[round(x), round(y)], [round(x + d), round(y)], [round(x + d), round(y + d)], [round(x), round(y + d)]]);

/**
 * one ring of n teeth over a straight base; tall, thin teeth whose segments' boxes all meet the base's box.
 * `crossed`: each tooth's two sides cross (its top runs backwards), so the ring crosses itself n times.
 */
function sawtoothRing(n: number, crossed: boolean): Position[] {
  const width = 0.2;
  const step = width / n;
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const x = X0 + i * step;
    ring.push([round(x), Y0 + 0.01]);
    if (crossed) ring.push([round(x + 0.75 * step), Y0 + 0.1], [round(x + 0.25 * step), Y0 + 0.1]);
    else ring.push([round(x + 0.5 * step), Y0 + 0.1]);
  }
  ring.push([round(X0 + width), Y0 + 0.01], [round(X0 + width), Y0], [X0, Y0]);
  return close(ring);
}

/** n cells of a square grid over 0.2° × 0.2°: [x, y, cell size] */
function grid(n: number): { cell: (k: number) => [number, number]; size: number } {
  const side = Math.ceil(Math.sqrt(n));
  const size = 0.2 / side;
  return { size, cell: (k) => [X0 + (k % side) * size, Y0 + Math.floor(k / side) * size] };
}

export const AREA_CASES: AreaCase[] = [
  {
    name: 'sawtooth',
    about: 'one Polygon whose exterior is n thin teeth (2n + 3 vertices): valid',
    valid: true,
    make: (n) => collection([feature({ type: 'Polygon', coordinates: [sawtoothRing(n, false)] }, { name: 'Sawtooth' }, 'saw')]),
  },
  {
    name: 'sawtooth-crossing',
    about: 'n teeth whose two sides cross (3n + 3 vertices): refused, all n crossings counted',
    valid: false,
    make: (n) => collection([feature({ type: 'Polygon', coordinates: [sawtoothRing(n, true)] }, { name: 'Crossed' }, 'saw')]),
  },
  {
    name: 'shared-id',
    about: 'n small square features that all carry the id "ward": renamed ward-2 … ward-n',
    valid: true,
    make: (n) => {
      const { cell, size } = grid(n);
      return collection(Array.from({ length: n }, (_, k) => feature({ type: 'Polygon', coordinates: [square(...cell(k), size * 0.8)] }, { name: `Square ${k}` }, 'ward')));
    },
  },
  {
    name: 'many-holes',
    about: 'one Polygon with n tiny triangular holes scattered over its square exterior',
    valid: true,
    make: (n) => {
      const { cell, size } = grid(n);
      const random = mulberry32(11);
      const holes = Array.from({ length: n }, (_, k) => {
        const [cx, cy] = cell(k);
        const x = round(cx + size * (0.1 + 0.3 * random()));
        const y = round(cy + size * (0.1 + 0.3 * random()));
        const d = size * 0.4;
        // holes wind clockwise, as RFC 7946 asks
        return close([[x, y], [x, round(y + d)], [round(x + d), y]]);
      });
      return collection([feature({ type: 'Polygon', coordinates: [square(X0 - 0.01, Y0 - 0.01, 0.22), ...holes] }, { name: 'Holes' }, 'holes')]);
    },
  },
  {
    name: 'many-members',
    about: 'one MultiPolygon of n tiny triangles in a grid (members that never meet)',
    valid: true,
    make: (n) => {
      const { cell, size } = grid(n);
      const members = Array.from({ length: n }, (_, k) => {
        const [x, y] = cell(k).map(round) as [number, number];
        const d = size * 0.7;
        return [close([[x, y], [round(x + d), y], [x, round(y + d)]])];
      });
      return collection([feature({ type: 'MultiPolygon', coordinates: members }, { name: 'Islands' }, 'islands')]);
    },
  },
  {
    name: 'concentric-diamonds',
    about: "one Polygon whose holes are n nested diamonds: every edge's box overlaps the same edge of every other hole",
    valid: true,
    make: (n) => {
      const cx = X0 + 0.1;
      const cy = Y0 + 0.1;
      const holes = Array.from({ length: n }, (_, k) => {
        const r = round(0.001 + (0.09 * k) / n);
        return close([[round(cx + r), cy], [cx, round(cy - r)], [round(cx - r), cy], [cx, round(cy + r)]]);
      });
      return collection([feature({ type: 'Polygon', coordinates: [square(X0, Y0, 0.2), ...holes] }, { name: 'Diamonds' }, 'diamonds')]);
    },
  },
];
