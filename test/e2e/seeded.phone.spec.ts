// a city-wide consultation: the test's server starts with 8000 generated pins besides the demo town, more than the
// resident map loads at once, so the map holds pins by view and shows the server's clusters when zoomed out.
// At phone size only, the harder case (some circles lie under the search box or the sheet): the loading by view and the
// clusters are the same code at desktop size, and the first-page test asks the API alone.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { loadSeed } from '../../src/server/loadSeed.ts';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

const SHOTS = path.resolve(import.meta.dirname, '../output/screenshots');
// the server's routes serve the default (first) demo consultation
const demoPins = loadSeed(path.resolve(import.meta.dirname, '../../data')).consultations[0]!.pins.length;

/** the numbers on the cluster circles now on the map */
/** each circle's count; a circle whose small count the server withholds from the public ("<5") counts 0 here */
async function clusterCounts(page: Page): Promise<number[]> {
  return page.locator('.view-cluster').evaluateAll((els) => els.map((el) => (/^<\d+$/.test(el.textContent ?? '') ? 0 : Number(el.textContent))));
}

/** the pins the circles show as numbers, and the fewest and most they can stand for: a withheld "<k" is 1 to k − 1 pins, a "?" (withheld against subtraction) 1 to any */
async function clusterRange(page: Page, total: number): Promise<[shown: number, low: number, high: number]> {
  const labels = await page.locator('.view-cluster').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  let shown = 0;
  let low = 0;
  let high = 0;
  for (const label of labels) {
    const below = /^<(\d+)$/.exec(label);
    if (label === '?') {
      low += 1;
      high += total;
    } else if (below) {
      low += 1;
      high += Number(below[1]) - 1;
    } else {
      shown += Number(label);
      low += Number(label);
      high += Number(label);
    }
  }
  return [shown, low, high];
}

test.describe('a server seeded with 8000 generated pins', () => {
  test.use({ seedPins: 8000 });

  test('cuts a first page of 5000 short and counts every pin', async ({ request }) => {
    const first = await request.get('/api/pins?limit=5000');
    expect(first.ok()).toBe(true);
    const page = (await first.json()) as { truncated?: boolean; features: { id: string }[] };
    expect(page.truncated).toBe(true);
    expect(page.features).toHaveLength(5000);

    const summary = (await (await request.get('/api/aggregates/summary')).json()) as { pins: number };
    expect(demoPins).toBeGreaterThan(0);
    expect(summary.pins).toBe(8000 + demoPins);
  });

  test('the resident map shows clusters of every pin, then the pins themselves when zoomed in, without downloading them all', async ({ page }, testInfo) => {
    const pinReads: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (/^\/api\/consultations\/[^/]+\/pins$/.test(url.pathname)) pinReads.push(url.search);
    });
    await page.goto(await openConsultationPath(page, '?tiles=off'));
    await expect(page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
    const note = page.locator('.view-scope-note--map');
    await expect(note).toHaveText(/This consultation has many pins/);
    await expect(page.locator('.view-cluster').first()).toBeVisible();
    // the circles stand for every pin in the view: the whole town is in view after fitting, so all of them
    // (the public sees small cluster counts withheld, so the circles bracket the total rather than sum to it)
    const total = 8000 + demoPins;
    await expect.poll(async () => { const [shown, low, high] = await clusterRange(page, total); return low <= total && total <= high && shown >= 0.9 * total; }).toBe(true);
    expect(await page.locator('.pin-marker').count()).toBe(0);

    // the busiest circle, again and again, until the view is small enough to hold its pins
    await page.screenshot({ path: path.join(SHOTS, `city-${testInfo.project.name}-clusters.png`) });
    for (let step = 0; step < 8 && (await page.locator('.view-cluster').count()) > 0; step++) {
      const counts = await clusterCounts(page);
      // the busiest circle a finger can reach: on a phone some lie under the search box or the sheet
      const reachable = await page.locator('.view-cluster').evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('.view-cluster') === el;
        }),
      );
      const busiest = counts.reduce((best, count, i) => (reachable[i] && (best < 0 || count > counts[best]!) ? i : best), -1);
      expect(busiest, 'a circle that can be tapped').toBeGreaterThanOrEqual(0);
      await page.locator('.view-cluster').nth(busiest).click();
      // the map zooms in, settles, and the store answers with other circles or with the pins themselves
      await expect.poll(async () => (await clusterCounts(page)).join(',')).not.toBe(counts.join(','));
    }
    await expect(page.locator('.pin-marker').first()).toBeVisible();
    await expect(page.locator('.view-cluster')).toHaveCount(0);
    await expect(note).toHaveText('');
    await page.screenshot({ path: path.join(SHOTS, `city-${testInfo.project.name}-pins.png`) });

    await page.getByRole('tab', { name: 'List' }).click();
    await expect(page.locator('.view-scope-note--list')).toHaveText(/Listing the pins near the map view/);
    const rows = await page.locator('#panel-list table tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(2000);

    // every read of pins was bounded: a first page, a view or this device's own, never all 8000
    expect(pinReads.length).toBeGreaterThan(0);
    for (const search of pinReads) expect(search, search).toMatch(/limit=|mine=true/);
  });
});
