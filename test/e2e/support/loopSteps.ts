// the closing-the-loop e2e specs' shared steps: a pin made through the form, the planner view signed in, an answer
// through the API, and axe on part of a page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './appServer.ts';
import { addPinAtCrosshair } from './crosshairPin.ts';
import { openConsultationPath } from './residentMapPage.ts';
import type { ResidentMapPage } from './residentMapPage.ts';
import type { TestPin } from './themes.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const XSS = '<img src=x onerror=alert(1)>';
export const SHOTS = 'test/output/screenshots';

/** a pin made through the form, and on the server */
export async function addSentPin(resident: ResidentMapPage, pin: Omit<TestPin, 'area'>): Promise<void> {
  await addPinAtCrosshair(resident, pin);
  await resident.waitUntilSent();
}

/** the planner view of the open consultation, signed in as the e2e admin (the session cookie is the context's) */
export async function openPlanner(page: Page, query = ''): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const resident = await openConsultationPath(page);
  await page.goto(`${resident}/planner${query}`);
  await expect(page.locator('.answer-panel table tbody tr').first()).toBeVisible({ timeout: 30_000 });
}

/** answers one pin by its title through the API, as the e2e admin in a context of its own */
export async function answerByTitle(page: Page, title: string, status: string, text: string): Promise<void> {
  const signIn = await page.request.post('/api/session', { data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD } });
  expect(signIn.ok()).toBe(true);
  const api = `/api${(await openConsultationPath(page)).replace('/c/', '/consultations/')}`;
  const pins = (await (await page.request.get(`${api}/pins?limit=10000`)).json()) as { features: { id: string; properties: { title: string } }[] };
  const id = pins.features.find((f) => f.properties.title === title)!.id;
  const answered = await page.request.put(`${api}/pins/${id}/response`, { data: { status, text } });
  expect(answered.ok(), await answered.text()).toBe(true);
}

export async function axeViolations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
