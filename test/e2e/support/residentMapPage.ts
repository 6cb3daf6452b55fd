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
    let points: ScreenPoint[] = [];
    // an earlier zoom, or a popup's auto-pan, may have moved this neighbourhood to the edge or off screen
    if (!(await this.labelInsideMap(label))) {
      const box = await label.boundingBox();
      if (box) await this.panToCentre({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }
    for (let out = 0; out < 4 && !(await this.labelInsideMap(label)); out++) {
      await this.map.getByRole('button', { name: 'Zoom out' }).dispatchEvent('click');
      await expect(this.map).not.toHaveClass(/leaflet-(zoom|pan)-anim/);
      await this.page.waitForTimeout(300);
    }
    // against the shared server every test adds pins, so a neighbourhood fills up: zoom in on it until there is room
    for (let zoom = 0; zoom <= 3; zoom++) {
      const box = await label.boundingBox();
      if (!box) throw new Error(`the label of neighbourhood "${areaName}" is not on screen`);
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      points = await this.map.evaluate(findFreePointsInArea, centre);
      if (points.length >= 12 || zoom === 3) break;
      await this.zoomInAt(centre);
    }
    if (points.length === 0) throw new Error(`no spot in "${areaName}" is clear of markers on this screen: pick a roomier neighbourhood`);
    return points;
  }

  /** Pans with the arrow keys (60 px a press) until the point is near the centre of the map; leaves the map focused. */
  async panToCentre(point: ScreenPoint): Promise<void> {
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    await this.map.focus();
    const presses = (distance: number) => Math.min(20, Math.abs(Math.round(distance / 60)));
    // aim a little above the middle: on a phone the crosshair panel covers the bottom of the map
    const dx = point.x - (box.x + box.width / 2);
    const dy = point.y - (box.y + box.height * 0.4);
    for (let i = 0; i < presses(dx); i++) await this.page.keyboard.press(dx > 0 ? 'ArrowRight' : 'ArrowLeft');
    for (let i = 0; i < presses(dy); i++) await this.page.keyboard.press(dy > 0 ? 'ArrowDown' : 'ArrowUp');
    await expect(this.map).not.toHaveClass(/leaflet-(zoom|pan)-anim/);
    await this.page.waitForTimeout(300);
  }

  private async labelInsideMap(label: Locator): Promise<boolean> {
    const [box, frame] = await Promise.all([label.boundingBox(), this.map.boundingBox()]);
    if (!box || !frame) return false;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // leave room at the bottom for the crosshair panel that covers the map while placing
    return x > frame.x + 20 && x < frame.x + frame.width - 20 && y > frame.y + 20 && y < frame.y + frame.height * 0.6;
  }

  /**
   * One zoom level in, around a point: pan it to the centre with the arrow keys (60 px a press), then "+".
   * The keyboard works the same on both projects; the wheel does not zoom in mobile emulation.
   */
  async zoomInAt(point: ScreenPoint): Promise<void> {
    // the distance between two neighbourhood labels doubles with each zoom level (paths are clipped to the view)
    const zoomOf = () =>
      this.map.evaluate((el) => {
        const [a, b] = Array.from(el.querySelectorAll('.area-label')).map((l) => l.getBoundingClientRect());
        return a && b ? Math.round(Math.hypot(a.left - b.left, a.top - b.top)) : 0;
      });
    const before = await zoomOf();
    await this.panToCentre(point);
    await this.page.keyboard.press('+');
    await expect.poll(zoomOf).toBeGreaterThan(before * 1.8);
    await expect(this.map).not.toHaveClass(/leaflet-(zoom|pan)-anim/);
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
    const where = this.form.locator('#pin-position');
    const wanted = `Placed in ${areaName}.`;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      // look afresh each time: a popup may have panned the map, and other tests add pins at the same time (live
      // events), so take any of the roomiest spots rather than always the same one
      const candidates = (await this.freePointsNear(areaName)).slice(0, 40);
      const point = candidates[Math.floor(Math.random() * candidates.length)]!;
      await this.pressAt(point);
      const placed = await expect(where)
        .toContainText(/Placed in |outside the neighbourhoods/, { timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      const text = (await where.textContent()) ?? '';
      if (placed && text.includes(wanted)) return;
      outcomes.push(placed ? text.slice(0, 60) : 'a marker took the tap');
      // a marker that arrived meanwhile took the tap and opened its popup: close it and try elsewhere
      if (await this.popup.count()) {
        // the popup can sit under the zoom buttons, so press its close button directly
        await this.popup.locator('.leaflet-popup-close-button').dispatchEvent('click');
        await expect(this.popup).toHaveCount(0);
      }
    }
    throw new Error(`could not tap inside ${areaName}; the taps gave: ${outcomes.join(' | ')}`);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save pin', exact: true }).click();
    await expect(this.form).toHaveCount(0);
    await this.waitUntilSent();
  }

  /** Against the server, waits until nothing is waiting to send (a pin's marker is re-made when the server names it). */
  async waitUntilSent(): Promise<void> {
    await expect(this.page.getByText(/changes? waiting to send/)).toHaveCount(0);
  }

  /** The whole pointer flow: Add a pin, fill the form, tap the map inside the area, save. */
  async addPinByPointer(pin: TestPin): Promise<void> {
    await this.startAdding();
    await this.placeInArea(pin.area);
    await this.fillForm(pin);
    await this.save();
    // exactly one: against the server a new pin is briefly there twice (the live event can beat the POST's answer)
    await expect(this.marker(pin)).toHaveCount(1);
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
