// the public planner summary is made once per engine state (anyone may poll it, and at a million pins one count of the
// areas costs milliseconds): it must still follow every new pin at once, and stay what a fresh count gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannerSummaryFromJson } from '../../../src/core/plannerWire.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { asDevice, DEVICE_A, pinBody, startTestServer, type TestServer } from '../../support/serverHarness.ts';

// west: 12 pins; east: 2 (fewer than 5, so hidden from the public)
const pins = [
  ...Array.from({ length: 12 }, (_, i) => testPin({ id: `w-${i}`, position: [-2.25, 53.45] })),
  ...Array.from({ length: 2 }, (_, i) => testPin({ id: `e-${i}`, position: [-2.15, 53.45] })),
];

let server: TestServer;
beforeAll(async () => {
  const seed = () => ({ consultations: [testConsultation({ slug: 'alpha', settings: { minCount: 5 }, pins })] });
  server = await startTestServer({ storage: await openSqliteStorage({ file: ':memory:', seed }), aggregateRebuildMs: 0 });
});
afterAll(async () => server.close());

const summary = async () => {
  const res = await server.app.inject({ url: '/api/consultations/alpha/aggregates/summary' });
  expect(res.statusCode).toBe(200);
  return plannerSummaryFromJson(res.json());
};

describe('the public GET …/aggregates/summary', () => {
  it('is the same when asked again with nothing changed, and follows each new pin at once', async () => {
    const first = await summary();
    expect(first.published?.pins).toEqual({ suppressed: true, atLeast: 12 });
    expect(await summary()).toEqual(first);
    for (let i = 0; i < 3; i++) {
      const payload = pinBody({ kind: 'asset', theme: 'green', title: `east ${i}` }, [-2.15, 53.451]);
      const res = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/alpha/pins', payload }));
      expect(res.statusCode).toBe(201);
      const now = await summary();
      // east holds 3, 4, then 5 pins: hidden until the fifth, then every count is exact
      if (i < 2) expect(now.published?.pins).toEqual({ suppressed: true, atLeast: 12 });
      else expect(now.published?.pins).toBe(17);
    }
  });
});
