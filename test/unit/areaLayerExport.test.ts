// flattening area layers for GIS: one column per count, null + _hidden where protected, own properties kept as text.
import { describe, expect, it } from 'vitest';
import { areasWithCounts } from '../../src/core/aggregateAreas.ts';
import { countColumns, flatLayerCsv, flatLayerCsvt, flatLayerFeatures } from '../../src/core/areaLayerExport.ts';
import type { PinCounts } from '../../src/core/countPins.ts';
import { exportCaption, exportFileName, type ExportProvenance } from '../../src/core/exportProvenance.ts';
import { readCsv } from '../support/readCsv.ts';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const counts = (green: [number, number], play: [number, number]): PinCounts => ({
  total: green[0] + green[1] + play[0] + play[1],
  asset: green[0] + play[0],
  priority: green[1] + play[1],
  byTheme: { green: { asset: green[0], priority: green[1] }, play: { asset: play[0], priority: play[1] } },
});
const areas = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, id: 'a', properties: { id: 'a', name: 'Aberystwyth', total: 'own total', tags: ['x'], ok: true, area_km2: 1.5 }, geometry: square },
    { type: 'Feature' as const, id: 'b', properties: { id: 'b', name: 'Łódź' }, geometry: square },
  ],
};
const perArea = [counts([10, 6], [0, 7]), counts([2, 0], [0, 0])];

describe('flatLayerFeatures', () => {
  it('puts each count in its own column, null with _hidden true where protection hides it', () => {
    const out = flatLayerFeatures(areasWithCounts(areas, perArea, 0, [], 5), { themes: ['green', 'play', 'quiet'] });
    const [a, b] = out.features.map((f) => f.properties);
    expect(a).toMatchObject({ total: 23, total_hidden: false, green_asset: 10, play_priority: 7, quiet_asset: 0, quiet_asset_hidden: false });
    expect(b).toMatchObject({ total: null, total_hidden: true, asset: null, asset_hidden: true, green_asset: null, green_asset_hidden: true, priority: 0, priority_hidden: false });
    expect(Object.keys(b!).filter((k) => !k.endsWith('_hidden')).slice(2)).toEqual(countColumns(['green', 'play', 'quiet']));
  });

  it('keeps the area\'s own properties flat: nested values as JSON text, a name taken by a count column as area_<name>', () => {
    const out = flatLayerFeatures(areasWithCounts(areas, perArea, 0, []), { themes: ['green', 'play'] });
    expect(out.features[0]!.properties).toMatchObject({ id: 'a', name: 'Aberystwyth', area_total: 'own total', tags: '["x"]', ok: true, area_km2: 1.5, total: 23 });
    expect(out.features[0]!.id).toBe('a');
    expect(out.features[0]!.geometry).toEqual(square);
    expect('counts' in out.features[0]!.properties).toBe(false);
  });

  it('does not change its input', () => {
    const input = areasWithCounts(areas, perArea, 0, [], 5);
    const before = structuredClone(input);
    flatLayerFeatures(input, { themes: ['green'], extra: [{ value: 1 }] });
    expect(input).toEqual(before);
  });
});

describe('flatLayerCsv and flatLayerCsvt', () => {
  const flat = flatLayerFeatures(areasWithCounts(areas, perArea, 0, [], 5), { themes: ['green', 'play'] });

  it('writes a byte-order mark, bare numbers and booleans, and empty cells for hidden counts', () => {
    const csv = flatLayerCsv(flat);
    expect(csv.startsWith('\uFEFFid,name,area_total,tags,ok,area_km2,total,total_hidden,')).toBe(true);
    const rows = readCsv(csv);
    const at = (r: number, c: string) => rows[r]![rows[0]!.indexOf(c)];
    expect([at(1, 'total'), at(1, 'total_hidden'), at(1, 'ok'), at(1, 'area_km2')]).toEqual(['23', 'false', 'true', '1.5']);
    expect([at(2, 'name'), at(2, 'total'), at(2, 'total_hidden'), at(2, 'tags')]).toEqual(['Łódź', '', 'true', '']);
  });

  it('types every column for GDAL, integers even where every value is hidden', () => {
    const allHidden = flatLayerFeatures(areasWithCounts({ ...areas, features: [areas.features[1]!] }, [perArea[1]!], 0, [], 5), { themes: ['green'] });
    const types = (c: ReturnType<typeof flatLayerFeatures>) => Object.fromEntries(readCsv(flatLayerCsv(c))[0]!.map((name, i) => [name, readCsv(flatLayerCsvt(c))[0]![i]]));
    expect(types(allHidden)).toMatchObject({ id: 'String', name: 'String', total: 'Integer', total_hidden: 'Integer(Boolean)', green_asset: 'Integer' });
    expect(types(flat)).toMatchObject({ tags: 'String', ok: 'Integer(Boolean)', area_km2: 'Real', total: 'Integer' });
  });
});

describe('exportCaption and exportFileName', () => {
  const p: ExportProvenance = {
    consultation: { slug: 'aber', title: 'Cynllun Aberystwyth' },
    layer: 'areas',
    filters: { kind: 'priority', themes: ['green', 'play'], sessions: ['', 'hall'] },
    dateRange: { from: '2026-01-01T00:00:00.000Z', to: null },
    pins: null,
    counts: 'protected',
    minCount: 5,
    exportedAt: '2026-12-01T10:00:00.000Z',
    source: 'Coplan',
    boundaryCopyright: null,
  };

  it('states each fact on its own line, as text', () => {
    expect(exportCaption(p).split('\n')).toEqual([
      'Consultation: Cynllun Aberystwyth (aber)',
      'Layer: areas',
      'Filters: kind priority; themes green, play; sessions (online), hall',
      'Dates: 2026-01-01T00:00:00.000Z to before the export',
      'Pins covered: not stated (it would reveal a hidden count)',
      'Counts: protected: counts from 1 to 4 and counts that would reveal them are hidden (empty, with <column>_hidden true)',
      'Source: Coplan',
      'Boundaries: no copyright line set for this consultation',
      'Exported: 2026-12-01T10:00:00.000Z',
      '',
    ]);
    expect(exportCaption({ ...p, counts: 'raw', minCount: 0, pins: 3 })).toContain('Counts: raw counts (not protected: not for publication)');
  });

  it('names a raw file as raw', () => {
    expect(exportFileName('aber', 'areas', p.exportedAt, 'csv')).toBe('coplan-aber-areas-2026-12-01.csv');
    expect(exportFileName('aber', 'areas', p.exportedAt, 'csv', 'raw')).toBe('coplan-aber-areas-raw-2026-12-01.csv');
  });
});
