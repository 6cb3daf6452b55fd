// the seedPins option: a test's server can start with thousands of generated pins besides the demo town.
import path from 'node:path';
import { loadSeed } from '../../src/server/loadSeed.ts';
import { expect, test } from './support/appServer.ts';

const demoPins = loadSeed(path.resolve(import.meta.dirname, '../../data')).pins.length;

test.describe('a server seeded with 8000 generated pins', () => {
  test.use({ seedPins: 8000 });

  test('cuts a first page of 5000 short and counts every pin', async ({ request }, testInfo) => {
    const first = await request.get('/api/pins?limit=5000');
    expect(first.ok()).toBe(true);
    const page = (await first.json()) as { truncated?: boolean; features: { id: string }[] };
    expect(page.truncated).toBe(true);
    expect(page.features).toHaveLength(5000);

    const summary = (await (await request.get('/api/aggregates/summary')).json()) as { pins: number };
    expect(demoPins).toBeGreaterThan(0);
    expect(summary.pins).toBe(8000 + demoPins);

    const written = testInfo.annotations.find((a) => a.type === 'seedPins')?.description ?? '';
    expect(Number(/in (\d+) ms/.exec(written)?.[1]), written).toBeLessThan(5000);
  });
});
