// layer values, fills, dashboard tables and layer exports: small-count protection everywhere, sorting that leaks nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateAreas, areasBbox } from '../../src/core/aggregateAreas.ts';
import { flatLayerFeatures } from '../../src/core/areaLayerExport.ts';
import { areaSizesKm2 } from '../../src/core/areaSizes.ts';
import { areaRows, sortAreaRows, topThemes, weekRows } from '../../src/core/dashboardTables.ts';
import { hexLayout } from '../../src/core/hexBins.ts';
import { areasLayerGeoJson, hexLayerGeoJson, layerCsv } from '../../src/core/layerExport.ts';
import { EMPTY_FILL, gapColour, HATCH_FILL, layerFills, sequentialColour } from '../../src/core/layerScales.ts';
import { areaMeasureValues, gapValues, hexValues, overallCounts, publishedGroupCounts } from '../../src/core/layerValues.ts';
import { createPlannerEngine } from '../../src/core/plannerEngine.ts';
import type { AreaCollection } from '../../src/core/types.ts';

const root = path.resolve(import.meta.dirname, '../..');
const areas = JSON.parse(readFileSync(path.join(root, 'data/demo-areas.geojson'), 'utf8')) as AreaCollection;
const pinsText = readFileSync(path.join(root, 'data/demo-pins.geojson'), 'utf8');
const engine = createPlannerEngine();
engine.load(areas, pinsText);
const result = engine.query({ filter: {}, hexMetres: 500, area: null, topN: 5 });
const K = 3;
const published = publishedGroupCounts(result.areas, K);
const km2 = areaSizesKm2(areas);
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

describe('layer values', () => {
  it('withholds every value computed from a count below k', () => {
    const values = areaMeasureValues(published, km2, 'density');
    published.forEach((c, i) => {
      if (typeof c.total === 'object') expect(values[i]).toEqual(c.total.lessThan ? { kind: 'suppressed', lessThan: K } : { kind: 'suppressed' });
      else if (c.total === 0) expect(values[i]).toEqual({ kind: 'empty' });
      else expect((values[i] as { value: number }).value).toBeCloseTo(c.total / km2[i]!, 9);
    });
    expect(values.some((v) => v.kind === 'suppressed')).toBe(true);
    expect(values.some((v) => v.kind === 'value')).toBe(true);
  });

  it('gives a priority gap in [-1, 1] and withholds it with either count', () => {
    const gaps = gapValues(published, 'all');
    gaps.forEach((g, i) => {
      const c = published[i]!;
      if (typeof c.asset === 'object' || typeof c.priority === 'object') expect(g.kind).toBe('suppressed');
      else if (c.total === 0) expect(g.kind).toBe('empty');
      else expect(g).toEqual({ kind: 'value', value: (c.priority - c.asset) / (c.priority + c.asset) });
    });
  });

  it('fills values on the scale, withheld with the hatch and empty in grey', () => {
    const fills = layerFills([{ kind: 'value', value: 1 }, { kind: 'suppressed', lessThan: 5 }, { kind: 'empty' }], gapColour);
    expect(fills).toEqual([gapColour(1), HATCH_FILL, EMPTY_FILL]);
    expect(gapColour(1)).not.toBe(gapColour(-1));
    expect(sequentialColour(0, 10)).not.toBe(sequentialColour(10, 10));
  });

  it('shows hexes as "fewer than k" below k, numbers from k up unless withheld, never a number below k', () => {
    const values = hexValues(result.hexes, K);
    for (let h = 0; h < values.length; h++) {
      const n = result.hexes.total[h]!;
      const v = values[h]!;
      if (n === 0) expect(v).toEqual({ kind: 'empty' });
      else if (n < K) expect(v.kind).toBe('suppressed');
      else if (v.kind === 'value') expect(v.value, `hex ${h}`).toBe(n);
      else expect(v).toEqual({ kind: 'suppressed' });
    }
  });
});

describe('dashboard tables', () => {
  const rows = areaRows(areas.features.map((f) => f.properties), published, km2);

  it('sorts withheld counts between 0 and k without ordering them by their hidden size', () => {
    const sorted = sortAreaRows(rows, 'total', 'desc', K);
    // "fewer than k" sorts as k/2, other withheld totals as k
    const keys = sorted.map((r) => (typeof r.total === 'number' ? r.total : r.total.lessThan ? K / 2 : K));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    // rows with the same key keep the area order: nothing about a withheld count's size is in the order
    for (const key of new Set(keys)) {
      const same = sorted.filter((_, i) => keys[i] === key).map((r) => r.index);
      expect(same).toEqual([...same].sort((a, b) => a - b));
    }
    expect(sortAreaRows(rows, 'name', 'asc', K)[0]!.name).toBe('Ashby Green');
    expect(rows.map((r) => r.index)).toEqual(areas.features.map((_, i) => i));
  });

  it('lists top themes most first and weeks with small counts withheld', () => {
    const overall = overallCounts(result.areas);
    expect(overall.total).toBe(40);
    const top = topThemes(publishedGroupCounts(result.areas, 1)[0]!, 'priority', 2, 1);
    expect(top.length).toBeLessThanOrEqual(2);
    const weeks = weekRows(result.weeks, 5);
    expect(weeks.length).toBeGreaterThan(0);
    for (const w of weeks) expect(typeof w.total === 'number' ? w.total === 0 || w.total >= 5 : w.total.lessThan === 5).toBe(true);
  });
});

describe('layer exports', () => {
  it('writes the areas with counts exactly as the aggregate CLI does, flattened (the server export shape), plus value and fill', () => {
    const values = areaMeasureValues(published, km2, 'count');
    const fills = layerFills(values, (v) => sequentialColour(v, 10));
    const out = areasLayerGeoJson(areas, result.areas, values, fills, { layer: 'areas-count', filter: '{}', minCount: K });
    const reference = aggregateAreas(areas, JSON.parse(pinsText), { minCount: K });
    expect(out.features.map((f) => f.properties)).toEqual(flatLayerFeatures(reference, { themes: result.areas.themes }).features.map((f, i) => ({ ...f.properties, ...pick(out.features[i]!.properties, ['value', 'value_hidden', 'fill', 'fill-opacity']) })));
    expect(out.features.map((f) => f.geometry)).toEqual(areas.features.map((f) => f.geometry));
    expect(out.features.some((f) => f.properties!.fill === HATCH_FILL)).toBe(true);
    // every property is flat: GIS reads numbers and booleans as such, never JSON strings
    for (const f of out.features) for (const v of Object.values(f.properties)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
    expect(out.features.some((f) => f.properties.total === null && f.properties.total_hidden === true)).toBe(true);
    expect(out.features.some((f) => f.properties.value === null && f.properties.value_hidden === true)).toBe(true);
    expect(out.coplan).toMatchObject({ layer: 'areas-count', minCount: K, counts: 'protected' });
    const csv = layerCsv(out).split('\r\n');
    expect(csv[0]).toMatch(/^\uFEFFid,name,total,total_hidden,asset,asset_hidden,priority,priority_hidden,community-spaces_asset,community-spaces_asset_hidden/);
    expect(csv[0]).toMatch(/,value,value_hidden,fill,fill-opacity$/);
    expect(csv.filter(Boolean)).toHaveLength(areas.features.length + 1);
    expect(csv.some((line) => line.includes(',,true'))).toBe(true);
  });

  it('writes only non-empty hexes with protected counts', () => {
    const layout = hexLayout(areasBbox(areas), 500);
    const values = hexValues(result.hexes, K);
    const out = hexLayerGeoJson(layout, result.hexes, values, layerFills(values, (v) => sequentialColour(v, 5)), { layer: 'hex-500m', filter: '{}', minCount: K });
    const nonEmpty = Array.from(result.hexes.total.subarray(0, layout.count)).filter((n) => n > 0).length;
    expect(out.features).toHaveLength(nonEmpty);
    for (const f of out.features) {
      const { hex, total, total_hidden: hidden } = f.properties as { hex: number; total: number | null; total_hidden: boolean };
      const n = result.hexes.total[hex]!;
      // below k always withheld, from k up shown unless withheld beside a small count; the map shows the same
      if (n < K) expect([total, hidden]).toEqual([null, true]);
      else expect([[n, false], [null, true]]).toContainEqual([total, hidden]);
      expect(values[hex]!.kind).toBe(hidden ? 'suppressed' : 'value');
      if (!hidden) expect(values[hex]).toEqual({ kind: 'value', value: n });
    }
    expect(() => hexLayerGeoJson(hexLayout(areasBbox(areas), 1000), result.hexes, values, [], { layer: 'x', filter: '', minCount: K })).toThrow(/hex counts are for/);
  });

  it('neutralises formula-like names in csv', () => {
    const evil: AreaCollection = { type: 'FeatureCollection', features: [{ ...areas.features[0]!, properties: { id: 'a', name: '=HYPERLINK("x")' } }] };
    const e = createPlannerEngine();
    e.load(evil, pinsText);
    const r = e.query({ filter: {}, hexMetres: 500, area: null, topN: 1 });
    const csv = layerCsv(areasLayerGeoJson(evil, r.areas, [], [], { layer: 'areas', filter: '{}', minCount: 5 }));
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
