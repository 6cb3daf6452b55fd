// what the planner's upload screen reads before sending (columns, first rows, category values), and the per-area CSV
// of residents' confirmations with small-count protection.
import { describe, expect, it } from 'vitest';
import { assetConfirmationsByArea } from '../../../src/core/layers/assetConfirmationsByArea.ts';
import { assetConfirmationsCsv } from '../../../src/core/layers/assetConfirmationsCsv.ts';
import { columnValues, layerFormatOf, previewLayerFile } from '../../../src/core/layers/previewLayerFile.ts';
import { testAreas } from '../../support/serverFixtures.ts';

describe('previewLayerFile', () => {
  it('reads a messy CSV (byte-order mark, semicolons, quoted separators) into columns and first rows', () => {
    const text = '\uFEFFSite Name;Asset Type;Lat;Lon\n"Hall; main";Hall;53,2;-0,1\nLibrary;Library;53,3;-0,2\nPark;Green;53,4;-0,3\n';
    const preview = previewLayerFile(text, 'csv', { shown: 2 });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.columns).toEqual(['Site Name', 'Asset Type', 'Lat', 'Lon']);
    expect(preview.value.rows).toEqual([
      { 'Site Name': 'Hall; main', 'Asset Type': 'Hall', Lat: '53,2', Lon: '-0,1' },
      { 'Site Name': 'Library', 'Asset Type': 'Library', Lat: '53,3', Lon: '-0,2' },
    ]);
    expect(preview.value.count).toBe(3);
    expect(columnValues(preview.value.all, 'Asset Type')).toEqual(['Hall', 'Library', 'Green']);
  });

  it('collects every GeoJSON property name, in order of first appearance, as text cells', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: null, properties: { NAME: 'A', n: 3 } },
      { type: 'Feature', geometry: null, properties: { NAME: 'B', kind: 'x', extra: { a: 1 } } },
    ] });
    const preview = previewLayerFile(text, 'geojson');
    expect(preview.ok && preview.value.columns).toEqual(['NAME', 'n', 'kind', 'extra']);
    expect(preview.ok && preview.value.rows[1]).toEqual({ NAME: 'B', kind: 'x', extra: '{"a":1}' });
  });

  it('says why a file cannot be read', () => {
    expect(previewLayerFile('{"type":', 'geojson').ok).toBe(false);
    expect(previewLayerFile('{"type":"Feature"}', 'geojson')).toEqual({ ok: false, message: 'not a GeoJSON FeatureCollection (no "features" list)' });
    const unclosed = previewLayerFile('name,lat\n"open,1', 'csv');
    expect(unclosed.ok).toBe(false);
  });

  it('knows the format by the name, else by the first character', () => {
    expect(layerFormatOf('x.GeoJSON', 'a,b')).toBe('geojson');
    expect(layerFormatOf('x.csv', '{')).toBe('csv');
    expect(layerFormatOf('upload', '\uFEFF {"type":"FeatureCollection"}')).toBe('geojson');
    expect(layerFormatOf('upload', 'name,lon,lat')).toBe('csv');
  });
});

describe('assetConfirmationsCsv', () => {
  const counted = assetConfirmationsByArea(testAreas(), [
    { geometry: { type: 'Point', coordinates: [-2.25, 53.45] }, confirmations: { valued: 7, missing: 2, closed: 0 } },
  ]);

  it('hides counts from 1 to k-1 for publication and flags them', () => {
    const lines = assetConfirmationsCsv(testAreas(), counted, 5).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,name,confirmed_valued,confirmed_valued_hidden,confirmed_missing,confirmed_missing_hidden,confirmed_closed,confirmed_closed_hidden');
    expect(lines[1]).toBe('west,West,7,false,,true,0,false');
    expect(lines[2]).toBe('east,East,0,false,0,false,0,false');
    expect(lines[3]).toBe('(outside),,0,false,0,false,0,false');
  });

  it('gives raw counts with k of 1', () => {
    expect(assetConfirmationsCsv(testAreas(), counted, 1)).toContain('west,West,7,false,2,false,0,false');
  });
});
