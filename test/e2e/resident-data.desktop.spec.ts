// export (GeoJSON, CSV) and import through the device-only Data menu: round trip into a fresh browser, and refused files
// that change nothing. With a server these are staff work in the planner view (responseExplorer.desktop.spec.ts).
import { csvRecords, exportPins, importBoundaries, importPins, importReport } from './support/pinData.ts';
import { expect, test } from './support/residentTest.ts';
import { themeIdOf, uniqueTitle } from './support/themes.ts';
import type { TestPin } from './support/themes.ts';

test.use({ residentQuery: '?server=off' });

interface ExportedFeature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: { id: string; kind: string; theme: string; title: string; area: string };
}

test('exports GeoJSON and CSV with our pins (CSV defuses formulas), and the GeoJSON imports into a fresh browser', async ({ resident, openFreshResident }, testInfo) => {
  const formula: TestPin = { kind: 'asset', theme: 'Shops & local economy', title: `=1+2 ${uniqueTitle(testInfo, 'formula, "quoted"')}`, area: 'Foundry Fields' };
  const plain: TestPin = { kind: 'priority', theme: 'Health & care', title: uniqueTitle(testInfo, 'Export change'), note: 'Line one\nline two', area: 'Weir Meadows' };
  await resident.addPinByPointer(formula);
  await resident.addPinByPointer(plain);

  const geojson = await exportPins(resident.page, 'geojson');
  expect(geojson.name).toMatch(/\.geojson$/);
  const collection = JSON.parse(geojson.text) as { type: string; features: ExportedFeature[] };
  expect(collection.type).toBe('FeatureCollection');
  for (const pin of [formula, plain]) {
    const matches = collection.features.filter((f) => f.properties.title === pin.title);
    expect(matches, `exactly one exported feature titled ${pin.title}`).toHaveLength(1);
    const feature = matches[0]!;
    expect(feature.geometry.type).toBe('Point');
    expect(feature.geometry.coordinates.every(Number.isFinite)).toBe(true);
    expect(feature.properties).toMatchObject({ kind: pin.kind, theme: themeIdOf(pin.theme) });
    expect(feature.id).toBe(feature.properties.id);
  }

  const csv = await exportPins(resident.page, 'csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text).toMatch(/\r\n$/);
  expect(csv.text.startsWith('\uFEFFid,kind,theme,'), 'the CSV starts with a UTF-8 byte-order mark').toBe(true);
  const records = csvRecords(csv.text);
  const formulaRow = records.find((r) => r.title === `'${formula.title}`);
  expect(formulaRow, `a CSV row whose title is '${formula.title}`).toBeDefined();
  expect(records.some((r) => r.title === formula.title), 'the raw formula must not reach a cell').toBe(false);
  expect(formulaRow).toMatchObject({ kind: 'asset', theme: themeIdOf(formula.theme), theme_label: formula.theme, area_name: 'Foundry Fields' });
  const plainRow = records.find((r) => r.title === plain.title);
  expect(plainRow).toMatchObject({ kind: 'priority', note: 'Line one\nline two', area_name: 'Weir Meadows' });
  expect(Number(plainRow!.longitude)).not.toBeNaN();

  // round trip: a different browser (its own storage and device token) imports the file and finds the pins, once each
  const other = await openFreshResident();
  await importPins(other.page, geojson);
  await expect(importReport(other.page).done).toContainText(/Added|will be sent/);
  for (const pin of [formula, plain]) await expect(other.marker(pin)).toHaveCount(1);
  await other.showView('List');
  for (const pin of [formula, plain]) await expect(other.listRow(pin.title)).toHaveCount(1);
  // made elsewhere, so this browser may support them but not edit or delete them
  const row = other.listRow(plain.title);
  await expect(row.getByRole('button', { name: `Support “${plain.title}”` })).toBeVisible();
  await expect(row.getByRole('button', { name: `Edit “${plain.title}”` })).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Delete “${plain.title}”` })).toHaveCount(0);
});

// the shape of ../shared/data/bad/geojsonhint-different-first-last.geojson (whose every variant the unit tests
// cover); written here so this browser test needs nothing outside the repo
const UNCLOSED_BOUNDARIES = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'Open field' }, geometry: { type: 'Polygon', coordinates: [[[-0.2, 53.27], [-0.15, 53.27], [-0.15, 53.3], [-0.2, 53.3]]] } }],
});

test.describe(() => {
  test('a refused import names the feature and rule, and leaves pins and boundaries as they were', async ({ resident, page }, testInfo) => {
    const mine: TestPin = { kind: 'asset', theme: 'Environment', title: uniqueTitle(testInfo, 'Survivor'), area: 'Canal Basin' };
    await resident.addPinByPointer(mine);
    const labels = page.locator('.leaflet-tooltip.area-label');
    const areaNames = await labels.allTextContents();
    const { total } = await resident.shownCount();

    await importBoundaries(page, { name: 'unclosed.geojson', text: UNCLOSED_BOUNDARIES });
    const refused = importReport(page).refused;
    // device-only and server modes word it slightly differently; both must say nothing changed
    await expect(refused).toContainText(/unclosed\.geojson was not (imported|accepted as boundaries) and nothing changed/);
    await expect(refused).toContainText('Feature 0');
    await expect(refused).toContainText('ring-not-closed');
    await expect(refused).toContainText('the ring is not closed');
    expect(await labels.allTextContents()).toEqual(areaNames);
    await expect(resident.marker(mine)).toHaveCount(1);

    // one good feature and one bad: all or nothing, so the good one is not added either
    const goodTitle = uniqueTitle(testInfo, 'Never imported');
    const point = (title: string, kind: string) => ({
      type: 'Feature',
      properties: { kind, theme: 'green-space', title },
      geometry: { type: 'Point', coordinates: [-0.1797, 53.2776] },
    });
    const file = { name: 'one-bad.geojson', text: JSON.stringify({ type: 'FeatureCollection', features: [point(goodTitle, 'asset'), point('Bad kind', 'maybe')] }) };
    await importPins(page, file);
    await expect(refused).toContainText(/one-bad\.geojson was not (imported|accepted as pins) and nothing changed/);
    await expect(refused).toContainText('Feature 1 (Bad kind)');
    await expect(refused).toContainText('invalid-kind');
    await expect(refused).toContainText('kind must be "asset" or "priority"');
    await expect(refused).not.toContainText('Feature 0');
    await expect(resident.markersTitled(goodTitle)).toHaveCount(0);
    await expect(resident.marker(mine)).toHaveCount(1);
    expect(await labels.allTextContents()).toEqual(areaNames);
    expect((await resident.shownCount()).total).toBeGreaterThanOrEqual(total);
  });
});
