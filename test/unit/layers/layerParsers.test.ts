// hand-written edge cases of the context layer parsers: every refusal names the row or feature and the rule.
import { describe, expect, it } from 'vitest';
import { checkLayerGeometry } from '../../../src/core/layers/checkLayerGeometry.ts';
import { MAX_LAYER_FEATURES } from '../../../src/core/layers/layerTypes.ts';
import { parseCsvLayer } from '../../../src/core/layers/parseCsvLayer.ts';
import { parseCsvRows } from '../../../src/core/layers/parseCsvRows.ts';
import { parseGeoJsonLayer } from '../../../src/core/layers/parseGeoJsonLayer.ts';
import { readLayerUpload } from '../../../src/core/layers/readLayerUpload.ts';

const rules = (r: { ok: boolean; errors?: { rule: string; path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => `${e.path} ${e.rule}`));
const point = (props: object, coordinates: unknown = [-2.2, 53.4]) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseCsvRows', () => {
  it('handles quotes, doubled quotes, CRLF, line breaks in quotes and blank lines', () => {
    const r = parseCsvRows('a,b\r\n"x, ""y""","1\n2"\r\n\r\nlast,row');
    expect(r).toEqual({ ok: true, separator: ',', rows: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, "y"', '1\n2'] }, { line: 5, fields: ['last', 'row'] }] });
  });
  it('refuses an unclosed quote, naming its line', () => {
    expect(parseCsvRows('a,b\n1,"open\n2,3')).toEqual({ ok: false, line: 2, message: 'line 2: a quoted field is never closed' });
  });
});

describe('parseCsvLayer', () => {
  it('finds lon/lat by common names in any case, and keeps the order [lng, lat]', () => {
    const r = parseCsvLayer('NAME,LAT,LNG\nHall,53.48,-2.24');
    expect(r.ok && r.value.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [-2.24, 53.48] });
  });
  it('does not take x/y or easting/northing as longitude/latitude', () => {
    expect(rules(parseCsvLayer('name,easting,northing\nHall,383000,398000'))).toEqual(['row 1 missing-coordinates-column']);
    expect(rules(parseCsvLayer('name,x,y\nHall,-2.2,53.4'))).toEqual(['row 1 missing-coordinates-column']);
  });
  it('uses the mapping\'s own coordinate columns', () => {
    const r = parseCsvLayer('name,x,y\nHall,-2.2,53.4', { lon: 'x', lat: 'y' });
    expect(r.ok && r.value.features[0]!.geometry.coordinates).toEqual([-2.2, 53.4]);
  });
  it('refuses the whole file, naming each bad row and rule', () => {
    const r = parseCsvLayer('name,lon,lat\nGood,-2.2,53.4\n,-2.2,53.4\nFar,383000,398000\nText,east,53\nShort,1');
    expect(rules(r)).toEqual(['row 3 missing-name', 'row 4 out-of-range', 'row 5 invalid-coordinates', 'row 6 wrong-field-count']);
  });
  it('refuses control characters in names through the storable-text rule', () => {
    const r = parseCsvLayer('name,lon,lat\n"bad\u0007bell",-2.2,53.4');
    expect(rules(r)).toEqual(['row 2 unstorable-text']);
    expect(!r.ok && r.errors[0]!.message).toContain('U+0007');
  });
  it('refuses a mapping that names a column the header lacks', () => {
    expect(rules(parseCsvLayer('name,lon,lat\nA,1,1', { category: 'Type' }))).toEqual(['row 1 unknown-column']);
  });
  it('refuses more than the feature cap, and an empty file', () => {
    const big = `name,lon,lat\n${'a,1,1\n'.repeat(MAX_LAYER_FEATURES + 1)}`;
    expect(rules(parseCsvLayer(big))).toEqual(['(root) too-many-features']);
    expect(rules(parseCsvLayer('\uFEFF  '))).toEqual(['(root) empty-file']);
    expect(rules(parseCsvLayer('name,lon,lat\n'))).toEqual(['(root) no-features']);
  });
  it('does not turn a category named like an object key into a theme', () => {
    const r = parseCsvLayer('name,category,lon,lat\nA,constructor,1,1', { themeByCategory: { park: 'green' } });
    expect(r.ok && r.value.features[0]!.properties).toEqual({ name: 'A', category: 'constructor' });
  });
  it('does not read a decimal comma in a comma-separated file', () => {
    expect(rules(parseCsvLayer('name,lon,lat\nA,"1,5",2'))).toEqual(['row 2 invalid-coordinates']);
  });
});

describe('parseGeoJsonLayer', () => {
  it('accepts a bare geometry or Feature (its name still required)', () => {
    expect(rules(parseGeoJsonLayer('{"type":"Point","coordinates":[1,1]}'))).toEqual(['features[0] missing-name']);
    expect(parseGeoJsonLayer(JSON.stringify(point({ title: 'Pond' }))).ok).toBe(true);
  });
  it('names each bad feature and the rule, and keeps nothing', () => {
    const r = parseGeoJsonLayer(fc(point({ name: 'ok' }), point({ name: 'far' }, [530000, 180000]), point({}), { type: 'Nope' },
      { type: 'Feature', properties: { name: 'open ring' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
      { type: 'Feature', properties: { name: 'gc' }, geometry: { type: 'GeometryCollection', geometries: [] } }));
    expect(rules(r)).toEqual(['features[1].geometry out-of-range', 'features[2] missing-name', 'features[3] invalid-feature', 'features[4].geometry ring-not-closed', 'features[5].geometry invalid-geometry']);
  });
  it('refuses bad JSON, an empty collection and more than the cap', () => {
    expect(rules(parseGeoJsonLayer('{oops'))).toEqual(['(root) invalid-json']);
    expect(rules(parseGeoJsonLayer(fc()))).toEqual(['(root) no-features']);
    const many = Array.from({ length: MAX_LAYER_FEATURES + 1 }, () => point({ name: 'a' }));
    expect(rules(parseGeoJsonLayer(fc(...many)))).toEqual(['(root) too-many-features']);
  });
  it('stops listing problems after 50', () => {
    const r = parseGeoJsonLayer(fc(...Array.from({ length: 80 }, () => point({}))));
    expect(!r.ok && r.errors.length).toBe(51);
    expect(!r.ok && r.errors[50]!.rule).toBe('too-many-errors');
  });
});

describe('checkLayerGeometry', () => {
  it('refuses text, NaN and too-short lines', () => {
    expect(checkLayerGeometry({ type: 'Point', coordinates: ['1', 2] })).toMatchObject({ ok: false, rule: 'invalid-coordinates' });
    expect(checkLayerGeometry({ type: 'LineString', coordinates: [[1, 1]] })).toMatchObject({ ok: false, rule: 'line-too-short' });
    expect(checkLayerGeometry({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [0, 0]]]] })).toMatchObject({ ok: false, rule: 'ring-too-short' });
  });
});

describe('readLayerUpload', () => {
  it('checks the body shape and the mapping\'s themes before the file', () => {
    expect(rules(readLayerUpload({ name: '', kind: 'assets', format: 'csv', data: '' }, []))[0]).toMatch(/^layer.name/);
    expect(rules(readLayerUpload({ name: 'x', kind: 'other', format: 'csv', data: '' }, []))[0]).toMatch(/^layer.kind/);
    const bad = readLayerUpload({ name: 'x', kind: 'assets', format: 'csv', data: 'name,lon,lat\na,1,1', mapping: { themeByCategory: { a: 'nope' } } }, ['green']);
    expect(rules(bad)).toEqual(['layer.mapping.themeByCategory.a unknown-theme']);
  });
  it('takes GeoJSON as an object too', () => {
    const r = readLayerUpload({ name: 'Sites', kind: 'reference', format: 'geojson', data: JSON.parse(fc(point({ name: 'A' }))) }, []);
    expect(r.ok && r.value.features.features.length).toBe(1);
  });
});
