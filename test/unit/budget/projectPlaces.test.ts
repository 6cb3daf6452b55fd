// where a project sits, the assets near it (fixture in -> out, REGEN=1 rewrites), and a project drafted from pins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assetsNear, budgetMarkers, projectDraftFromPins, projectPosition } from '../../../src/core/budget/projectPlaces.ts';
import type { BudgetProjectRecord } from '../../../src/core/budget/budgetWire.ts';
import type { AreaCollection, LngLat, PinFeature } from '../../../src/core/types.ts';
import { regenerateGolden } from '../../support/goldenFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

interface AssetsNearInput extends FeatureCollection {
  assetsNear: { metres: number };
}

function nearFixture(name: string): { input: AssetsNearInput; actual: FeatureCollection; file: string } {
  const input = JSON.parse(readFileSync(path.join(fixtures, 'in', `${name}.geojson`), 'utf8')) as AssetsNearInput;
  const project = input.features.find((f) => f.properties?.role === 'project') as Feature<Point>;
  const pins = input.features.filter((f) => f.properties?.role !== 'project') as PinFeature[];
  const near = assetsNear(project.geometry.coordinates as unknown as LngLat, pins, { metres: input.assetsNear.metres });
  const actual: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { ...project, properties: { ...project.properties, 'marker-color': '#1d4ed8', 'marker-symbol': 'star' } },
      ...near.map((a) => ({ type: 'Feature' as const, id: a.pin.id, geometry: a.pin.geometry, properties: { title: a.pin.properties.title, metres: a.metres, 'marker-color': '#15803d' } })),
    ],
  };
  return { input, actual, file: path.join(fixtures, 'out', `${name}.geojson`) };
}

describe('assetsNear (fixtures)', () => {
  for (const name of ['assets-near']) {
    it(`${name}: the asset pins within the radius, nearest first`, () => {
      const { input, actual, file } = nearFixture(name);
      const before = JSON.stringify(input);
      regenerateGolden(file, `${JSON.stringify(actual, null, 1)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      // the inputs are not changed
      expect(JSON.stringify(input)).toBe(before);
    });
  }

  it('names the pins by hand: the priority and the pond at 311 m are left out', () => {
    const { actual } = nearFixture('assets-near');
    expect(actual.features.slice(1).map((f) => [f.id, f.properties?.metres])).toEqual([
      ['library', 111],
      ['market', 265],
      ['park', 278],
      ['cafe', 298],
    ]);
  });
});

const pin = (id: string, over: Partial<PinFeature['properties']>, at: [number, number]): PinFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: at },
  properties: { id, kind: 'priority', theme: 'safety', title: id, area: 'a', createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z', ...over },
});

describe('projectDraftFromPins', () => {
  it('titles the draft after the most supported pin, lists every pin, sits at their mean and keeps their ids', () => {
    const pins = [
      pin('lights', { title: 'Lights on the path', theme: 'green', supports: 1 }, [-2.0, 53.0]),
      pin('crossing', { title: 'Safer crossing', note: 'Cars are fast here', supports: 5 }, [-2.2, 53.2]),
      pin('kerb', { title: 'Drop the kerb', supports: 2 }, [-2.1, 53.1]),
    ];
    const before = JSON.stringify(pins);
    expect(projectDraftFromPins(pins)).toEqual({
      title: 'Safer crossing',
      description: '• Safer crossing: Cars are fast here\n• Drop the kerb\n• Lights on the path',
      cost: 0,
      theme: 'safety',
      location: { point: [-2.1, 53.1] },
      pinIds: ['lights', 'crossing', 'kerb'],
    });
    expect(JSON.stringify(pins)).toBe(before);
  });

  it('on a tie of themes keeps the first pin\u2019s theme; no pins give no draft', () => {
    const pins = [pin('a', { theme: 'green' }, [0, 0]), pin('b', { theme: 'safety' }, [0, 0])];
    expect(projectDraftFromPins(pins)?.theme).toBe('green');
    expect(projectDraftFromPins([])).toBeNull();
  });
});

describe('projectPosition', () => {
  const square = (id: string, x: number): AreaCollection['features'][number] => ({
    type: 'Feature',
    id,
    properties: { id, name: id },
    geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 2, 0], [x + 2, 2], [x, 2], [x, 0]]] },
  });
  const areas: AreaCollection = { type: 'FeatureCollection', features: [square('west', 0), square('east', 10)] };

  it('is the point itself, a point inside the area, the mean over several areas, or null', () => {
    expect(projectPosition({ location: { point: [1.5, 2.5] } }, areas)).toEqual([1.5, 2.5]);
    const [lng, lat] = projectPosition({ location: { areas: ['west'] } }, areas)!;
    expect(lng).toBeGreaterThan(0);
    expect(lng).toBeLessThan(2);
    expect(lat).toBeGreaterThan(0);
    expect(lat).toBeLessThan(2);
    const both = projectPosition({ location: { areas: ['west', 'east'] } }, areas)!;
    expect(both[0]).toBeGreaterThan(5);
    expect(both[0]).toBeLessThan(7);
    expect(projectPosition({ location: { areas: ['nowhere'] } }, areas)).toBeNull();
    expect(projectPosition({ location: null }, areas)).toBeNull();
  });
});

describe('budgetMarkers', () => {
  it('marks the located projects in order, leaves out the others, and highlights the chosen', () => {
    const areas: AreaCollection = { type: 'FeatureCollection', features: [] };
    const project = (id: string, location: BudgetProjectRecord['location']): BudgetProjectRecord => ({ id, title: id, description: '', cost: 10, theme: null, location, pinIds: [] });
    const markers = budgetMarkers([project('a', { point: [1, 2] }), project('b', null), project('c', { point: [3, 4] })], areas, (p) => `£${p.cost}`, new Set(['c']));
    expect(markers).toEqual([
      { id: 'a', title: 'a', detail: '£10', position: [1, 2], highlighted: false },
      { id: 'c', title: 'c', detail: '£10', position: [3, 4], highlighted: true },
    ]);
  });
});
