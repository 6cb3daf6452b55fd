// spreadsheet safety in every text column: a cell a spreadsheet would run as a formula is written with a leading '.
import { describe, expect, it } from 'vitest';
import type { CountArrays } from '../../src/core/countPins.ts';
import { CSV_HEADER, pinsToCsv } from '../../src/core/exportPins.ts';
import { areasLayerGeoJson, layerCsv } from '../../src/core/layerExport.ts';
import type { AreaCollection, PinFeature, Theme } from '../../src/core/types.ts';
import { readCsv } from '../support/readCsv.ts';

// OWASP's formula starts, each followed by a payload a spreadsheet would run
const STARTS = ['=', '+', '-', '@', '\t', '\r'];
const payload = (start: string) => `${start}cmd|' /C calc'!A0`;

const NUMERIC = ['longitude', 'latitude', 'supports'];
const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];

/** One pin with `text` in the field behind `column`, and the themes and areas that name it. */
const COLUMNS: Record<string, (text: string) => { pin: PinFeature; themes: Theme[]; areas: AreaCollection }> = Object.fromEntries(
  CSV_HEADER.filter((c) => !NUMERIC.includes(c)).map((column) => [column, (text: string) => {
    const p: Record<string, unknown> = { id: 'p1', kind: 'asset', theme: 'green', title: 'Park', note: 'quiet', sentiment: 'positive', area: 'a1', createdAt: '2025-03-01T09:00:00.000Z', updatedAt: '2025-03-01T09:00:00.000Z', supports: 2 };
    let themeLabel = 'Green space';
    let areaName = 'Old Town';
    const field: Record<string, () => void> = {
      id: () => (p.id = text), kind: () => (p.kind = text), theme: () => (p.theme = text), theme_label: () => (themeLabel = text),
      title: () => (p.title = text), note: () => (p.note = text), sentiment: () => (p.sentiment = text), area_id: () => (p.area = text),
      area_name: () => (areaName = text), created_at: () => (p.createdAt = text), updated_at: () => (p.updatedAt = text),
      response_status: () => (p.response = { status: text, text: 'ok', at: '2025-03-02T00:00:00.000Z' }),
      response_text: () => (p.response = { status: 'planned', text, at: '2025-03-02T00:00:00.000Z' }),
      response_at: () => (p.response = { status: 'planned', text: 'ok', at: text }),
    };
    if (!field[column]) throw new Error(`no field behind the CSV column ${column}: add it to this table`);
    field[column]!();
    const pin = { type: 'Feature', id: String(p.id), geometry: { type: 'Point', coordinates: [-2.24, 53.48] }, properties: p } as unknown as PinFeature;
    const themes: Theme[] = [{ id: String(p.theme), label: themeLabel, colour: '#1b9e77', icon: 'tree' }];
    const areas: AreaCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: String(p.area), properties: { id: String(p.area), name: areaName }, geometry: { type: 'Polygon', coordinates: square } }] };
    return { pin, themes, areas };
  }]),
);

describe('pinsToCsv: every text column', () => {
  it('covers every column that is not a number we write ourselves', () => {
    expect(Object.keys(COLUMNS).sort()).toEqual(CSV_HEADER.filter((c) => !NUMERIC.includes(c)).sort());
    expect(Object.keys(COLUMNS)).toHaveLength(14);
  });

  for (const column of Object.keys(COLUMNS)) {
    it.each(STARTS)(`${column} starting with %j is prefixed with '`, (start) => {
      const { pin, themes, areas } = COLUMNS[column]!(payload(start));
      const rows = readCsv(pinsToCsv([pin], { themes, areas }));
      expect(rows).toHaveLength(2);
      expect(rows[1]![CSV_HEADER.indexOf(column as (typeof CSV_HEADER)[number])]).toBe(`'${payload(start)}`);
    });
  }

  it('leaves the numbers we write (a negative longitude) as numbers', () => {
    const { pin, themes, areas } = COLUMNS.title!('Park');
    const row = readCsv(pinsToCsv([pin], { themes, areas }))[1]!;
    expect(row[CSV_HEADER.indexOf('longitude')]).toBe('-2.24');
    expect(row[CSV_HEADER.indexOf('supports')]).toBe('2');
  });
});

describe('layerCsv: every text column', () => {
  const counts = (nThemes: number): CountArrays => ({
    nGroups: 1,
    themes: Array.from({ length: nThemes }, (_, i) => `t${i}`),
    total: new Uint32Array([7, 0]),
    asset: new Uint32Array([7, 0]),
    priority: new Uint32Array([0, 0]),
    // (group, theme, kind) cells for the area and the outside: 7 assets of the first theme in the area
    byTheme: new Uint32Array(2 * nThemes * 2).map((_, i) => (i === 0 ? 7 : 0)),
  });

  it.each(STARTS)('area id, area name, the area\'s own text and theme id starting with %j are prefixed with \'', (start) => {
    const evil = payload(start);
    const areas: AreaCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: evil, properties: { id: evil, name: evil, ward: evil, extra: { note: evil } } as AreaCollection['features'][0]['properties'], geometry: { type: 'Polygon', coordinates: square } }] };
    const c = { ...counts(1), themes: [evil] };
    const out = areasLayerGeoJson(areas, c, [{ kind: 'value', value: 7 }], ['#000000'], { layer: 'areas-count', filter: '{}', minCount: 0 });
    const rows = readCsv(layerCsv(out));
    const header = rows[0]!;
    const at = (column: string) => rows[1]![header.indexOf(column)];
    expect(header).toContain(`'${evil}_asset`);
    expect(header).toContain(`'${evil}_priority_hidden`);
    expect([at('id'), at('name'), at('ward')]).toEqual([`'${evil}`, `'${evil}`, `'${evil}`]);
    // nested values are JSON text: it starts with { and is left as it is
    expect(JSON.parse(at('extra')!)).toEqual({ note: evil });
    // the counts and flags we write are bare numbers and booleans
    expect([at('total'), at('total_hidden'), at('asset'), at('priority'), at(`'${evil}_asset`), at('value')]).toEqual(['7', 'false', '7', '0', '7', '7']);
  });

  it('writes a negative number of an area\'s own as a number, and text that looks like one as protected text', () => {
    const areas: AreaCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', properties: { id: 'a', name: 'A', offset: -3, code: '-3' } as AreaCollection['features'][0]['properties'], geometry: { type: 'Polygon', coordinates: square } }] };
    const rows = readCsv(layerCsv(areasLayerGeoJson(areas, counts(1), [], [], { layer: 'areas', filter: '{}', minCount: 0 })));
    expect(rows[1]![rows[0]!.indexOf('offset')]).toBe('-3');
    expect(rows[1]![rows[0]!.indexOf('code')]).toBe("'-3");
  });
});
