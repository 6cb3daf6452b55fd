// who is heard: rates per 1,000 residents with missing, zero and text populations, withheld with small counts,
// and the quiet areas, in core and through GET …/aggregates/areas.
import { describe, expect, it } from 'vitest';
import { contributionRates, populationOf } from '../../src/core/contributionRates.ts';
import { openSqliteStorage } from '../../src/server/storage/openStorage.ts';
import { testAreas, testConsultation, testPin } from '../support/serverFixtures.ts';
import { startTestServer } from '../support/serverHarness.ts';

describe('populationOf', () => {
  it('reads numbers and digit text (census files say "12,345"), and nothing else', () => {
    expect(populationOf({ pop: 1200 }, 'pop')).toBe(1200);
    expect(populationOf({ pop: ' 12,345 ' }, 'pop')).toBe(12345);
    expect(populationOf({ pop: 0 }, 'pop')).toBeNull();
    expect(populationOf({ pop: -5 }, 'pop')).toBeNull();
    expect(populationOf({ pop: 'about 3000' }, 'pop')).toBeNull();
    expect(populationOf({ pop: null }, 'pop')).toBeNull();
    expect(populationOf({}, 'pop')).toBeNull();
    expect(populationOf(null, 'pop')).toBeNull();
  });
});

describe('contributionRates', () => {
  it('gives each area its rate and the consultation its own over the areas with a population', () => {
    const rates = contributionRates([30, 2, 7, 4], [{ pop: 1000 }, { pop: 2000 }, {}, { pop: 0 }], 'pop');
    // 32 contributions from 3,000 people; the area without and the one with zero population are left out of it
    expect(rates.perThousand).toBe(10.7);
    expect(rates.areas).toEqual([
      { perThousand: 30, quiet: false },
      { perThousand: 1, quiet: true },
      { perThousand: null, quiet: false },
      { perThousand: null, quiet: false },
    ]);
  });

  it('withholds the rate of a withheld count, but still says the area is quiet', () => {
    const rates = contributionRates([40, 2], [{ pop: 1000 }, { pop: 1000 }], 'pop', [false, true]);
    expect(rates.areas[1]).toEqual({ perThousand: null, quiet: true });
  });

  it('no population anywhere: no rates and nothing quiet; no contributions: nothing quiet either', () => {
    expect(contributionRates([3, 4], [{}, { pop: 'n/a' }], 'pop')).toEqual({ perThousand: null, areas: [{ perThousand: null, quiet: false }, { perThousand: null, quiet: false }] });
    expect(contributionRates([0, 0], [{ pop: 10 }, { pop: 10 }], 'pop').areas.every((a) => !a.quiet && a.perThousand === 0)).toBe(true);
  });
});

describe('GET /api/aggregates/areas with settings.populationProperty', () => {
  it('carries perThousand and quiet on each area, null where the population is missing or zero', async () => {
    const areas = testAreas();
    areas.features[0]!.properties = { ...areas.features[0]!.properties, residents: 2000 };
    areas.features[1]!.properties = { ...areas.features[1]!.properties, residents: 0 };
    const pins = Array.from({ length: 6 }, (_, i) => testPin({ id: `w-${i}`, position: [-2.25, 53.41 + i * 0.01] }));
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ areas, pins, settings: { populationProperty: 'residents' } })] }) });
    const server = await startTestServer({ storage });
    const body = (await server.app.inject({ url: '/api/aggregates/areas' })).json();
    const byId = Object.fromEntries(body.features.map((f: { id: string; properties: unknown }) => [f.id, f.properties]));
    expect(byId.west).toMatchObject({ perThousand: 3, quiet: false });
    expect(byId.east).toMatchObject({ perThousand: null, quiet: false });
    expect(body.perThousand).toBe(3);
    expect(body.populationProperty).toBe('residents');
    await server.close();
  });

  it('leaves the answer as it was when no population property is chosen', async () => {
    const server = await startTestServer();
    const body = (await server.app.inject({ url: '/api/aggregates/areas' })).json();
    expect(body.perThousand).toBeUndefined();
    expect(body.features[0].properties.perThousand).toBeUndefined();
    await server.close();
  });

  it('the area exports carry the rate (withheld with a small count) and whether the area is quiet', async () => {
    const areas = testAreas();
    areas.features[0]!.properties = { ...areas.features[0]!.properties, residents: 4000 };
    areas.features[1]!.properties = { ...areas.features[1]!.properties, residents: '3,000' };
    const pins = [
      ...Array.from({ length: 20 }, (_, i) => testPin({ id: `w-${i}`, position: [-2.25, 53.41 + i * 0.004] })),
      ...Array.from({ length: 2 }, (_, i) => testPin({ id: `e-${i}`, position: [-2.15, 53.41 + i * 0.01] })),
    ];
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ slug: 'rates', areas, pins, settings: { populationProperty: 'residents', minCount: 5 } })] }) });
    const server = await startTestServer({ storage });
    const geojson = (await server.app.inject({ url: '/api/consultations/rates/export/areas.geojson' })).json();
    const byId = Object.fromEntries(geojson.features.map((f: { properties: { id: string } }) => [f.properties.id, f.properties]));
    expect(byId.west).toMatchObject({ total: 20, per_thousand: 5, quiet: false });
    // 2 pins from 3,000 people is quiet beside the consultation's 22 per 7,000; its rate would give the 2 away
    expect(byId.east).toMatchObject({ total: null, total_hidden: true, per_thousand: null, quiet: true });
    const csv = (await server.app.inject({ url: '/api/consultations/rates/export/areas.csv' })).body;
    expect(csv.split('\r\n')[0]).toContain('per_thousand');
    await server.close();
  });
});
