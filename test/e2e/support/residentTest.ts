// the resident suite's test(): every page routes the internet away and fails the test on any dialog, page error or console error.
import { test as base, expect } from './appServer.ts';
import type { BrowserContext } from '@playwright/test';
import { createGuards, describeGuards, routeExternalRequests, watchPage } from './pageGuards.ts';
import type { PageGuards } from './pageGuards.ts';
import { openConsultationPath, ResidentMapPage } from './residentMapPage.ts';

interface ResidentOptions {
  /** added to the resident page's address, e.g. '?server=off' for the device-only app */
  residentQuery: string;
}

interface ResidentFixtures {
  guards: PageGuards;
  /** the app in this test's page, opened and ready */
  resident: ResidentMapPage;
  /** the app in a new browser context (its own IndexedDB, device token and cookies), with the same guards */
  openFreshResident: () => Promise<ResidentMapPage>;
}

export const test = base.extend<ResidentOptions & ResidentFixtures>({
  residentQuery: ['', { option: true }],
  guards: async ({}, use) => {
    const guards = createGuards();
    await use(guards);
    expect(guards.dialogs, `no dialog may open:\n${describeGuards(guards)}`).toEqual([]);
    expect(guards.pageErrors, `no uncaught page errors:\n${describeGuards(guards)}`).toEqual([]);
    expect(guards.consoleErrors, `no console errors:\n${describeGuards(guards)}`).toEqual([]);
  },
  context: async ({ context, baseURL, guards }, use) => {
    await routeExternalRequests(context, baseURL!, guards);
    await use(context);
  },
  page: async ({ page, guards }, use) => {
    watchPage(page, guards);
    await use(page);
  },
  resident: async ({ page, residentQuery }, use, testInfo) => {
    const resident = new ResidentMapPage(page, { touch: testInfo.project.use.hasTouch === true });
    await resident.goto(await openConsultationPath(page, residentQuery));
    await use(resident);
  },
  openFreshResident: async ({ browser, baseURL, guards, residentQuery }, use, testInfo) => {
    const opened: BrowserContext[] = [];
    const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
      opened.push(context);
      await routeExternalRequests(context, baseURL!, guards);
      const page = await context.newPage();
      watchPage(page, guards);
      const resident = new ResidentMapPage(page, { touch: hasTouch === true });
      await resident.goto(await openConsultationPath(page, residentQuery));
      return resident;
    });
    for (const context of opened) await context.close();
  },
});

export { expect };
