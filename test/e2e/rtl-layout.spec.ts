// right-to-left layout: the same page in English and in Urdu (?lang=ur), compared box by box at phone and desktop
// sizes. Urdu mirrors the page (side panel, tab order, text start, list columns) but not the map (zoom stays put).
import type { Page } from '@playwright/test';
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';

interface Box { x: number; y: number; width: number; height: number }
interface Layout {
  width: number;
  side: Box;
  views: Box;
  zoom: Box;
  tabs: Box[];
  heading: { box: Box; text: Box; align: string };
  columns: Box[];
  caption: { box: Box; text: Box };
}

async function layoutOf(page: Page, baseURL: string, lang: 'en' | 'ur'): Promise<Layout> {
  const own = new URL(baseURL).origin;
  await page.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto(await openConsultationPath(page, `?lang=${lang}`));
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
  await expect(page.locator('.pin-marker').first()).toBeAttached();
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  const tabBoxes = [(await tabs.nth(0).boundingBox())!, (await tabs.nth(1).boundingBox())!];
  // where the words are, not the element: a Range around the text
  const textOf = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    // the last line: on a narrow screen the text wraps, and a start-aligned last line shows where lines start
    const lines = range.getClientRects();
    const r = lines[lines.length - 1] ?? range.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    return { box: { x: b.x, y: b.y, width: b.width, height: b.height }, text: { x: r.x, y: r.y, width: r.width, height: r.height }, align: getComputedStyle(el).textAlign };
  };
  const heading = await page.locator('.filter-panel .disclosure').first().evaluate(textOf);
  const layout = { width: await page.evaluate(() => document.documentElement.clientWidth), side: await box('.side-panel'), views: await box('.views'), zoom: await box('.leaflet-control-zoom'), tabs: tabBoxes, heading };
  // the list view: its column headers in reading order
  await tabs.nth(1).click();
  await expect(page.locator('#panel-list table')).toBeVisible();
  const headers = page.locator('#panel-list table thead th');
  const columns: Box[] = [];
  for (let i = 0; i < (await headers.count()); i++) {
    const b = await headers.nth(i).boundingBox();
    if (b) columns.push(b); // a header hidden at this size has no box
  }
  const caption = await page.locator('#panel-list table caption').evaluate(textOf);
  return { ...layout, columns, caption };
}

const near = (a: number, b: number, tolerance = 2) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tolerance);
const right = (b: Box) => b.x + b.width;

test('Urdu mirrors the English layout box by box, except the map', async ({ page, baseURL }, testInfo) => {
  const en = await layoutOf(page, baseURL!, 'en');
  const ur = await layoutOf(page, baseURL!, 'ur');
  const W = en.width;
  expect(ur.width).toBe(W);
  const mirrored = (a: Box, b: Box, tolerance = 2) => {
    near(b.x, W - right(a), tolerance);
    near(b.width, a.width, tolerance);
  };

  if (testInfo.project.name === 'desktop') {
    // side panel on the left in English, on the right in Urdu, same size; the views take the other side
    expect(right(en.side)).toBeLessThanOrEqual(en.views.x + 1);
    expect(right(ur.views)).toBeLessThanOrEqual(ur.side.x + 1);
    mirrored(en.side, ur.side);
    mirrored(en.views, ur.views);
  } else {
    // phone: the side panel is a full-width sheet over the lower part of the map in both languages
    expect(en.side.y).toBeGreaterThan(en.views.y + en.views.height / 3);
    expect(ur.side.y).toBeGreaterThan(ur.views.y + ur.views.height / 3);
    near(ur.side.x, en.side.x);
    near(ur.side.width, en.side.width);
  }
  // (heights differ: Urdu script needs taller lines, so only horizontal edges are compared)

  // the map is not mirrored: the zoom buttons stay at the map's top right in both languages
  near(right(ur.zoom), right(ur.views) - (right(en.views) - right(en.zoom)), 2);
  expect(ur.zoom.x).toBeGreaterThan(ur.views.x + ur.views.width / 2);

  // tabs read in the writing direction: Map then List, left to right in English and right to left in Urdu
  expect(en.tabs[0]!.x).toBeLessThan(en.tabs[1]!.x);
  expect(ur.tabs[0]!.x).toBeGreaterThan(ur.tabs[1]!.x);
  expect(right(ur.tabs[1]!)).toBeLessThanOrEqual(ur.tabs[0]!.x + 1);

  // the heading's words start at the left edge of the button in English, at the right edge in Urdu
  expect(en.heading.text.x - en.heading.box.x).toBeLessThan(en.heading.box.width / 4);
  expect(right(ur.heading.box) - right(ur.heading.text)).toBeLessThan(ur.heading.box.width / 4);
  expect(ur.heading.text.x - ur.heading.box.x).toBeGreaterThan(right(ur.heading.box) - right(ur.heading.text));

  // the list's caption (text in a full-width block) starts at the left in English, at the right in Urdu
  expect(en.caption.text.x - en.caption.box.x).toBeLessThan(8);
  expect(right(ur.caption.box) - right(ur.caption.text)).toBeLessThan(8);
  expect(en.caption.text.width).toBeLessThan(en.caption.box.width - 20);

  // list column headers in reading order (on the phone they wrap onto several lines, like words): within a line,
  // left to right in English and right to left in Urdu; the first starts at the left, resp. the right, edge
  expect(en.columns.length).toBeGreaterThan(2);
  expect(ur.columns).toHaveLength(en.columns.length);
  expect(en.columns[0]!.x - en.views.x).toBeLessThan(en.views.width / 4);
  expect(right(ur.views) - right(ur.columns[0]!)).toBeLessThan(ur.views.width / 4);
  for (const [layout, ltr] of [[en, true], [ur, false]] as const) {
    for (let i = 1; i < layout.columns.length; i++) {
      const [before, box] = [layout.columns[i - 1]!, layout.columns[i]!];
      if (Math.abs(box.y - before.y) > 2) expect(box.y, 'a wrapped header goes below').toBeGreaterThan(before.y);
      else if (ltr) expect(box.x).toBeGreaterThanOrEqual(right(before) - 1);
      else expect(right(box)).toBeLessThanOrEqual(before.x + 1);
    }
  }
});
