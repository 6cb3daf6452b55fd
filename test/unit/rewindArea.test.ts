import { describe, expect, it } from 'vitest';
import { rewind } from '@turf/rewind';
import { rewindArea, signedArea } from '../../src/core/rewindArea.ts';

const ccw = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const cw = [...ccw].reverse();
const holeCw = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
const holeCcw = [...holeCw].reverse();

describe('rewindArea', () => {
  it('reverses a clockwise exterior and a counter-clockwise hole, without touching the input', () => {
    const input = { type: 'Polygon' as const, coordinates: [cw, holeCcw] };
    const before = JSON.stringify(input);
    const { geometry, changed } = rewindArea(input);
    expect(changed).toBe(true);
    expect(geometry.coordinates).toEqual([ccw, holeCw]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('leaves RFC 7946 rings as they are and says so', () => {
    const { geometry, changed } = rewindArea({ type: 'MultiPolygon', coordinates: [[ccw, holeCw]] });
    expect(changed).toBe(false);
    expect(geometry.coordinates).toEqual([[ccw, holeCw]]);
  });

  it('agrees with @turf/rewind, the reference', () => {
    for (const coordinates of [[cw, holeCcw], [ccw, holeCcw], [cw, holeCw], [ccw, holeCw]]) {
      const geometry = { type: 'Polygon' as const, coordinates };
      expect(rewindArea(geometry).geometry).toEqual(rewind(structuredClone(geometry)));
    }
    expect(signedArea(ccw)).toBeGreaterThan(0);
    expect(signedArea(cw)).toBeLessThan(0);
  });
});
