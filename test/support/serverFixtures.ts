// small hand-made areas, themes and pins for the server tests.
import type { AreaCollection, Theme } from '../../src/core/types.ts';
import type { NewConsultation, ServerPin } from '../../src/server/storage/storage.ts';

const square = (id: string, name: string, x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Feature' as const,
  id,
  properties: { id, name },
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});

/** two side-by-side squares near Manchester: west [-2.3,-2.2] and east [-2.2,-2.1], lat 53.4-53.5 */
export function testAreas(): AreaCollection {
  return { type: 'FeatureCollection', features: [square('west', 'West', -2.3, 53.4, -2.2, 53.5), square('east', 'East', -2.2, 53.4, -2.1, 53.5)] };
}

export function testThemes(): Theme[] {
  return [
    { id: 'green', label: 'Green space', colour: '#2e7d32', icon: 'tree' },
    { id: 'safety', label: 'Safety', colour: '#c62828', icon: 'shield' },
  ];
}

/** locates a point in the test squares (half-open so the shared edge belongs to one square) */
export function locateTestArea([lng, lat]: readonly [number, number]): string | null {
  if (lat < 53.4 || lat >= 53.5) return null;
  if (lng >= -2.3 && lng < -2.2) return 'west';
  if (lng >= -2.2 && lng < -2.1) return 'east';
  return null;
}

let counter = 0;
export function testPin(overrides: Partial<ServerPin['properties']> & { position?: [number, number] } = {}): ServerPin {
  const { position = [-2.25, 53.45], ...props } = overrides;
  const id = props.id ?? `pin-${process.pid}-${++counter}`;
  const now = props.createdAt ?? new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString();
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [...position] },
    properties: { kind: 'asset', theme: 'green', title: `Pin ${id}`, area: locateTestArea(position) ?? 'west', createdAt: now, updatedAt: now, supports: 0, hidden: false, ...props, id },
  };
}

let consultations = 0;
/** a consultation over the test areas and themes, with a slug of its own unless given */
export function testConsultation(overrides: Partial<NewConsultation & { pins: ServerPin[] }> = {}): NewConsultation & { pins: ServerPin[] } {
  return {
    slug: `test-${++consultations}`,
    title: 'Test consultation',
    summary: 'Where should things change?',
    status: 'open',
    opensAt: null,
    closesAt: null,
    settings: {},
    areas: testAreas(),
    themes: testThemes(),
    pins: [],
    ...overrides,
  };
}
