// the resident map as a user sees it: locators by accessible name and the steps a resident takes, for both pointer and touch.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { KIND_LABELS } from './themes.ts';
import type { TestPin } from './themes.ts';

export interface ScreenPoint {
  x: number;
  y: number;
}

export class ResidentMapPage {
  readonly page: Page;
  /** true on the phone project: map placement is a tap, not a click */
  readonly touch: boolean;

  constructor(page: Page, options: { touch: boolean }) {
    this.page = page;
    this.touch = options.touch;
  }

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Neighbourhood map' });
  }

  get form(): Locator {
    return this.page.locator('section.pin-form');
  }

  get popup(): Locator {
    return this.page.locator('.leaflet-popup');
  }

  get listTable(): Locator {
    return this.page.locator('#panel-list table');
  }

  /** Opens the app and waits until boundaries are drawn and the add button works. */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Add a pin', exact: true })).toBeVisible();
    await expect(this.map).toBeVisible();
    await expect(this.page.locator('.leaflet-tooltip.area-label').first()).toBeAttached();
  }

  /** A pin's marker, found by the accessible name every marker carries: "{kind}: {title} ({theme})". */
  marker(pin: Pick<TestPin, 'kind' | 'title' | 'theme'>): Locator {
    return this.map.getByRole('button', { name: `${KIND_LABELS[pin.kind]}: ${pin.title} (${pin.theme})`, exact: true });
  }

  /** Any marker whose name mentions the title, whatever its kind or theme. */
  markersTitled(title: string): Locator {
    return this.map.locator(`.pin-marker[aria-label*=${JSON.stringify(title)}]`);
  }

  /** The list row whose row header is exactly this title. */
  listRow(title: string): Locator {
    return this.listTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title, exact: true }) });
  }

  async showView(view: 'Map' | 'List'): Promise<void> {
    const tab = this.page.getByRole('tab', { name: view, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Click on desktop, tap on the phone. */
  async press(target: Locator): Promise<void> {
    if (this.touch) await target.tap();
    else await target.click();
  }

  async pressAt(point: ScreenPoint): Promise<void> {
    if (this.touch) await this.page.touchscreen.tap(point.x, point.y);
    else await this.page.mouse.click(point.x, point.y);
  }

  async startAdding(): Promise<void> {
    await this.press(this.page.getByRole('button', { name: 'Add a pin', exact: true }));
    await expect(this.form.getByRole('heading', { name: 'Add a pin' })).toBeVisible();
  }

  async fillForm(pin: TestPin): Promise<void> {
    await this.form.getByRole('radio', { name: KIND_LABELS[pin.kind], exact: true }).check();
    await this.form.getByRole('radio', { name: pin.theme, exact: true }).check();
    await this.form.getByRole('textbox', { name: 'Title', exact: true }).fill(pin.title);
    if (pin.note !== undefined) await this.form.getByRole('textbox', { name: 'Note (optional)', exact: true }).fill(pin.note);
    if (pin.sentiment !== undefined) await this.form.getByRole('radio', { name: pin.sentiment, exact: true }).check();
  }

  /**
   * Points on screen inside the named neighbourhood, nearest its label first, where a click reaches the map itself
   * (no marker, popup or control in the way). The label sits at a point on the area's surface; the boundary drawn
   * under it is hit-tested in svg, since on a crowded phone map the free spots can be far from the label.
   */
  async freePointsNear(areaName: string): Promise<ScreenPoint[]> {
    await this.map.scrollIntoViewIfNeeded();
    const label = this.page.locator('.leaflet-tooltip.area-label').filter({ hasText: new RegExp(`^${escapeRegExp(areaName)}$`) });
    const box = await label.boundingBox();
    if (!box) throw new Error(`the label of neighbourhood "${areaName}" is not on screen`);
    const points = await this.map.evaluate(findFreePointsInArea, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    if (points.length === 0) throw new Error(`no spot in "${areaName}" is clear of markers on this screen: pick a roomier neighbourhood`);
    return points;
  }

  /** A point on the map, away from every boundary: the top-left corner after zooming right out. */
  async pointOutsideAreas(): Promise<ScreenPoint> {
    const zoomOut = this.map.getByRole('button', { name: 'Zoom out' });
    for (let i = 0; i < 3; i++) await this.press(zoomOut);
    await this.map.scrollIntoViewIfNeeded();
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    const [point] = await this.map.evaluate(findFreePoints, { x: box.x + 24, y: box.y + 24, maxRadius: 20 });
    if (!point) throw new Error('no free spot in the corner of the map');
    return point;
  }

  /** Places the draft pin with the pointer and checks the form names the right neighbourhood. */
  async placeInArea(areaName: string): Promise<void> {
    const status = this.form.locator('#pin-position [role="status"]');
    const wanted = `Placed in ${areaName}.`;
    let landed = '';
    const tried: ScreenPoint[] = [];
    for (const point of await this.freePointsNear(areaName)) {
      // spread the tries out (tapping again just moves the draft pin), and give up after a few
      if (tried.length >= 8) break;
      if (tried.some((t) => Math.hypot(t.x - point.x, t.y - point.y) < 12)) continue;
      tried.push(point);
      await this.pressAt(point);
      await expect(status).not.toHaveText(/Not placed yet/);
      landed = (await status.textContent()) ?? '';
      if (landed === wanted) return;
    }
    throw new Error(`could not tap inside ${areaName}; the last tap said "${landed}"`);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save pin', exact: true }).click();
    await expect(this.form).toHaveCount(0);
  }

  /** The whole pointer flow: Add a pin, fill the form, tap the map inside the area, save. */
  async addPinByPointer(pin: TestPin): Promise<void> {
    await this.startAdding();
    await this.placeInArea(pin.area);
    await this.fillForm(pin);
    await this.save();
    await expect(this.marker(pin)).toBeAttached();
  }

  async openPopup(pin: Pick<TestPin, 'kind' | 'title' | 'theme'>): Promise<Locator> {
    const marker = this.marker(pin);
    await marker.scrollIntoViewIfNeeded();
    await this.press(marker);
    await expect(this.popup.getByRole('heading', { name: pin.title, exact: true })).toBeVisible();
    return this.popup;
  }

  async openFilters(): Promise<Locator> {
    const button = this.page.getByRole('button', { name: 'Filter pins', exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    return this.page.locator('section.filter-panel');
  }

  /** "Showing N of M pins" from the filter panel's live status. */
  async shownCount(): Promise<{ shown: number; total: number }> {
    const text = (await this.page.locator('.filter-count').textContent()) ?? '';
    const match = /Showing (\d+) of (\d+) pins/.exec(text);
    if (!match) throw new Error(`unexpected filter count text: ${text}`);
    return { shown: Number(match[1]), total: Number(match[2]) };
  }
}

/** Runs in the page: searches outward from (x, y) for spots where a click lands on the map container itself. */
function findFreePoints(container: Element, args: { x: number; y: number; maxRadius: number }): ScreenPoint[] {
  const frame = container.getBoundingClientRect();
  const markers = Array.from(container.querySelectorAll('.leaflet-marker-icon')).map((m) => m.getBoundingClientRect());
  const found: ScreenPoint[] = [];
  for (let radius = 0; radius <= args.maxRadius; radius += 4) {
    const steps = radius === 0 ? 1 : 16;
    for (let step = 0; step < steps; step++) {
      const angle = (step / steps) * 2 * Math.PI;
      const x = Math.round(args.x + radius * Math.cos(angle));
      const y = Math.round(args.y + radius * Math.sin(angle));
      if (x < frame.left + 4 || x > frame.right - 4 || y < frame.top + 4 || y > frame.bottom - 4) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit) || hit.closest('.leaflet-marker-icon, .leaflet-popup, .leaflet-control')) continue;
      // keep clear of markers by a finger's width so a tap cannot open one instead
      if (markers.some((b) => x > b.left - 8 && x < b.right + 8 && y > b.top - 8 && y < b.bottom + 8)) continue;
      found.push({ x, y });
    }
  }
  return found;
}

/**
 * Runs in the page: free spots inside the boundary path that contains (x, y), at least 4 px from its edge. Spots far
 * from every marker come first (a touch near a marker can be snapped onto it), then those nearest the label.
 */
function findFreePointsInArea(container: Element, label: ScreenPoint): ScreenPoint[] {
  const frame = container.getBoundingClientRect();
  const markers = Array.from(container.querySelectorAll('.leaflet-marker-icon')).map((m) => {
    const b = m.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, r: Math.max(b.width, b.height) / 2 };
  });
  const paths = Array.from(container.querySelectorAll<SVGPathElement>('.leaflet-overlay-pane path'));
  const inside = (path: SVGPathElement, x: number, y: number): boolean => {
    const matrix = path.getScreenCTM();
    if (!matrix) return false;
    return path.isPointInFill(new DOMPoint(x, y).matrixTransform(matrix.inverse()));
  };
  const area = paths.find((path) => inside(path, label.x, label.y));
  if (!area) return [];
  const box = area.getBoundingClientRect();
  const found: (ScreenPoint & { clearance: number; distance: number })[] = [];
  for (let y = Math.max(box.top, frame.top + 8); y <= Math.min(box.bottom, frame.bottom - 8); y += 3) {
    for (let x = Math.max(box.left, frame.left + 8); x <= Math.min(box.right, frame.right - 8); x += 3) {
      if (![[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].every(([dx, dy]) => inside(area, x + dx!, y + dy!))) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit) || hit.closest('.leaflet-marker-icon, .leaflet-popup, .leaflet-control')) continue;
      // chromium snaps a touch near a marker onto it, so stay a fingertip away from every marker
      const clearance = Math.min(24, ...markers.map((m) => Math.hypot(m.x - x, m.y - y) - m.r));
      if (clearance < 10) continue;
      found.push({ x: Math.round(x), y: Math.round(y), clearance: Math.floor(clearance / 4), distance: Math.hypot(x - label.x, y - label.y) });
    }
  }
  return found.sort((a, b) => b.clearance - a.clearance || a.distance - b.distance).map(({ x, y }) => ({ x, y }));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
