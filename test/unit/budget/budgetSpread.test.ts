// fixture tests: test/fixtures/in/spread-<case>.json -> out/spread-<case>.geojson (REGEN=1 rewrites the outputs, locally only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetSpread } from '../../../src/core/budget/budgetSpread.ts';
import type { SpreadInput } from '../../../src/core/budget/budgetSpread.ts';
import { protectSpread, rawSpread } from '../../../src/core/budget/protectSpread.ts';
import { isSuppressed } from '../../../src/core/smallCounts.ts';
import { regenerateGolden } from '../../support/goldenFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
interface SpreadFixture extends SpreadInput {
  spread: { selected: string[]; populationProperty?: string; minCount: number };
}
const load = (name: string) => JSON.parse(readFileSync(path.join(fixtures, 'in', name), 'utf8')) as SpreadFixture;
const run = (name: string) => {
  const f = load(name);
  return budgetSpread(f.spread.selected, f, { populationProperty: f.spread.populationProperty });
};

// the areas as a map a reviewer can open: money funded as fill (white none, darker more), the figures as properties
function asMap(name: string) {
  const f = load(name);
  const spread = run(name);
  const published = protectSpread(spread, f.spread.minCount);
  const max = Math.max(1, ...spread.areas.map((a) => a.funded));
  const features = f.areas.features.map((feature, i) => {
    const shade = Math.round(255 - (spread.areas[i]!.funded / max) * 200).toString(16).padStart(2, '0');
    return { ...feature, properties: { ...feature.properties, spread: spread.areas[i], published: published.areas[i], fill: `#${shade}${shade}ff`, 'fill-opacity': 0.6, stroke: '#333333' } };
  });
  return { type: 'FeatureCollection', features, unplaced: spread.unplaced, overall: { voters: spread.voters, votersWithFunded: spread.votersWithFunded, share: spread.share, votersWithoutArea: spread.votersWithoutArea }, published: { share: published.share } };
}

const cases = readdirSync(path.join(fixtures, 'in')).filter((f) => f.startsWith('spread-') && f.endsWith('.json'));

describe('budget spread fixtures', () => {
  it('finds the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });
  for (const name of cases) {
    it(`${name}: the stored output`, () => {
      const before = readFileSync(path.join(fixtures, 'in', name), 'utf8');
      const input = load(name);
      const frozen = JSON.stringify(input);
      budgetSpread(input.spread.selected, input, { populationProperty: input.spread.populationProperty });
      expect(JSON.stringify(input)).toBe(frozen); // inputs untouched
      const outFile = path.join(fixtures, 'out', name.replace(/\.json$/, '.geojson'));
      const map = asMap(name);
      regenerateGolden(outFile, `${JSON.stringify(map, null, 1)}\n`);
      expect(map).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
      expect(before).toBe(readFileSync(path.join(fixtures, 'in', name), 'utf8'));
    });
  }
});

describe('budget spread, worked by hand', () => {
  it('two areas: a point, a project split over two areas, an unplaced one; voters per area', () => {
    const s = run('spread-two-areas.json');
    const [north, south] = s.areas;
    // a (900, in north) + half of b (600 over north and south); c has no location
    expect(north).toMatchObject({ id: 'north', funded: 1200, projects: ['a', 'b'], population: 1000, perResident: 1.2, voters: 6, votersWithFunded: 5 });
    expect(north!.share).toBeCloseTo(5 / 6);
    // d (south) was not funded; the population "2,000" is read as text with a thousands comma
    expect(south).toMatchObject({ funded: 300, projects: ['b'], population: 2000, perResident: 0.15, voters: 10, votersWithFunded: 5, share: 0.5 });
    expect(s.unplaced).toEqual({ funded: 500, projects: ['c'] });
    expect(s).toMatchObject({ voters: 17, votersWithFunded: 11, votersWithoutArea: 1 });
    expect(north!.funded + south!.funded + s.unplaced.funded).toBe(900 + 600 + 500);
  });

  it('protects small groups of voters for the public, once per figure, and leaves money alone', () => {
    const p = protectSpread(run('spread-two-areas.json'), 5);
    // the 1 voter of unknown area is a part of the published 17: north's 6 is withheld with it, so 1 cannot be worked out
    expect(p.areas[0]!.voters).toEqual({ suppressed: true });
    expect(isSuppressed(p.areas[0]!.share as never)).toBe(true);
    expect(p.areas[1]).toMatchObject({ voters: 10, share: 0.5, funded: 300, perResident: 0.15 });
    expect(p.share).toBeCloseTo(11 / 17);
    expect(JSON.stringify(p)).not.toContain('votersWithFunded');
    // with k = 1 nothing is withheld
    expect(protectSpread(run('spread-two-areas.json'), 1).areas[0]).toMatchObject({ voters: 6 });
    expect(rawSpread(run('spread-two-areas.json')).areas[0]!.voters).toBe(6);
  });

  it('a share of everyone in a small group is withheld: 4 of 4 (or 0 of 4) voters with a funded project', () => {
    const p = protectSpread(budgetSpread(['a'], { projects: [{ id: 'a', cost: 1, location: null }], areas: { type: 'FeatureCollection', features: [] }, ballots: [['a'], ['a'], ['a'], ['a']] }), 5);
    expect(p.share).toEqual({ suppressed: true });
    const none = (voters: number) => protectSpread(budgetSpread(['a'], { projects: [{ id: 'a', cost: 1, location: null }], areas: { type: 'FeatureCollection', features: [] }, ballots: Array.from({ length: voters }, () => []) }), 5).share;
    // none of 4 says as much about each of them as all of 4; none of 6 is a group of at least 5
    expect(none(4)).toEqual({ suppressed: true });
    expect(none(6)).toBe(0);
  });

  it('points in a hole or outside every area, unknown area ids and no population go unplaced or null', () => {
    const s = run('spread-hole-outside.json');
    expect(s.areas.map((a) => a.funded)).toEqual([0, 0]);
    expect(s.unplaced).toEqual({ funded: 1400, projects: ['x', 'y'] });
    expect(s.areas.map((a) => a.perResident)).toEqual([null, null]); // no property; a population of 0
    expect(s).toMatchObject({ voters: 4, votersWithFunded: 2, share: 0.5, votersWithoutArea: 4 });
    expect(s.areas.every((a) => a.voters === 0 && a.share === null)).toBe(true);
  });

  it('an area named twice counts once; without a population property money per resident is null', () => {
    const s = run('spread-shared-edge.json');
    expect(s.areas.map((a) => [a.funded, a.perResident])).toEqual([[499.5, null], [499.5, null]]);
    expect(s.areas.map((a) => [a.voters, a.votersWithFunded])).toEqual([[1, 1], [1, 0]]);
    expect(s.votersWithoutArea).toBe(1);
    expect(s.votersWithFunded).toBe(2);
  });

  it('nothing funded, no voters: zeros and nulls, not NaN', () => {
    const s = budgetSpread([], { projects: [], areas: { type: 'FeatureCollection', features: [] }, ballots: [] });
    expect(s).toEqual({ areas: [], unplaced: { funded: 0, projects: [] }, voters: 0, votersWithFunded: 0, share: null, votersWithoutArea: 0 });
  });
});
