// the planner engine (what the web worker runs) against the aggregation core it wraps, on demo and real boundaries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateAreas, aggregateHexes } from '../../src/core/aggregateAreas.ts';
import { aggregateAreasReference } from '../support/aggregateAreasReference.ts';
import { pinCountsOf, type PinFilter } from '../../src/core/countPins.ts';
import { loadPlannerPins, MAX_ANALYSIS_PINS } from '../../src/core/loadPlannerPins.ts';
import { createPlannerEngine } from '../../src/core/plannerEngine.ts';
import { weekStart } from '../../src/core/weeklyCounts.ts';
import { mulberry32 as seeded } from '../../src/core/mulberry32.ts';
import { sharedDataFile, sharedDataSuite } from '../support/sharedData.ts';

const root = path.resolve(import.meta.dirname, '../..');
const demoAreas = JSON.parse(readFileSync(path.join(root, 'data/demo-areas.geojson'), 'utf8'));
const THEMES = ['green-space', 'safety', 'housing', 'play-youth'];
/** pin i was made in SESSIONS[i % 5] (undefined: online) */
const SESSIONS = [undefined, 'hall-2026-03-02', 'library-2026-03-09', 'hall-2026-03-02', undefined];


function randomPins(n: number, bbox: number[], seed: number) {
  const random = seeded(seed);
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [bbox[0]! + (bbox[2]! - bbox[0]!) * random(), bbox[1]! + (bbox[3]! - bbox[1]!) * random()] },
      properties: {
        kind: random() < 0.5 ? 'priority' : 'asset',
        theme: THEMES[Math.floor(random() * THEMES.length)],
        title: `pin ${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 5) + Math.floor(random() * 60 * 86_400_000)).toISOString(),
        supports: Math.floor(random() * 20),
        // by index, not from the random stream, so the other properties stay as they were
        ...(SESSIONS[i % 5] === undefined ? {} : { sessionId: SESSIONS[i % 5] }),
      },
    })),
  };
}

const FILTERS: PinFilter[] = [{}, { kind: 'priority' }, { themes: ['safety', 'housing'] }, { kind: 'asset', from: Date.UTC(2026, 0, 20), to: Date.UTC(2026, 1, 10) }];

describe('createPlannerEngine', () => {
  const pins = randomPins(5000, [-0.236, 53.246, -0.1, 53.315], 7);
  const engine = createPlannerEngine();
  const summary = engine.load(demoAreas, JSON.stringify(pins));

  it('loads text, reports pins, themes, areas and pins outside', () => {
    expect(summary.pins).toBe(5000);
    expect(summary.areas).toBe(demoAreas.features.length);
    expect(summary.themes).toEqual([...THEMES].sort());
    const reference = aggregateAreas(demoAreas, pins);
    expect(summary.outside).toBe(reference.outside);
  });

  it.each(FILTERS)('recounts areas exactly as aggregateAreas for filter %j', (filter) => {
    const result = engine.query({ filter, hexMetres: 500, area: null, topN: 3 });
    const reference = aggregateAreas(demoAreas, pins, { filter });
    reference.features.forEach((f, i) => expect(pinCountsOf(result.areas, i)).toEqual((f.properties as { counts: unknown }).counts));
    expect(result.areas.total[result.areas.nGroups]).toBe(reference.outside);
  });

  it('recounts hexes exactly as aggregateHexes (same hex indices)', () => {
    const filter: PinFilter = { kind: 'priority' };
    const result = engine.query({ filter, hexMetres: 250, area: null, topN: 3 });
    const reference = aggregateHexes(demoAreas, pins, { cellMetres: 250, filter });
    for (const f of reference.features) {
      const { hex, counts } = f.properties as { hex: number; counts: unknown };
      expect(pinCountsOf(result.hexes, hex)).toEqual(counts);
    }
    const nonEmpty = Array.from(result.hexes.total.subarray(0, result.hexes.nGroups)).filter((n) => n > 0).length;
    expect(nonEmpty).toBe(reference.features.length);
  });

  it('counts weeks and top pins within the selected area only', () => {
    const result = engine.query({ filter: { kind: 'priority' }, hexMetres: 500, area: 2, topN: 4 });
    const weeksTotal = [...result.weeks.asset, ...result.weeks.priority].reduce((a, b) => a + b, 0);
    expect(weeksTotal).toBe(result.areas.total[2]);
    expect(Array.from(result.weeks.asset).every((n) => n === 0)).toBe(true);
    expect(new Date(result.weeks.firstWeek).getUTCDay()).toBe(1);
    expect(result.top.asset).toEqual([]);
    expect(result.top.priority).toHaveLength(4);
    const supports = result.top.priority.map((p) => p.supports);
    expect(supports).toEqual([...supports].sort((a, b) => b - a));
  });

  it('clusters every filtered pin once, with a theme mix that adds up', () => {
    const marks = engine.clusters({ themes: ['safety'] }, [-180, -85, 180, 85], 10);
    const total = marks.reduce((n, m) => n + m.count, 0);
    const safety = aggregateAreas(demoAreas, pins, { filter: { themes: ['safety'] } });
    const inAreas = safety.features.reduce((n, f) => n + ((f.properties as { counts: { total: number } }).counts.total), 0);
    expect(total).toBe(inAreas + (safety.outside as number));
    for (const m of marks) expect(m.mix.reduce((a, b) => a + b, 0)).toBe(m.count);
    const street = engine.clusters({}, [-0.2, 53.28, -0.19, 53.29], 18);
    expect(street.every((m) => m.row >= 0 && m.count === 1 && m.title.startsWith('pin '))).toBe(true);
  });

  describe('by workshop session', () => {
    type TestPin = (typeof pins.features)[number];
    const sessionOf = (p: TestPin) => (p.properties as { sessionId?: string }).sessionId ?? '';
    const passes = (p: TestPin, f: PinFilter) =>
      (!f.sessions || f.sessions.includes(sessionOf(p))) && (!f.kind || f.kind === 'both' || f.kind === p.properties.kind) && (!f.themes || f.themes.includes(p.properties.theme!));
    const SESSION_FILTERS: PinFilter[] = [
      { sessions: ['hall-2026-03-02'] },
      { sessions: [''] },
      { sessions: ['library-2026-03-09'], kind: 'priority', themes: ['safety', 'housing'] },
      { sessions: ['', 'library-2026-03-09'], kind: 'asset' },
    ];

    it('lists the sessions present with their pin counts, online first', () => {
      expect(summary.sessions).toEqual([
        { id: '', pins: pins.features.filter((p) => sessionOf(p) === '').length },
        { id: 'hall-2026-03-02', pins: 2000 },
        { id: 'library-2026-03-09', pins: 1000 },
      ]);
    });

    it.each(SESSION_FILTERS)('counts exactly the pins of filter %j in areas, hexes, weeks, top pins and clusters', (filter) => {
      const wanted = pins.features.filter((p) => passes(p, filter));
      expect(wanted.length).toBeGreaterThan(0);
      const result = engine.query({ filter, hexMetres: 500, area: null, topN: 5 });
      const sum = (a: Uint32Array) => a.reduce((x, y) => x + y, 0);
      expect(sum(result.areas.total)).toBe(wanted.length);
      expect(sum(result.hexes.total)).toBe(wanted.length);
      expect(sum(result.weeks.asset) + sum(result.weeks.priority)).toBe(wanted.length);
      const wantedTitles = new Set(wanted.map((p) => p.properties.title));
      for (const top of [...result.top.asset, ...result.top.priority]) expect(wantedTitles.has(top.title)).toBe(true);
      const marks = engine.clusters(filter, [-180, -85, 180, 85], 12);
      expect(marks.reduce((n, m) => n + m.count, 0)).toBe(wanted.length);
      // the slower, feature-by-feature reference over just those pins agrees area by area
      const reference = aggregateAreasReference(demoAreas, { ...pins, features: wanted });
      reference.features.forEach((f, i) => expect(result.areas.total[i]).toBe((f.properties as { counts: { total: number } }).counts.total));
      expect(result.areas.total[result.areas.nGroups]).toBe(reference.outside);
    });

    it('splits every pin into exactly one of online and the sessions', () => {
      const parts = summary.sessions.map((s) => engine.query({ filter: { sessions: [s.id] }, hexMetres: 500, area: null, topN: 1 }).areas);
      const all = engine.query({ filter: {}, hexMetres: 500, area: null, topN: 1 }).areas;
      for (let g = 0; g <= all.nGroups; g++) expect(parts.reduce((n, c) => n + c.total[g]!, 0)).toBe(all.total[g]);
      summary.sessions.forEach((s, i) => expect(parts[i]!.total.reduce((a, b) => a + b, 0)).toBe(s.pins));
    });
  });

  it('does not mutate the areas it is given', () => {
    const copy = JSON.parse(JSON.stringify(demoAreas));
    createPlannerEngine().load(copy, pins);
    expect(copy).toEqual(demoAreas);
  });
});

describe('loadPlannerPins', () => {
  it('names what is wrong with a bad file', () => {
    expect(() => loadPlannerPins('{not json')).toThrow(/not valid JSON/);
    expect(() => loadPlannerPins('{"type":"Feature"}')).toThrow(/FeatureCollection/);
    expect(() => loadPlannerPins({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [500000, 200000] }, properties: {} }] })).toThrow(
      /not WGS84/,
    );
    expect(() => loadPlannerPins({ type: 'FeatureCollection', features: { length: MAX_ANALYSIS_PINS + 1 } })).toThrow(/FeatureCollection/);
  });

  it('refuses more than a million pins', () => {
    const features = new Array(MAX_ANALYSIS_PINS + 1);
    expect(() => loadPlannerPins({ type: 'FeatureCollection', features })).toThrow(/at most 1000000/);
  });

  it('keeps titles (trimmed to 80) and whole positive supports only', () => {
    const point = { type: 'Point', coordinates: [0, 0] };
    const loaded = loadPlannerPins({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point, properties: { title: `  ${'x'.repeat(100)}`, supports: 3 } },
        { type: 'Feature', geometry: point, properties: { supports: -2 } },
        { type: 'Feature', geometry: point, properties: { title: 7, supports: 1.5 } },
      ],
    });
    expect(loaded.titles).toEqual(['x'.repeat(80), '', '']);
    expect(Array.from(loaded.supports)).toEqual([3, 0, 0]);
  });

  it('puts weeks on Mondays (UTC)', () => {
    expect(new Date(weekStart(Date.UTC(2026, 3, 2, 15))).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2026, 2, 30))).toISOString()).toBe('2026-03-30T00:00:00.000Z');
  });
});

const manchester = sharedDataFile('manchester-wards-2023.geojson');

sharedDataSuite('createPlannerEngine on real boundaries (../shared/data)', () => {
  it('matches aggregateAreas on the Manchester wards', () => {
    const wards = JSON.parse(readFileSync(manchester, 'utf8'));
    const pins = randomPins(20_000, [-2.32, 53.34, -2.14, 53.55], 11);
    const engine = createPlannerEngine();
    engine.load(wards, pins);
    const result = engine.query({ filter: { kind: 'priority' }, hexMetres: 1000, area: null, topN: 5 });
    const reference = aggregateAreas(wards, pins, { filter: { kind: 'priority' } });
    reference.features.forEach((f, i) => expect(pinCountsOf(result.areas, i)).toEqual((f.properties as { counts: unknown }).counts));
  });
});
