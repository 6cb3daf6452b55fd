// the indexed findSelfIntersections against the pairwise reference: the same findings, in the same order, on
// seeded random boundaries, the benchmark's pathological ones and (when present) every shared real-world file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { checkAreaGeometry } from '../../src/core/checkAreaGeometry.ts';
import { findSelfIntersections } from '../../src/core/findSelfIntersections.ts';
import { findSelfIntersectionsReference } from '../support/findSelfIntersectionsReference.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import type { AreaGeometry } from '../../src/core/types.ts';
import { AREA_CASES } from '../bench/pathologicalAreas.ts';

/** a closed ring of n random vertices around (cx, cy): star-shaped when `tidy`, anything when not */
function randomRing(random: () => number, cx: number, cy: number, size: number, n: number, tidy: boolean): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const angle = tidy ? (2 * Math.PI * k) / n : random() * 2 * Math.PI;
    const r = size * (0.3 + 0.7 * random());
    // a coarse grid makes shared vertices, touches and collinear edges common
    ring.push([Math.round((cx + r * Math.cos(angle)) * 8) / 8, Math.round((cy + r * Math.sin(angle)) * 8) / 8]);
  }
  ring.push(ring[0]!);
  return ring;
}

function cleaned(geometry: unknown): AreaGeometry | null {
  const check = checkAreaGeometry(geometry, 'geometry', 0);
  return check.status === 'ok' ? check.geometry! : null;
}

function compare(geometry: AreaGeometry): number {
  const fast = findSelfIntersections(geometry);
  expect(fast).toEqual(findSelfIntersectionsReference(geometry));
  return fast.length;
}

describe('findSelfIntersections against the pairwise reference', () => {
  it('agrees on 400 seeded random polygons and multipolygons, valid and broken', () => {
    const random = mulberry32(2026);
    let broken = 0;
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const tidy = k % 3 !== 0;
      // every third case keeps holes small and central and members apart, so valid boundaries are common too
      const apart = k % 3 === 1;
      const hole = () => (apart ? randomRing(random, random() - 0.5, random() - 0.5, 0.3, 5, true) : randomRing(random, random() * 4 - 2, random() * 4 - 2, 1, 5, tidy));
      const polygon = (m = 0) => [randomRing(random, apart ? 10 * m : 0, 0, 4, 8, tidy), ...Array.from({ length: k % 4 }, hole).map((ring) => ring.map(([x, y]) => [x! + (apart ? 10 * m : 0), y!]))];
      const raw = k % 2 ? { type: 'Polygon', coordinates: polygon() } : { type: 'MultiPolygon', coordinates: Array.from({ length: 2 + (k % 5) }, (_, m) => polygon(m)) };
      const geometry = cleaned(raw);
      if (!geometry) continue;
      checked++;
      if (compare(geometry) > 0) broken++;
    }
    // the sample holds both kinds, so agreement means something
    expect(checked).toBeGreaterThan(300);
    expect(broken).toBeGreaterThan(50);
    expect(checked - broken).toBeGreaterThan(50);
  });

  it('agrees on nested diamonds that cross, touch and share edges (edges whose turned boxes are thin lines)', () => {
    const random = mulberry32(45);
    let broken = 0;
    for (let k = 0; k < 60; k++) {
      // radii and shifts on a 1/8 grid: neighbours cross, touch at a vertex or run along a shared diagonal
      const holes = Array.from({ length: 3 + (k % 6) }, (_, h) => {
        const r = 0.5 + h * 0.25 + Math.round(random() * 2) / 8;
        const cx = Math.round(random() * 3) / 8;
        const cy = Math.round(random() * 3) / 8;
        return [[cx + r, cy], [cx, cy - r], [cx - r, cy], [cx, cy + r], [cx + r, cy]];
      });
      const exterior = [[-4, -4], [4, -4], [4, 4], [-4, 4], [-4, -4]];
      const geometry = cleaned(k % 2 ? { type: 'Polygon', coordinates: [exterior, ...holes] } : { type: 'MultiPolygon', coordinates: holes.map((ring) => [ring]) });
      if (geometry && compare(geometry) > 0) broken++;
    }
    expect(broken).toBeGreaterThan(10);
  });

  it.each(AREA_CASES.map((c) => [c.name, c] as const))('agrees on the benchmark case %s', (_name, areaCase) => {
    const text = areaCase.make(150);
    const features = (JSON.parse(text) as { features: { geometry: unknown }[] }).features;
    for (const feature of features) compare(cleaned(feature.geometry)!);
  });
});

const shared = path.resolve(import.meta.dirname, '../../../shared/data');
const files = existsSync(shared)
  ? [...readdirSync(shared), ...readdirSync(path.join(shared, 'bad')).map((f) => `bad/${f}`)].filter((f) => f.endsWith('.geojson'))
  : [];
if (files.length === 0) console.warn(`shared-data comparison skipped: ${shared} is missing`);

describe.skipIf(files.length === 0)('on every shared real-world file', () => {
  it('finds the same as the reference', () => {
    let geometries = 0;
    for (const file of files) {
      let data: { features?: { geometry?: unknown }[] } | null;
      try {
        data = JSON.parse(readFileSync(path.join(shared, file), 'utf8')) as typeof data;
      } catch {
        continue;
      }
      for (const feature of data?.features ?? []) {
        const geometry = cleaned(feature?.geometry);
        if (geometry) {
          compare(geometry);
          geometries++;
        }
      }
    }
    expect(geometries).toBeGreaterThan(100);
  });
});
