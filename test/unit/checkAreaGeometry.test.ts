import { describe, expect, it } from 'vitest';
import { checkAreaGeometry } from '../../src/core/checkAreaGeometry.ts';

const ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('checkAreaGeometry', () => {
  it('returns a 2D copy, never the input arrays', () => {
    const input = { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 10])] };
    const before = JSON.stringify(input);
    const check = checkAreaGeometry(input, 'geometry', 0);
    expect(check).toMatchObject({ status: 'ok', droppedZ: 5, errors: [] });
    expect(check.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(check.geometry!.coordinates[0]).not.toBe(input.coordinates[0]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each([
    [null, 'null'],
    [{ type: 'Polygon', coordinates: [] }, 'empty'],
    [{ type: 'MultiPolygon', coordinates: [] }, 'empty'],
  ])('classifies %j as %s', (geometry, status) => {
    expect(checkAreaGeometry(geometry, 'geometry', 0).status).toBe(status);
  });

  it.each<[unknown, string, string]>([
    ['Polygon', 'geometry', 'invalid-geometry'],
    [{ type: 'Point', coordinates: [0, 0] }, 'geometry.type', 'not-an-area'],
    [{ type: 'Circle' }, 'geometry.type', 'invalid-geometry-type'],
    [{ type: 'Polygon', coordinates: 'foo' }, 'geometry.coordinates', 'invalid-coordinates'],
    [{ type: 'Polygon', coordinates: [[]] }, 'geometry.coordinates[0]', 'ring-too-short'],
    [{ type: 'MultiPolygon', coordinates: [[]] }, 'geometry.coordinates[0]', 'invalid-coordinates'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [0, 0]]] }, 'geometry.coordinates[0]', 'ring-too-short'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, null], [0, 0]]] }, 'geometry.coordinates[0][2][1]', 'invalid-coordinates'],
  ])('refuses %j at %s with %s', (geometry, path, rule) => {
    const check = checkAreaGeometry(geometry, 'geometry', 4);
    expect(check.status).toBe('invalid');
    expect(check.errors[0]).toMatchObject({ feature: 4, path, rule });
  });

  it('remembers the first position outside WGS84 ranges', () => {
    const check = checkAreaGeometry({ type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 95], [0, 0]]] }, 'geometry', 0);
    expect(check.outOfRange).toEqual({ path: 'geometry.coordinates[0][1]', position: [200, 0] });
  });
});
