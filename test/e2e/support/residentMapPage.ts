// the resident map as a user sees it: locators by accessible name and the steps a resident takes, for both pointer and touch.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { KIND_LABELS } from './themes.ts';
import type { TestPin } from './themes.ts';
import { findFreePoints, findFreePointsInArea, mapAtRest, mapPanePosition } from './mapInPage.ts';
import type { ScreenPoint } from './mapInPage.ts';

/** the resident map of the server's first open consultation, e.g. '/c/millbrook-2026' ('/' without a consultation list) */
export async function openConsultationPath(page: Page, query = ''): Promise<string> {
  const res = await page.request.get('/api/consultations');
  const list = res.ok() ? ((await res.json()) as { consultations?: { slug: string; status: string }[] }).consultations : undefined;
  const open = list?.find((c) => c.status === 'open');
  return `${open ? `/c/${encodeURIComponent(open.slug)}` : '/'}${query}`;
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

  /**
   * Opens a consultation's resident map (by default the server's first open one: with several, / is the front page)
   * and waits until boundaries are drawn and the add button works.
   */
  async goto(path?: string): Promise<void> {
    await this.page.goto(path ?? (await openConsultationPath(this.page)));
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
   * under it is hit-tested in svg, since on a crowded phone map the free spots can be far from the label. Every
   * reading is taken with the map at rest, so the points are still right when they are tapped.
   */
  async freePointsNear(areaName: string): Promise<ScreenPoint[]> {
    await this.map.scrollIntoViewIfNeeded();
    // a popup's auto-pan or an earlier zoom may still be gliding
    await this.waitUntilMapAtRest();
    const label = this.page.locator('.leaflet-tooltip.area-label').filter({ hasText: new RegExp(`^${escapeRegExp(areaName)}$`) });
    let points: ScreenPoint[] = [];
    // an earlier zoom, or a popup's auto-pan, may have moved this neighbourhood to the edge or off screen
    if (!(await this.labelInsideMap(label))) {
      const box = await label.boundingBox();
      if (box) await this.panToCentre({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }
    for (let out = 0; out < 4 && !(await this.labelInsideMap(label)); out++) {
      await this.map.getByRole('button', { name: 'Zoom out' }).dispatchEvent('click');
      await this.waitUntilMapAtRest();
    }
    // a busy neighbourhood has few free spots on a phone: zoom in on it until there is room
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

  /**
   * Pans with the arrow keys until the point is within 30 px of the map's centre; leaves the map focused and at rest.
   * WARNING: leaflet ignores an arrow key while the pan of the one before is still gliding (a quarter of a second),
   * so a burst of presses moves the map by however many happen to land between glides: one when the machine is idle,
   * many under load. Each press here therefore waits for its pan to end and checks the map moved by exactly its step.
   */
  async panToCentre(point: ScreenPoint): Promise<void> {
    await this.waitUntilMapAtRest();
    await this.map.focus();
    await expect(this.map, 'the arrow keys pan the map only while it has focus').toBeFocused();
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    // aim a little above the middle: on a phone the crosshair panel covers the bottom of the map
    let dx = point.x - (box.x + box.width / 2);
    let dy = point.y - (box.y + box.height * 0.4);
    // shift+arrow pans three steps at once, for the long way; plain arrows finish within half a step
    const stepOf = (distance: number) => (Math.abs(distance) >= 150 ? 180 : 60);
    while (Math.abs(dx) >= 30) {
      const step = Math.sign(dx) * stepOf(dx);
      await this.panOneStep(`${Math.abs(step) > 60 ? 'Shift+' : ''}${step > 0 ? 'ArrowRight' : 'ArrowLeft'}`, { x: step, y: 0 });
      dx -= step;
    }
    while (Math.abs(dy) >= 30) {
      const step = Math.sign(dy) * stepOf(dy);
      await this.panOneStep(`${Math.abs(step) > 60 ? 'Shift+' : ''}${step > 0 ? 'ArrowDown' : 'ArrowUp'}`, { x: 0, y: step });
      dy -= step;
    }
  }

  /** One arrow key press, then the map at rest exactly that far along: content moves against the pan. */
  private async panOneStep(key: string, by: ScreenPoint): Promise<void> {
    const before = await this.map.evaluate(mapPanePosition);
    await this.page.keyboard.press(key);
    await expect
      .poll(() => this.map.evaluate(mapPanePosition), { message: `${key} pans the map by (${by.x}, ${by.y}) px` })
      .toEqual({ x: before.x - by.x, y: before.y - by.y });
    await this.waitUntilMapAtRest();
  }

  /**
   * Waits until leaflet runs no pan or zoom animation and nothing drawn on the map (panes, labels, boundaries,
   * markers, popup, crosshair panel) moves for two animation frames. A screen point read any earlier can be somewhere
   * else on the map by the time it is tapped.
   */
  async waitUntilMapAtRest(): Promise<void> {
    await this.map.evaluate(mapAtRest, 10_000);
  }

  private async labelInsideMap(label: Locator): Promise<boolean> {
    const [box, frame] = await Promise.all([label.boundingBox(), this.map.boundingBox()]);
    if (!box || !frame) return false;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // leave room at the top for the search box and map key, and at the bottom for the phone's sheet
    return x > frame.x + 20 && x < frame.x + frame.width - 20 && y > frame.y + 100 && y < frame.y + frame.height * 0.5;
  }

  /**
   * One zoom level in, around a point: pan it to the centre with the arrow keys, then "+".
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
    // 1.5, not 2: labels step aside from pins and from each other by a label's height or so
    await expect.poll(zoomOf).toBeGreaterThan(before * 1.5);
    await this.waitUntilMapAtRest();
  }

  /** A point on the map, away from every boundary: near the left edge, below the search box, after zooming right out. */
  async pointOutsideAreas(): Promise<ScreenPoint> {
    const zoomOut = this.map.getByRole('button', { name: 'Zoom out' });
    for (let i = 0; i < 3; i++) await this.press(zoomOut);
    await this.map.scrollIntoViewIfNeeded();
    await this.waitUntilMapAtRest();
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    const [point] = await this.map.evaluate(findFreePoints, { x: box.x + 24, y: box.y + box.height * 0.3, maxRadius: 20 });
    if (!point) throw new Error('no free spot at the left edge of the map');
    return point;
  }

  /** Places the draft pin with the pointer and checks the form names the right neighbourhood. */
  async placeInArea(areaName: string): Promise<void> {
    const where = this.form.locator('#pin-position');
    const wanted = `Placed in ${areaName}.`;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      // look afresh each time: a marker's popup may have panned the map; and take the next spot, not the same one
      const candidates = await this.freePointsNear(areaName);
      const point = candidates[attempt % candidates.length]!;
      await this.pressAt(point);
      const placed = await expect(where)
        .toContainText(/Placed in |outside the neighbourhoods/, { timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      const text = (await where.textContent()) ?? '';
      if (placed && text.includes(wanted)) return;
      const popupOpened = (await this.popup.count()) > 0;
      outcomes.push(placed ? text.slice(0, 60) : popupOpened ? 'a marker took the tap' : 'the tap placed nothing');
      // a marker took the tap after all and opened its popup: close it and try elsewhere
      if (popupOpened) {
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
    // a pin just saved gets its server id and a new marker element: scrolling the old one fails as "not attached",
    // so it is tried again on the marker the locator finds now (clicks retry that by themselves)
    await expect(async () => marker.scrollIntoViewIfNeeded({ timeout: 2000 })).toPass();
    // on a phone the sheet or the search box can lie over the marker: pan it into the part of the map that shows
    const covered = await marker.evaluate((el) => {
      const b = el.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return !hit || !el.contains(hit);
    });
    if (covered) {
      const box = (await marker.boundingBox())!;
      await this.panToCentre({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }
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

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
