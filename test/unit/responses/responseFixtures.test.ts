// fixture tests: test/fixtures/in/responses-explorer.geojson (areas, pins and queries) -> out/responses-explorer.json (REGEN=1 rewrites it, locally only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildResponseIndex, queryResponses } from '../../../src/core/responses/responseIndex.ts';
import { parseResponseQuery } from '../../../src/core/responses/responseQuery.ts';
import type { AreaCollection, PinFeature, Theme } from '../../../src/core/types.ts';
import { regenerateGolden } from '../../support/goldenFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const input = JSON.parse(readFileSync(path.join(fixtures, 'in/responses-explorer.geojson'), 'utf8')) as {
  themes: Theme[];
  queries: { name: string; query: Record<string, string> }[];
  features: (PinFeature | AreaCollection['features'][number])[];
};
const areas: AreaCollection = { type: 'FeatureCollection', features: input.features.filter((f) => f.geometry.type !== 'Point') as AreaCollection['features'] };
const pins = input.features.filter((f) => f.geometry.type === 'Point') as PinFeature[];
const outFile = path.join(fixtures, 'out/responses-explorer.json');

function run() {
  const index = buildResponseIndex(pins, { themes: input.themes, areas });
  return input.queries.map(({ name, query }) => {
    const parsed = parseResponseQuery(query);
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
    const page = queryResponses(index, parsed.query);
    return { name, total: page.total, ids: page.rows.map((r) => r.id) };
  });
}

describe('response explorer fixtures', () => {
  const actual = run();
  regenerateGolden(outFile, `${JSON.stringify({ queries: actual }, null, 1)}\n`);
  const expected = (JSON.parse(readFileSync(outFile, 'utf8')) as { queries: typeof actual }).queries;

  it('has an expected answer for every query', () => {
    expect(expected.map((q) => q.name)).toEqual(input.queries.map((q) => q.name));
  });
  for (const [i, q] of input.queries.entries()) {
    it(`${q.name}`, () => {
      expect(actual[i]).toEqual(expected[i]);
    });
  }
});
