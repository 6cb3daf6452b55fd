// planner view in Chromium: the consultation counted on the server, live; 100k generated pins loaded through the worker,
// layers, filters, numbers checked against core.
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';
import type { Download, Page, TestInfo } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aggregateAreas } from '../../src/core/aggregateAreas.ts';
import type { PinFilter } from '../../src/core/countPins.ts';
import { formatPublishedCount, type PublishedCount } from '../../src/core/smallCounts.ts';
import { mulberry32 as seeded } from '../../src/core/mulberry32.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test/output');
const SHOTS = path.join(OUT, 'screenshots');
const PINS_FILE = path.join(OUT, 'planner-pins-100k.geojson');
const N = 100_000;
const THEMES = ['green-space', 'play-youth', 'transport-streets', 'safety', 'housing', 'health-care', 'shops-economy', 'community-spaces', 'heritage-culture', 'environment'];


const areas = JSON.parse(readFileSync(path.join(ROOT, 'data/demo-areas.geojson'), 'utf8'));

function generatePins(): { type: 'FeatureCollection'; features: unknown[] } {
  const random = seeded(20260501);
  const [w, s, e, n] = [-0.236, 53.246, -0.1, 53.315];
  const start = Date.UTC(2026, 1, 2);
  const features = Array.from({ length: N }, (_, i) => {
    // skew towards the west so areas differ, and leave a few pins outside every area
    const x = w + (e - w) * Math.pow(random(), 1.4);
    const y = s + (n - s) * random();
    const themeIndex = Math.min(THEMES.length - 1, Math.floor(Math.pow(random(), 1.3) * THEMES.length));
    const priority = random() < 0.35 + 0.3 * ((x - w) / (e - w));
    const createdAt = new Date(start + Math.floor(random() * 84 * 86_400_000)).toISOString();
    const supports = random() < 0.02 ? Math.floor(random() * 200) : 0;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] },
      properties: { id: `gen-${i}`, kind: priority ? 'priority' : 'asset', theme: THEMES[themeIndex], title: `Generated pin ${i}`, createdAt, supports },
    };
  });
  return { type: 'FeatureCollection', features };
}

let pins: ReturnType<typeof generatePins> | null = null;
function pinsFile(): ReturnType<typeof generatePins> {
  if (!pins) {
    pins = generatePins();
    mkdirSync(OUT, { recursive: true });
    // written once per worker; the content is the same every time (seeded)
    if (!existsSync(PINS_FILE) || readFileSync(PINS_FILE, 'utf8').length < 1000) writeFileSync(PINS_FILE, JSON.stringify(pins));
  }
  return pins;
}

async function stayOffline(page: Page, baseURL: string): Promise<void> {
  const own = new URL(baseURL).origin;
  await page.route(
    (url) => url.origin !== own && url.protocol.startsWith('http'),
    (route) => route.fulfill({ status: 204, body: '' }),
  );
}

async function renderSeq(page: Page): Promise<number> {
  return Number((await page.locator('.planner-map .leaflet-container').getAttribute('data-render-seq')) ?? '0');
}

/** Does something that changes the map, waits for the layer to report its repaint, returns the ms it took. */
async function timedRepaint(page: Page, change: () => Promise<void>): Promise<number> {
  const before = await renderSeq(page);
  await change();
  await expect.poll(() => renderSeq(page), { timeout: 15_000 }).toBeGreaterThan(before);
  return Number(await page.locator('.planner-map .leaflet-container').getAttribute('data-render-ms'));
}

/** pins in the clusters drawn on the map, read from their "N pins: zoom in" titles (withheld "<k" clusters count 0) */
async function drawnClusterPins(page: Page): Promise<number> {
  const titles = await page.locator('.planner-map .planner-cluster').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
  return titles.reduce((sum, title) => sum + (Number(/^(\d+) pins/.exec(title)?.[1]) || 0), 0);
}

/** a figure as the dashboard's cells show it: a hidden one says so in words ("<5 hidden", "hidden"), never a bare "·" */
function shown(c: PublishedCount): string {
  if (typeof c === 'number') return formatPublishedCount(c);
  return c.lessThan !== undefined ? `<${c.lessThan} hidden` : 'hidden';
}

/** every area row of the dashboard table against the core aggregation of the same pins in node */
async function expectTableMatches(page: Page, filter: PinFilter): Promise<void> {
  const expected = aggregateAreas(areas, pinsFile(), { minCount: 5, filter });
  for (const feature of expected.features) {
    const props = feature.properties as { id: string; counts: { total: PublishedCount; asset: PublishedCount; priority: PublishedCount } };
    const row = page.locator(`tr[data-area-id="${props.id}"]`);
    for (const key of ['total', 'asset', 'priority'] as const) {
      await expect(row.locator(`td[data-col="${key}"]`)).toHaveText(shown(props.counts[key]).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    }
  }
}

async function download(page: Page, button: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return file;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function openWithFile(page: Page, baseURL: string): Promise<void> {
  pinsFile();
  await stayOffline(page, baseURL);
  await page.goto('/planner');
  await expect(page.getByRole('status').filter({ hasText: 'pins in this consultation' })).toBeVisible();
  const started = Date.now();
  await page.getByLabel('Open pins file for analysis').setInputFiles(PINS_FILE);
  await expect(page.getByText(`${N.toLocaleString('en')} pins from planner-pins-100k.geojson`)).toBeVisible({ timeout: 60_000 });
  console.log(`planner: 100k pins read, validated and assigned in the worker in ${Date.now() - started} ms (wall clock, incl. upload)`);
}

test.describe('planner view', () => {
  // about 20 s each here, plus generating the 100k-pin file on a fresh checkout
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });

  test('100k pins: layers, filters, dashboard numbers, exports and repaint time', async ({ page, baseURL }, testInfo: TestInfo) => {
    const project = testInfo.project.name;
    await openWithFile(page, baseURL!);

    // default layer (areas by count, k = 5) against the core in node
    await expectTableMatches(page, {});
    await page.screenshot({ path: path.join(SHOTS, `planner-${project}-areas.png`), fullPage: false });

    // filter changes: kind, then themes; each repaint timed in the page (change → layer repainted)
    const times: number[] = []; // filter changes (and hex size) on the areas and hex layers
    const layerTimes: number[] = []; // switching layer (clusters: the first switch builds the one index over all pins and the zoom's cluster ids)
    times.push(await timedRepaint(page, () => page.getByLabel('Things to change').check()));
    await expectTableMatches(page, { kind: 'priority' });
    for (const theme of ['Safety', 'Housing', 'Green space', 'Safety', 'Housing', 'Green space']) {
      times.push(await timedRepaint(page, () => page.getByRole('checkbox', { name: theme }).click()));
    }
    const themesOn = THEMES.filter((t) => !['safety', 'housing', 'green-space'].includes(t));
    await page.getByRole('checkbox', { name: 'Safety' }).uncheck();
    await page.getByRole('checkbox', { name: 'Housing' }).uncheck();
    await page.getByRole('checkbox', { name: 'Green space' }).uncheck();
    await expectTableMatches(page, { kind: 'priority', themes: themesOn });
    await page.getByRole('button', { name: 'All themes' }).click();
    times.push(await timedRepaint(page, () => page.getByLabel('Both kinds').check()));

    // date range: whole UTC days, "to" included
    times.push(await timedRepaint(page, () => page.getByLabel('From (date)').fill('2026-03-02')));
    times.push(await timedRepaint(page, () => page.getByLabel('To (date, included)').fill('2026-03-15')));
    await expectTableMatches(page, { from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 16) });
    await page.getByLabel('From (date)').fill('');
    await page.getByLabel('To (date, included)').fill('');
    await expectTableMatches(page, {});

    // the priority-gap layer (flagship) and its legend
    layerTimes.push(await timedRepaint(page, () => page.getByLabel('Priority gaps').check()));
    await expect(page.getByText(/many needs, few assets/)).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `planner-${project}-gaps.png`) });

    // hex grid at 250 m, then filter changes on it
    layerTimes.push(await timedRepaint(page, () => page.getByLabel('Hex grid').check()));
    times.push(await timedRepaint(page, async () => void (await page.getByLabel('Hex cell size').selectOption('250'))));
    times.push(await timedRepaint(page, () => page.getByLabel('Things to keep').check()));
    times.push(await timedRepaint(page, () => page.getByLabel('Both kinds').check()));
    await page.screenshot({ path: path.join(SHOTS, `planner-${project}-hex.png`) });

    // export the hex layer: counts as the CLI computes them in flat columns, small counts withheld (null, total_hidden)
    const hexFile = JSON.parse(readFileSync((await (await download(page, 'Export layer as GeoJSON')).path())!, 'utf8'));
    expect(hexFile.coplan.layer).toBe('hex-250m');
    type FlatHex = { properties: { total: number | null; total_hidden: boolean } };
    const hexTotal = hexFile.features.reduce((sum: number, f: FlatHex) => sum + (f.properties.total ?? 0), 0);
    const suppressedHexes = hexFile.features.filter((f: FlatHex) => f.properties.total_hidden);
    expect(hexFile.features.length).toBeGreaterThan(50);
    expect(hexTotal).toBeLessThanOrEqual(N);
    // a hidden count is null, every other one a whole number: nothing in between for GIS to read as text
    for (const f of hexFile.features as FlatHex[]) expect(f.properties.total_hidden ? f.properties.total === null : Number.isInteger(f.properties.total)).toBe(true);
    for (const f of suppressedHexes) expect(f.properties.total).toBeNull();

    // clusters with their theme mix
    layerTimes.push(await timedRepaint(page, () => page.getByLabel('Clusters').check()));
    await expect(page.locator('.planner-cluster').first()).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `planner-${project}-clusters.png`) });

    // filter changes on the clusters layer: the worker recounts per cluster from ids assigned once, no re-clustering
    const clusterTimes: number[] = [];
    const drawnAll = await drawnClusterPins(page);
    clusterTimes.push(await timedRepaint(page, () => page.getByLabel('Things to change').check()));
    clusterTimes.push(await timedRepaint(page, () => page.getByRole('checkbox', { name: 'Safety' }).click()));
    // the clusters now count only priorities outside "safety": never more than there are such pins
    const wanted = pinsFile().features.filter((f) => {
      const props = (f as { properties: { kind: string; theme: string } }).properties;
      return props.kind === 'priority' && props.theme !== 'safety';
    }).length;
    const drawnFiltered = await drawnClusterPins(page);
    expect(drawnFiltered).toBeGreaterThan(0);
    expect(drawnFiltered).toBeLessThanOrEqual(wanted);
    expect(drawnFiltered).toBeLessThan(drawnAll);
    await page.locator('.planner-map').screenshot({ path: path.join(SHOTS, `planner-${project}-clusters-filtered.png`) });
    for (const theme of ['Housing', 'Green space', 'Safety', 'Housing', 'Green space']) {
      clusterTimes.push(await timedRepaint(page, () => page.getByRole('checkbox', { name: theme }).click()));
    }
    clusterTimes.push(await timedRepaint(page, () => page.getByLabel('Both kinds').check()));
    await expect.poll(() => drawnClusterPins(page)).toBe(drawnAll);
    console.log(`planner [${project}] clusters: filter change → layer repaint (ms): ${clusterTimes.map((t) => t.toFixed(0)).join(', ')}; median ${median(clusterTimes).toFixed(1)} ms, max ${Math.max(...clusterTimes).toFixed(1)} ms`);

    console.log(`planner [${project}] filter change → layer repaint (ms): ${times.map((t) => t.toFixed(0)).join(', ')}; median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    console.log(`planner [${project}] layer switch → repaint (ms): gaps ${layerTimes[0]!.toFixed(0)}, hex ${layerTimes[1]!.toFixed(0)}, clusters ${layerTimes[2]!.toFixed(0)}`);
    // printed, not asserted: a bound generous enough for a shared machine lets a 4x regression pass. The limits
    // (recount under 100 ms at 100k pins, against a same-run rebuild baseline) are checked by `npm run bench`.

    // back to areas: select an area from the table; the dashboard and map follow
    await page.getByLabel('Areas', { exact: true }).check();
    const first = areas.features[0].properties as { id: string; name: string };
    await page.locator(`tr[data-area-id="${first.id}"] th button`).click();
    await expect(page.getByTestId('planner-scope')).toHaveText(`Area: ${first.name}`);
    // choose a theme from the bar chart: the table then counts only that theme
    await page.locator('.planner-bars li[data-theme="safety"] button').click();
    await expectTableMatches(page, { themes: ['safety'] });
    await page.getByRole('button', { name: 'Show all themes' }).click();
    await page.getByRole('button', { name: 'Show all areas' }).click();
    await expect(page.getByTestId('planner-scope')).toHaveText('All areas');

    // export the areas layer and re-read it: exactly the core's protected counts, in input order
    const areasFile = JSON.parse(readFileSync((await (await download(page, 'Export layer as GeoJSON')).path())!, 'utf8'));
    const expected = aggregateAreas(areas, pinsFile(), { minCount: 5 });
    const flat = (c: PublishedCount) => (typeof c === 'number' ? c : null);
    expect(areasFile.features.map((f: { properties: Record<string, unknown> }) => f.properties)).toEqual(
      expected.features.map((f) => {
        const c = (f.properties as { counts: { total: PublishedCount; asset: PublishedCount; priority: PublishedCount; byTheme: Record<string, { asset: PublishedCount; priority: PublishedCount }> } }).counts;
        const columns: Record<string, unknown> = { total: flat(c.total), asset: flat(c.asset), priority: flat(c.priority) };
        for (const [t, tc] of Object.entries(c.byTheme)) Object.assign(columns, { [`${t}_asset`]: flat(tc.asset), [`${t}_priority`]: flat(tc.priority) });
        return expect.objectContaining(columns);
      }),
    );
    expect(areasFile.coplan.outside).toEqual(flat(expected.outside));
    const csvBytes = readFileSync((await (await download(page, 'Export layer as CSV')).path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFid,name,total,total_hidden,asset,asset_hidden,priority,priority_hidden,/);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(areas.features.length + 1);

    // the map as a png for reports
    const png = readFileSync((await (await download(page, 'Export map as PNG')).path())!);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(900);
    writeFileSync(path.join(SHOTS, `planner-${project}-export.png`), png);
  });

  test('the consultation is counted on the server: its figures download no pin, and a new pin shows up live', async ({ page, baseURL, request }) => {
    const pinDownloads: string[] = [];
    const aggregateRequests: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      // the page asks its consultation's own paths, /api/consultations/<slug>/…
      const inside = pathname.replace(/^\/api\/consultations\/[^/]+/, '/api');
      if (inside.startsWith('/api/pins')) pinDownloads.push(r.url());
      if (inside.startsWith('/api/aggregates/')) aggregateRequests.push(inside);
    });
    await stayOffline(page, baseURL!);
    // the live stream answers with its headers as soon as it is open: a pin posted after that cannot be missed
    const liveOpen = page.waitForResponse((r) => /^\/api\/consultations\/[^/]+\/events$/.test(new URL(r.url()).pathname));
    await page.goto('/planner');
    await liveOpen;
    // the figures are counted on the server: the page shows them without downloading a pin
    await expect(page.getByRole('status').filter({ hasText: 'pins in this consultation' })).toBeVisible();
    expect(aggregateRequests).toContain('/api/aggregates/summary');
    expect(aggregateRequests).toContain('/api/aggregates/planner');
    expect(pinDownloads).toEqual([]);
    // the public reads protected totals ("Pins in this consultation: ≥18"); the consultation's staff read the count
    // (signed in, the answer panel and the budget section ask the server for pages of responses and the assets near
    // a project, never for the pin list: test/e2e/plannerScale.desktop.spec.ts checks it at 100k pins)
    const staff = page.locator('.staff-panel');
    await staff.getByLabel('E-mail', { exact: true }).fill(E2E_ADMIN_EMAIL);
    await staff.getByLabel('Password', { exact: true }).fill(E2E_ADMIN_PASSWORD);
    await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /^[\d,]+ pins in this consultation/ });
    await expect(status).toBeVisible();
    const before = Number(/^([\d,]+) pins/.exec(await status.innerText())![1]!.replace(/,/g, ''));
    expect(before).toBeGreaterThan(0);
    await expect(page.locator('.answer-panel tbody tr').first()).toBeVisible();
    expect(pinDownloads.filter((url) => new URL(url).pathname.endsWith('/pins'))).toEqual([]);

    // a resident somewhere else adds a pin, where a demo pin already is (so inside an area)
    const demo = JSON.parse(readFileSync(path.join(ROOT, 'data/demo-pins.geojson'), 'utf8')).features[0];
    const { token } = await (await request.post('/api/device')).json();
    const posted = await request.post('/api/pins', {
      headers: { 'x-device-token': token },
      data: { type: 'Feature', geometry: demo.geometry, properties: { kind: 'priority', theme: demo.properties.theme, title: 'Posted while a planner watches' } },
    });
    expect(posted.status()).toBe(201);
    const postedAt = Date.now();
    await expect(status).toContainText(`${(before + 1).toLocaleString('en')} pins in this consultation`, { timeout: 15_000 });
    console.log(`planner: a new pin reached the server-counted figures in ${Date.now() - postedAt} ms (refresh at most every 3 s)`);

  });

  test('small counts are withheld on the map, in the table and in exports (demo pins, k = 5)', async ({ page, baseURL }, testInfo) => {
    await stayOffline(page, baseURL!);
    await page.goto('/planner');
    await expect(page.getByRole('status').filter({ hasText: 'pins in this consultation' })).toBeVisible();
    // the demo town has a handful of pins per area: several areas must read "<5" and be hatched
    await expect(page.locator('td[data-col="total"]', { hasText: '<5' }).first()).toBeVisible();
    await expect(page.locator('.planner-map path[fill="url(#planner-hatch)"]').first()).toBeAttached();
    const geojson = await download(page, 'Export layer as GeoJSON');
    const file = JSON.parse(readFileSync((await geojson.path())!, 'utf8'));
    // the file says what it is of, and its name names the consultation when there is one
    expect(file.coplan).toMatchObject({ layer: 'areas-count', source: expect.stringMatching(/^Coplan/), exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(file.coplan).toHaveProperty('boundaryCopyright');
    const slug = (file.coplan.consultation as { slug: string } | null)?.slug;
    expect(geojson.suggestedFilename()).toMatch(new RegExp(`^coplan-${slug ? `${slug}-` : ''}areas-count-\\d{4}-\\d{2}-\\d{2}\\.geojson$`));
    type Flat = { properties: { total: number | null; total_hidden: boolean; value: number | null; value_hidden: boolean } };
    const withheld = file.features.filter((f: Flat) => f.properties.total_hidden);
    expect(withheld.length).toBeGreaterThan(0);
    expect(file.coplan).toMatchObject({ minCount: 5, counts: 'protected' });
    // the shown value is withheld exactly as the total is
    for (const f of withheld) expect([f.properties.total, f.properties.value, f.properties.value_hidden]).toEqual([null, null, true]);
    await page.screenshot({ path: path.join(SHOTS, `planner-${testInfo.project.name}-demo.png`), fullPage: true });
  });
});
