// getting pins in and out through the Data menu. Every data test goes through these helpers, so when import/export
// needs a planner sign-in against the server, that step is added once, in ensureDataAccess.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export interface TextFile {
  name: string;
  text: string;
}

/** The first admin the e2e server is started with (see appServer.ts). */
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from './appServer.ts';

/**
 * Makes the Data menu's import and export usable. Against the Coplan server they are for planners only, so this opens
 * the menu and signs in as the e2e admin unless this browser context is already signed in.
 */
export async function ensureDataAccess(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Data', exact: true });
  await expect(button).toBeVisible();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const menu = page.locator('section.data-menu');
  const signOut = menu.getByRole('button', { name: 'Sign out', exact: true });
  const password = menu.getByLabel('Password', { exact: true });
  const localExport = menu.getByRole('button', { name: 'Export GeoJSON', exact: true });
  // device-only mode (no server) has no sign-in: the export buttons are there at once
  await expect(signOut.or(password).or(localExport).first()).toBeVisible();
  if (await password.isVisible()) {
    await menu.getByLabel('E-mail', { exact: true }).fill(E2E_ADMIN_EMAIL);
    await password.fill(E2E_ADMIN_PASSWORD);
    await menu.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(signOut).toBeVisible();
  }
}

/** Opens the Data menu (if closed), signed in where that is needed, and returns its section. */
export async function openDataMenu(page: Page): Promise<Locator> {
  await ensureDataAccess(page);
  const button = page.getByRole('button', { name: 'Data', exact: true });
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return page.locator('section.data-menu');
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function exportPins(page: Page, format: 'geojson' | 'csv'): Promise<TextFile> {
  const menu = await openDataMenu(page);
  const button = menu.getByRole('button', { name: format === 'geojson' ? 'Export GeoJSON' : 'Export CSV', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function chooseFile(page: Page, label: string, file: TextFile): Promise<void> {
  const menu = await openDataMenu(page);
  await menu.getByLabel(label, { exact: true }).setInputFiles({ name: file.name, mimeType: 'application/geo+json', buffer: Buffer.from(file.text, 'utf8') });
}

/** Chooses a pins file in "Import pins (GeoJSON)"; read the outcome from importReport. */
export async function importPins(page: Page, file: TextFile): Promise<void> {
  await chooseFile(page, 'Import pins (GeoJSON)', file);
}

/** Chooses a boundaries file in "Import boundaries (GeoJSON)"; read the outcome from importReport. */
export async function importBoundaries(page: Page, file: TextFile): Promise<void> {
  await chooseFile(page, 'Import boundaries (GeoJSON)', file);
}

/** Where the Data menu reports an import: an alert when refused, a status when done. */
export function importReport(page: Page): { refused: Locator; done: Locator } {
  const menu = page.locator('section.data-menu');
  return { refused: menu.getByRole('alert'), done: menu.locator('.import-report[role="status"]') };
}

/** RFC 4180 CSV to rows of cells (quoted cells, doubled quotes, CRLF), enough to read our own export back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  // every CSV we write starts with a UTF-8 byte-order mark, which spreadsheets read as the encoding, not as text
  if (!text.startsWith('\uFEFF')) throw new Error('CSV does not start with a UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(text.slice(1));
  if (!header) throw new Error('CSV has no header row');
  return rows.map((cells) => {
    if (cells.length !== header.length) throw new Error(`CSV row has ${cells.length} cells, header has ${header.length}: ${cells.join(',')}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]!]));
  });
}
