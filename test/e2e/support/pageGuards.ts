// watches a browser context for what must never happen in a resident flow: dialogs, page errors, console errors, internet use.
import type { BrowserContext, Page } from '@playwright/test';

/** What the guards saw; a test fixture asserts these are empty when the test ends. */
export interface PageGuards {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** requests for anything not served by our own server (tiles, fonts, analytics): answered locally, never sent */
  externalRequests: string[];
}

export function createGuards(): PageGuards {
  return { consoleErrors: [], pageErrors: [], dialogs: [], externalRequests: [] };
}

// a 1×1 transparent png, so a tile layer pointed at the internet still gets an image and logs no error
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * Routes every request that does not go to our own server away from the network, and records it.
 * WARNING: context-level routing also catches requests from pages opened later in the same context.
 */
export async function routeExternalRequests(context: BrowserContext, baseURL: string, guards: PageGuards): Promise<void> {
  const ownOrigin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== ownOrigin && (url.protocol === 'http:' || url.protocol === 'https:'),
    async (route) => {
      const request = route.request();
      guards.externalRequests.push(request.url());
      if (request.resourceType() === 'image') await route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG });
      else await route.fulfill({ status: 204, body: '' });
    },
  );
}

/** Records console errors, uncaught page errors and dialogs; dialogs are dismissed so the page never hangs. */
export function watchPage(page: Page, guards: PageGuards): void {
  page.on('console', (message) => {
    if (message.type() === 'error') guards.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => {
    guards.pageErrors.push(`${error.name}: ${error.message}`);
  });
  page.on('dialog', (dialog) => {
    guards.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/** A readable summary for an assertion message. */
export function describeGuards(guards: PageGuards): string {
  return JSON.stringify({ dialogs: guards.dialogs, pageErrors: guards.pageErrors, consoleErrors: guards.consoleErrors }, null, 2);
}
