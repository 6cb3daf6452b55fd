// checks the committed demo data (data/*.json, data/*.geojson) is what the generator makes, and that it is sound.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanValid } from '@turf/boolean-valid';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateParksPins } from '../../src/cli/demoParksPins.ts';
import { demoStreets } from '../../src/cli/demoStreets.ts';
import { DEMO_SEED, generateDemoTown, slugify, toGeoJsonText, toLngLatRing } from '../../src/cli/generateDemoTown.ts';
import { mulberry32 } from '../../src/core/mulberry32.ts';
import { parseAreas } from '../../src/core/parseAreas.ts';
import { parsePins } from '../../src/core/parsePins.ts';
import { parseThemes } from '../../src/core/parseThemes.ts';
import { pinFieldsSchema } from '../../src/core/validatePin.ts';
import type { AreaCollection, PinCollection, Theme } from '../../src/core/types.ts';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const read = (name: string) => readFileSync(path.join(dataDir, name), 'utf8');
const areasText = read('demo-areas.geojson');
const pinsText = read('demo-pins.geojson');
const themesText = read('themes.json');
const areas = JSON.parse(areasText) as AreaCollection;
const pins = JSON.parse(pinsText) as PinCollection;
const themes = JSON.parse(themesText) as Theme[];
const ICONS = ['tree', 'play', 'bus', 'shield', 'home', 'heart', 'shop', 'people', 'landmark', 'leaf'];

/** Every polygon of an area, as a Polygon feature. */
function polygonsOf(feature: AreaCollection['features'][number]): Feature<Polygon>[] {
  const all = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return all.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
}

/** Twice the signed planar area: positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

// Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, applied to linear RGB
const VISION: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** CIE L*a*b* of a #rrggbb colour as seen with the given vision (D65). */
function labAs(hex: string, vision: number[][]): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = vision.map((row) => Math.min(1, Math.max(0, row.reduce((sum, m, j) => sum + m * rgb[j]!, 0)))) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

describe('the generator', () => {
  it('makes exactly the committed files from DEMO_SEED', () => {
    const town = generateDemoTown(DEMO_SEED);
    expect(toGeoJsonText(town.areas)).toBe(areasText);
    expect(toGeoJsonText(town.pins)).toBe(pinsText);
    expect(toGeoJsonText(generateParksPins(town.areas))).toBe(read('demo-pins-parks-2025.geojson'));
    expect(toGeoJsonText(demoStreets(town.plan, toLngLatRing))).toBe(read('demo-streets.geojson'));
  });

  it('draws streets that stop at the river and the park, and landmarks named in all four languages', () => {
    const { plan, areas } = generateDemoTown(DEMO_SEED);
    const streets = demoStreets(plan, toLngLatRing).features;
    const kinds = (layer: string) => new Set(streets.filter((f) => f.properties.layer === layer).map((f) => f.properties.kind));
    expect(kinds('roads')).toEqual(new Set(['major_road', 'minor_road', 'rail', 'path']));
    expect(kinds('water')).toEqual(new Set(['river', 'lake', 'water']));
    expect(streets.filter((f) => f.properties.kind === 'minor_road').length).toBeGreaterThan(40);
    const park = areas.features.find((f) => f.properties.id === 'hollins-park')!;
    for (const street of streets.filter((f) => f.properties.kind === 'minor_road')) {
      for (const p of (street.geometry as LineString).coordinates) expect(booleanPointInPolygon(p, park)).toBe(false);
    }
    const landmarks = streets.filter((f) => f.properties.layer === 'pois');
    expect(landmarks.length).toBeGreaterThanOrEqual(6);
    for (const l of landmarks) expect(['name:en', 'name:cy', 'name:pl', 'name:ur'].every((k) => typeof l.properties[k] === 'string')).toBe(true);
  });

  it('is deterministic in the seed and changes with it', () => {
    const a = toGeoJsonText(generateDemoTown(7).areas);
    expect(toGeoJsonText(generateDemoTown(7).areas)).toBe(a);
    expect(toGeoJsonText(generateDemoTown(8).areas)).not.toBe(a);
    const random = mulberry32(1);
    const draws = [random(), random(), random()];
    expect(new Set(draws).size).toBe(3);
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => generateDemoTown(1.5)).toThrow(/seed must be an integer/);
  });

  it('slugs names into ids', () => {
    expect(slugify("St Anne's")).toBe('st-annes');
    expect(slugify('  Old Town ')).toBe('old-town');
  });
});

describe('data/demo-areas.geojson', () => {
  it('has 10 to 30 neighbourhoods with unique slug ids and names', () => {
    expect(areas.features.length).toBeGreaterThanOrEqual(10);
    expect(areas.features.length).toBeLessThanOrEqual(30);
    const ids = areas.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(areas.features.map((f) => f.properties.name)).size).toBe(ids.length);
    for (const f of areas.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.id).toBe(slugify(f.properties.name));
    }
  });

  it('exercises a MultiPolygon and a polygon with a hole', () => {
    expect(areas.features.some((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    expect(areas.features.some((f) => polygonsOf(f).some((p) => p.geometry.coordinates.length > 1))).toBe(true);
  });

  it('has closed, valid, kink-free rings wound as RFC 7946 asks, rounded to 6 decimals', () => {
    for (const f of areas.features) {
      expect(booleanValid(f), f.properties.id).toBe(true);
      for (const p of polygonsOf(f)) {
        expect(kinks(p).features, f.properties.id).toHaveLength(0);
        p.geometry.coordinates.forEach((ring, r) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          // exterior counter-clockwise, holes clockwise
          expect(Math.sign(signedArea(ring)), `${f.properties.id} ring ${r}`).toBe(r === 0 ? 1 : -1);
          for (const v of ring.flat()) expect(Math.round(v * 1e6) / 1e6).toBe(v);
        });
      }
    }
  });

  it('tiles the town land: no overlaps between neighbours and no gaps (areas agree within 0.5 %)', () => {
    const { land } = generateDemoTown(DEMO_SEED);
    const total = areas.features.reduce((sum, f) => sum + area(f), 0);
    expect(Math.abs(total - area(land)) / area(land)).toBeLessThan(0.005);
    let overlap = 0;
    for (let i = 0; i < areas.features.length; i++) {
      for (let j = i + 1; j < areas.features.length; j++) {
        const shared = intersect(featureCollection([areas.features[i]!, areas.features[j]!]));
        if (shared) overlap += area(shared);
      }
    }
    expect(overlap / total).toBeLessThan(1e-4);
  });

  it('sits in England, about 8 km across', () => {
    const lngs = areas.features.flatMap((f) => (f.geometry.coordinates.flat(3) as number[]).filter((_, i) => i % 2 === 0));
    const lats = areas.features.flatMap((f) => (f.geometry.coordinates.flat(3) as number[]).filter((_, i) => i % 2 === 1));
    expect(Math.min(...lats)).toBeGreaterThan(50);
    expect(Math.max(...lats)).toBeLessThan(55.8);
    expect(Math.min(...lngs)).toBeGreaterThan(-5.7);
    expect(Math.max(...lngs)).toBeLessThan(1.8);
    const widthKm = (Math.max(...lngs) - Math.min(...lngs)) * 111.32 * Math.cos((53.28 * Math.PI) / 180);
    expect(widthKm).toBeGreaterThan(6);
    expect(widthKm).toBeLessThan(11);
  });

  it('passes the app\'s own boundary import without warnings', () => {
    const parsed = parseAreas(areasText);
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('data/demo-pins.geojson', () => {
  const themeIds = new Set(themes.map((t) => t.id));

  it('has a few dozen pins with unique ids and valid fields', () => {
    expect(pins.features.length).toBeGreaterThanOrEqual(30);
    expect(pins.features.length).toBeLessThanOrEqual(60);
    expect(new Set(pins.features.map((p) => p.properties.id)).size).toBe(pins.features.length);
    for (const pin of pins.features) {
      expect(pin.id).toBe(pin.properties.id);
      expect(pinFieldsSchema.safeParse(pin.properties).success, pin.properties.id).toBe(true);
      expect(themeIds.has(pin.properties.theme), pin.properties.theme).toBe(true);
      expect(new Date(pin.properties.createdAt).toISOString()).toBe(pin.properties.createdAt);
      expect(pin.properties.updatedAt >= pin.properties.createdAt).toBe(true);
    }
    expect(new Set(pins.features.map((p) => p.properties.kind))).toEqual(new Set(['asset', 'priority']));
  });

  it('puts each pin inside the area it names and no other', () => {
    for (const pin of pins.features) {
      const containing = areas.features.filter((f) => booleanPointInPolygon(pin.geometry.coordinates, f));
      expect(containing.map((f) => f.properties.id), pin.properties.id).toEqual([pin.properties.area]);
    }
    // the park enclave is a hole in its neighbour, so a pin there exercises point-in-hole assignment
    expect(pins.features.some((p) => p.properties.area === 'hollins-park')).toBe(true);
  });

  it('passes the app\'s own pin import, which re-derives the same areas', () => {
    const parsedAreas = parseAreas(areasText);
    if (!parsedAreas.ok) throw new Error('areas did not parse');
    const parsed = parsePins(pinsText, { areas: parsedAreas.value, themes });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.map((p) => p.properties.area)).toEqual(pins.features.map((p) => p.properties.area));
  });
});

describe('data/themes.json', () => {
  it('has the ten themes with unique slug ids, plain labels and one-sentence descriptions', () => {
    expect(themes).toHaveLength(10);
    expect(new Set(themes.map((t) => t.id)).size).toBe(10);
    for (const t of themes) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.label.length).toBeLessThanOrEqual(24);
      expect(t.description).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  it('uses distinct #rrggbb colours dark enough for white glyphs (at least 3:1)', () => {
    expect(new Set(themes.map((t) => t.colour.toLowerCase())).size).toBe(10);
    for (const t of themes) {
      expect(t.colour).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect(contrastWithWhite(t.colour), t.id).toBeGreaterThanOrEqual(3);
    }
    // sanity check of the contrast formula on known values
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });

  it('keeps every pair of colours apart (CIE76 ΔE ≥ 18) under normal vision and simulated colour blindness', () => {
    for (const [vision, matrix] of Object.entries(VISION)) {
      for (let i = 0; i < themes.length; i++) {
        for (let j = i + 1; j < themes.length; j++) {
          const [a, b] = [labAs(themes[i]!.colour, matrix), labAs(themes[j]!.colour, matrix)];
          const deltaE = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
          expect(deltaE, `${themes[i]!.id} vs ${themes[j]!.id} (${vision})`).toBeGreaterThanOrEqual(18);
        }
      }
    }
    // the simulation must be able to fail: red and green collapse for a deuteranope
    const [red, green] = [labAs('#cc3311', VISION.deuteranopia!), labAs('#558800', VISION.deuteranopia!)];
    expect(Math.hypot(red[0] - green[0], red[1] - green[1], red[2] - green[2])).toBeLessThan(18);
  });

  it('uses each documented icon name once, and the README lists them', () => {
    expect(themes.map((t) => t.icon).sort()).toEqual([...ICONS].sort());
    const readme = read('README.md');
    for (const icon of ICONS) expect(readme).toContain(`\`${icon}\``);
  });

  it('passes the app\'s own themes parser', () => {
    const parsed = parseThemes(themesText);
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });
});
