// how context layers are keyed and counted: one colour per category (the theme's where mapped), and residents'
// confirmations of assets summed per area beside the pins.
import { describe, expect, it } from 'vitest';
import { assetAnchor, assetConfirmationsByArea } from '../../../src/core/layers/assetConfirmationsByArea.ts';
import { CATEGORY_PALETTE, categoryColours, layerLegend } from '../../../src/core/layers/layerStyle.ts';
import { testAreas } from '../../support/serverFixtures.ts';

describe('layerLegend', () => {
  it('gives one entry per category in order of first appearance, with counts', () => {
    const legend = layerLegend([{ category: 'library' }, { category: 'hall' }, { category: 'library' }, { category: '' }], {});
    expect(legend).toEqual([
      { category: 'library', colour: CATEGORY_PALETTE[0], count: 2 },
      { category: 'hall', colour: CATEGORY_PALETTE[1], count: 1 },
      { category: '', colour: CATEGORY_PALETTE[2], count: 1 },
    ]);
  });

  it('colours a category mapped to a theme with the theme, and the palette skips it', () => {
    const legend = layerLegend([{ category: 'park', theme: 'green' }, { category: 'hall' }, { category: 'odd', theme: 'unknown-theme' }], { green: '#2e7d32' });
    expect(legend.map((e) => [e.category, e.colour, e.theme])).toEqual([
      ['park', '#2e7d32', 'green'],
      ['hall', CATEGORY_PALETTE[0], undefined],
      // a theme without a colour here (removed since the upload) falls back to the palette
      ['odd', CATEGORY_PALETTE[1], 'unknown-theme'],
    ]);
    expect(categoryColours(legend).get('hall')).toBe(CATEGORY_PALETTE[0]);
  });

  it('wraps round the palette for many categories', () => {
    const legend = layerLegend(Array.from({ length: CATEGORY_PALETTE.length + 1 }, (_, i) => ({ category: `c${i}` })), {});
    expect(legend.at(-1)!.colour).toBe(CATEGORY_PALETTE[0]);
  });
});

describe('assetConfirmationsByArea', () => {
  it('sums each asset\'s verdicts into the area it stands in, and those outside every area apart', () => {
    const assets = [
      { geometry: { type: 'Point' as const, coordinates: [-2.25, 53.45] as [number, number] }, confirmations: { valued: 3, missing: 1, closed: 0 } },
      { geometry: { type: 'Point' as const, coordinates: [-2.28, 53.42] as [number, number] }, confirmations: { valued: 2, missing: 0, closed: 1 } },
      { geometry: { type: 'Polygon' as const, coordinates: [[[-2.15, 53.45], [-2.14, 53.45], [-2.14, 53.46], [-2.15, 53.45]]] as [number, number][][] }, confirmations: { valued: 4, missing: 0, closed: 0 } },
      { geometry: { type: 'Point' as const, coordinates: [0, 0] as [number, number] }, confirmations: { valued: 9, missing: 0, closed: 0 } },
    ];
    const counted = assetConfirmationsByArea(testAreas(), assets);
    expect(counted.byArea).toEqual({ west: { valued: 5, missing: 1, closed: 1 }, east: { valued: 4, missing: 0, closed: 0 } });
    expect(counted.outside).toEqual({ valued: 9, missing: 0, closed: 0 });
    // inputs are left as they were
    expect(assets[0]!.confirmations).toEqual({ valued: 3, missing: 1, closed: 0 });
  });

  it('publishes an area\'s sum over a hidden figure as "at least" the shown ones', () => {
    const hidden = { suppressed: true as const, lessThan: 5 };
    const counted = assetConfirmationsByArea(testAreas(), [
      { geometry: { type: 'Point', coordinates: [-2.25, 53.45] }, confirmations: { valued: hidden, missing: 0, closed: 0 } },
      { geometry: { type: 'Point', coordinates: [-2.26, 53.45] }, confirmations: { valued: 7, missing: 0, closed: 0 } },
    ]);
    expect(counted.byArea.west).toEqual({ valued: { suppressed: true, atLeast: 7 }, missing: 0, closed: 0 });
  });

  it('gives every area zeros when nobody confirmed anything', () => {
    expect(assetConfirmationsByArea(testAreas(), []).byArea).toEqual({ west: { valued: 0, missing: 0, closed: 0 }, east: { valued: 0, missing: 0, closed: 0 } });
  });

  it('anchors lines and polygons at their first position', () => {
    expect(assetAnchor({ type: 'MultiPolygon', coordinates: [[[[5, 6], [7, 8], [5, 9], [5, 6]]]] })).toEqual([5, 6]);
    expect(assetAnchor({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2]);
  });
});
