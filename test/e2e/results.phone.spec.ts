// the public results page in Chromium against the real server: it shows the protected counts and a planner's answer
// (as text, markup and all), picks up a new answer live, prints to a PDF with the counts and the map, and passes axe
// in English and right-to-left Urdu.
// At phone size only: the results page has one layout at every width (its desktop run did the same steps on the same
// page); pageWidth.phone.spec.ts checks it fits, a11y*.spec.ts the header at desktop size.
import { inflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, expect, test } from './support/appServer.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const API = '/api/consultations/neighbourhood-plan';
const RESULTS = '/c/neighbourhood-plan/results';
const XSS = '<img src=x onerror=alert(1)>';

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

/** answers pins as the e2e admin, then signs out, so the page is read as the public reads it */
async function answer(page: Page, answers: { id: string; status: string; text: string }[]): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  for (const a of answers) {
    const res = await page.request.put(`${API}/pins/${a.id}/response`, { data: { status: a.status, text: a.text } });
    expect(res.ok(), `PUT …/pins/${a.id}/response: ${await res.text()}`).toBe(true);
  }
  await page.context().clearCookies();
}

async function pinIds(page: Page, n: number): Promise<{ id: string; title: string }[]> {
  const res = await page.request.get(`${API}/pins?limit=${n}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { features: { properties: { id: string; title: string } }[] };
  expect(body.features.length).toBe(n);
  return body.features.map((f) => ({ id: f.properties.id, title: f.properties.title }));
}

// enough generated pins that most areas' counts are shown (the demo's few pins are mostly hidden below 5)
test.describe('with 400 pins', () => {
  test.use({ seedPins: 400 });
test('the results page shows the counts and the answers, updates live and prints to PDF with the map', async ({ page }) => {
  const [first, second] = await pinIds(page, 2);
  await answer(page, [{ id: first!.id, status: 'planned', text: `Trees next spring ${XSS}` }]);
  const dialogs: string[] = [];
  page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));

  await page.goto(RESULTS);
  await expect(page.getByTestId('results-total')).toHaveText(/^Pins placed in the areas: (\d[\d,]*|≥\d[\d,]*\*at least \d[\d,]*)/);
  const areaRows = page.getByTestId('results-areas').locator('tbody tr');
  expect(await areaRows.count()).toBeGreaterThan(0);
  // the public figures: every cell a number or a short word, and a hidden one still says why to a screen reader
  await expectShortFigures(page);
  await expect(page.getByTestId('results-themes').locator('tbody tr').first()).toBeVisible();
  const next = page.getByTestId('results-next');
  await expect(next.getByRole('heading', { name: 'Planned (1)' })).toBeVisible();
  await expect(next).toContainText(`Trees next spring ${XSS}`);
  await expect(next.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('results-map').locator('path').first()).toBeVisible();

  // another answer while the page is open arrives by itself
  await answer(page, [{ id: second!.id, status: 'done', text: 'Bench fitted in May' }]);
  await expect(next.getByRole('heading', { name: 'Done (1)' })).toBeVisible({ timeout: 15_000 });
  await expect(next).toContainText('Bench fitted in May');
  await expect(next).toContainText(second!.title);

  // printed: no navigation, the map still there; the PDF has the counts' text and vector drawing
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header nav')).toBeHidden();
  await expect(page.getByTestId('results-map')).toBeVisible();
  const box = await page.getByTestId('results-map').boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const bytes = pdf.toString('latin1');
  expect(bytes.startsWith('%PDF-')).toBe(true);
  // more than one page: the sections break onto pages of their own
  expect((bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  // the map's areas are filled paths (its blue is used nowhere else on the page) in some content stream (Skia writes them compressed, so look for a fill colour
  // operator of the map's blue, #1d70b8, in the decompressed streams, and line-and-fill path operators)
  const streams = decompressStreams(pdf);
  expect(streams.some((s) => /0?\.113\d* 0?\.439\d* 0?\.72\d* rg/.test(s))).toBe(true);
  expect(streams.some((s) => /\d+(\.\d+)? \d+(\.\d+)? l\b/.test(s) && /\bf\b|\bf\*|\bB\b/.test(s))).toBe(true);
  expect(dialogs).toEqual([]);
});
});

/** every figure cell shows a number or a short word; a hidden one carries the full reason as its text for screen readers */
async function expectShortFigures(page: Page): Promise<number> {
  let hidden = 0;
  for (const cell of await page.locator('[data-testid^="results-"] tbody td').all()) {
    const shown = await cell.locator('.results-figure').textContent();
    expect(shown).toMatch(/^(\d[\d,]*|<\d+ hidden|hidden|≥\d[\d,]*)$/);
    if (/^\d[\d,]*$/.test(shown!)) continue;
    hidden += 1;
    await expect(cell).toContainText(/(fewer than \d+ — hidden to protect privacy|hidden to protect privacy, so that|at least \d[\d,]* — some of the figures)/);
  }
  return hidden;
}

test('with the demo town\'s few pins the hidden figures are short words, explained once above the tables', async ({ page }) => {
  await page.goto(RESULTS);
  const notes = page.getByTestId('results-hidden-notes');
  await expect(notes).toHaveCount(1);
  await expect(notes).toContainText('Some figures are hidden to protect privacy');
  await expect(notes.locator('li').first()).toContainText('hidden to protect privacy');
  expect(await expectShortFigures(page)).toBeGreaterThan(0);
  // the headline's figure is short too, and its word is among those explained
  const lead = page.getByTestId('results-total');
  // (the demo town's total is withheld: with it, the hidden area counts could be worked out)
  await expect(lead.locator('.results-figure')).toHaveText('hidden');
  await expect(lead.locator('.visually-hidden')).toHaveText('hidden to protect privacy, so that a small count cannot be worked out from the others');
  await expect(lead).not.toContainText('Pins placed in the areas: hidden to protect');
  await expect(notes).toContainText('“hidden”: hidden to protect privacy');
  // the long sentence is said once in the notes, not on screen in every cell
  const sentences = page.getByTestId('results-areas').getByText(/hidden to protect privacy/);
  expect(await sentences.count()).toBeGreaterThan(0);
  for (const sentence of await sentences.all()) {
    await expect(sentence).toHaveClass('visually-hidden');
    expect((await sentence.boundingBox())!.width).toBeLessThanOrEqual(1);
  }
  // a hidden cell's accessible text still says so, and the tables point at the explanation
  await expect(page.getByRole('cell', { name: /hidden to protect privacy/ }).first()).toBeVisible();
  await expect(page.getByTestId('results-areas')).toHaveAttribute('aria-describedby', 'results-hidden-notes');
});

function decompressStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at);
    if (start < 0) break;
    const begin = pdf[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = pdf.indexOf('endstream', begin);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(begin, end)).toString('latin1'));
    } catch {
      // not a flate stream (an image, a font): not drawing operators
    }
    at = end + 9;
  }
  return out;
}

for (const lang of ['en', 'ur']) {
  test(`the results page passes axe (${lang})`, async ({ page }) => {
    const [pin] = await pinIds(page, 1);
    await answer(page, [{ id: pin!.id, status: 'under-consideration', text: 'We are looking at it' }]);
    await page.goto(`${RESULTS}?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
    await expect(page.getByTestId('results-next').locator('li')).toHaveCount(1);
    // the page's own strings, in the page's language (English comes with the page's chunk, Urdu with the language)
    await expect(page.getByRole('heading', { level: 2, name: lang === 'en' ? 'What we heard' : 'ہم نے کیا سنا' })).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const found = result.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    console.log(`axe results ${lang}: ${found.length} violations (${result.passes.length} rules passed)`);
    expect(found).toEqual([]);
  });
}
