// small areas, themes and pins shared by the pin import/export tests.
import { createPin } from '../../src/core/createPin.ts';
import type { AreaCollection, PinFeature, Theme } from '../../src/core/types.ts';

const square = (x: number, y: number) => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];

export const areas: AreaCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'west', properties: { id: 'west', name: 'West Ward' }, geometry: { type: 'Polygon', coordinates: [square(-3, 53)] } },
    { type: 'Feature', id: 'east', properties: { id: 'east', name: 'East, "Old" Town' }, geometry: { type: 'Polygon', coordinates: [square(-2, 53)] } },
  ],
};

export const themes: Theme[] = [
  { id: 'green', label: 'Green space', colour: '#1b9e77', icon: 'tree' },
  { id: 'safety', label: 'Safety', colour: '#d95f02', icon: 'shield' },
];

export const pins: PinFeature[] = [
  createPin({ kind: 'asset', theme: 'green', title: 'Park', note: 'Quiet, "lovely"\nand green', sentiment: 'positive', position: [-1.7600001, 53.4812345] }, { id: 'p1', area: 'east', now: '2025-03-01T09:00:00.000Z', author: 'dev-1' }),
  createPin({ kind: 'priority', theme: 'safety', title: '=HYPERLINK("http://x")', position: [-2.9, 53.1] }, { id: 'p2', area: 'west', now: '2025-03-02T09:00:00Z', sessionId: 'table-1' }),
];
