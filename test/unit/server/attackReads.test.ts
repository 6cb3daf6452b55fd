// point 6 of issue 11: reads are bounded. A pin list without `limit` answers one page (DEFAULT_LIST_PAGE, with
// `truncated`), never every pin; area counts come from the cached engine, so repeated requests do not re-read the pins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PAGE } from '../../../src/server/routes/pinRoutes.ts';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import type { ConsultationStorage, Storage } from '../../../src/server/storage/storage.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const PINS = DEFAULT_LIST_PAGE + 500;

describe('bounded reads', () => {
  let server: TestServer;
  let pinReads = 0;
  beforeAll(async () => {
    const pins = Array.from({ length: PINS }, (_, i) => testPin({ id: `bulk-${i}`, title: `Pin ${i} with a title of a usual length`, position: [-2.3 + (i % 100) * 0.001, 53.44 + Math.floor(i / 100) * 0.0001] }));
    const storage = await openSqliteStorage({ file: ':memory:', seed: () => ({ consultations: [testConsultation({ pins })] }) });
    // counts how often anything reads every pin of the consultation
    const counting: Storage = Object.assign(Object.create(storage) as Storage, {
      consultation(id: string): ConsultationStorage {
        const inner = storage.consultation(id);
        return { ...inner, listPins: (filter) => ((pinReads += 1), inner.listPins(filter)) };
      },
    });
    server = await startTestServer({ storage: counting });
  }, 60_000);
  afterAll(() => server.close());

  it('GET /pins without limit answers one page and says it is truncated', async () => {
    const res = await server.app.inject({ url: '/api/pins' });
    const body = res.json();
    console.log(`GET /api/pins over ${PINS} pins: ${body.features.length} pins, ${res.body.length} bytes, truncated ${body.truncated}`);
    expect(body.features).toHaveLength(DEFAULT_LIST_PAGE);
    expect(body.truncated).toBe(true);
    // about 350 bytes a pin: a page stays a few megabytes, whatever the consultation holds
    expect(res.body.length).toBeLessThan(DEFAULT_LIST_PAGE * 600);
  });

  it('area counts are served from the cached engine: 30 requests, one read of the pins', async () => {
    const before = pinReads;
    const started = performance.now();
    for (let i = 0; i < 30; i++) {
      const res = await server.app.inject({ url: `/api/aggregates/areas?kind=${i % 2 ? 'asset' : 'priority'}&theme=safety,green` });
      expect(res.statusCode).toBe(200);
    }
    const ms = performance.now() - started;
    console.log(`30 area-count requests over ${PINS} pins: ${pinReads - before} read(s) of every pin, ${ms.toFixed(0)} ms in all`);
    expect(pinReads - before).toBeLessThanOrEqual(1);
  });
});
