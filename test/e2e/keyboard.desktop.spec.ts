// keyboard only, no mouse: add a pin with the crosshair, find it in the list, delete it; focus always visible, never lost.
import { expect, test } from './support/appServer.ts';
import { openConsultationPath } from './support/residentMapPage.ts';
import type { Page } from '@playwright/test';

interface Focused {
  tag: string;
  name: string;
  /** outline or box-shadow drawn around it */
  visible: boolean;
}

/** What has focus now: its accessible-ish name and whether a focus indicator is drawn. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', visible: false };
    const style = getComputedStyle(el);
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : '') ??
      '';
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const wrapping = el.closest('label')?.textContent;
    return {
      tag: el.tagName.toLowerCase(),
      name: (name || label || wrapping || el.textContent || '').trim(),
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails if focus ever lands on <body> or shows no indicator. */
async function tabTo(page: Page, name: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 120); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(`${now.tag}:${now.name.slice(0, 40)}`);
    expect(now.tag, `focus fell to <body> after ${seen.join(' → ')}`).not.toBe('body');
    expect(now.visible, `no visible focus on ${now.tag} "${now.name}"`).toBe(true);
    if (matches(now.name)) return;
  }
  throw new Error(`never reached "${String(name)}" by ${options.back ? 'Shift+Tab' : 'Tab'}; went ${seen.join(' → ')}`);
}

test('keyboard only: add a pin, find it in the list, delete it', async ({ page, baseURL }, testInfo) => {
  const own = new URL(baseURL!).origin;
  await page.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.fulfill({ status: 204, body: '' }));
  const title = `Keyboard bench ${testInfo.project.name} ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(await openConsultationPath(page, '?lang=en'));
  await expect(page.locator('.pin-marker').first()).toBeAttached();

  // open the form
  await tabTo(page, 'Add a pin');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Add a pin' })).toBeFocused();

  // fill it in: radios with Space and arrows, text by typing
  await tabTo(page, 'Something to keep');
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Something to keep' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Green space' })).toBeChecked();
  await tabTo(page, 'Title');
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await page.keyboard.type('A place to sit, added without a mouse.');

  // place it with the crosshair: the live region names the neighbourhood under it
  await tabTo(page, 'Neighbourhood map');
  const status = page.locator('.crosshair-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText(/^Crosshair is (over .+|outside the neighbourhoods)$/);
  for (let i = 0; i < 12 && /outside/.test((await status.textContent()) ?? ''); i++) {
    await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowLeft');
    await page.waitForTimeout(150);
  }
  await expect(status).toHaveText(/^Crosshair is over (.+)$/);
  const area = /^Crosshair is over (.+)$/.exec((await status.textContent())!)![1]!;
  await page.keyboard.press('Enter');
  await expect(page.locator('#pin-position')).toContainText(`Placed in ${area}.`);

  // back to the form's Save button, then save
  await tabTo(page, 'Save pin', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('[role="status"].visually-hidden')).toHaveText(`Pin “${title}” saved.`);
  // focus goes to the thank-you that replaces the form instead of falling to <body>, with its two next steps
  await expect(page.getByRole('heading', { name: 'Thank you: your pin is on the map' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'See your pin', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add another', exact: true })).toBeVisible();

  // find it in the list: the tabs switch with the arrow keys
  await tabTo(page, 'Map', { back: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'List' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
  await expect(row).toContainText('Something to keep');
  await expect(row).toContainText('Green space');
  await expect(row).toContainText(area);

  // delete it
  await tabTo(page, `Delete “${title}”`, { max: 250 });
  await page.keyboard.press('Enter');
  // the safe choice has focus first
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await tabTo(page, 'Yes, delete', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('rowheader', { name: title })).toHaveCount(0);
  await expect(page.locator('[role="status"].visually-hidden')).toHaveText(`Pin “${title}” deleted.`);
  await expect(page.getByRole('heading', { name: 'List of pins' })).toBeFocused();
});

test('keyboard only: switch the language, and the choice is remembered', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).origin;
  await page.route((url) => url.origin !== own && url.protocol.startsWith('http'), (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto(await openConsultationPath(page));
  await expect(page.locator('.pin-marker').first()).toBeAttached();
  await tabTo(page, 'Language');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeFocused();
  // the options name each language in itself
  await expect(page.getByRole('combobox', { name: 'Language' }).locator('option')).toHaveText(['English', 'Cymraeg', 'Polski', 'اردو']);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('button', { name: 'Ychwanegu pin' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Iaith' })).toBeFocused();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('tab', { name: 'Rhestr' })).toBeVisible();
  // a ?lang= link wins over the remembered choice, and mirrors the page for Urdu
  await page.goto(await openConsultationPath(page, '?lang=ur'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('combobox', { name: 'زبان' })).toHaveValue('ur');
});
