import { describe, expect, it } from 'vitest';
import { dropToLngLat, rectContains } from '../../src/core/dropToLngLat.ts';
import type { Unproject } from '../../src/core/dropToLngLat.ts';
import { fitProjection } from '../../src/core/fitProjection.ts';
import { hitTestDrop } from '../../src/core/hitTestDrop.ts';
import { cardCentreNear, centreInside, sideRotation, turnedSize } from '../../src/core/sideRotation.ts';

// a fake projection: 1000 px per degree, the container's top-left corner at [-2.3, 53.5]
const fake: Unproject = ({ x, y }) => [-2.3 + x / 1000, 53.5 - y / 1000];
const container = { left: 0, top: 0, width: 1920, height: 1080 };

describe('dropToLngLat', () => {
  it('turns viewport pixels into [lng, lat] relative to the map container', () => {
    const [lng, lat] = dropToLngLat({ x: 960, y: 540 }, container, fake)!;
    expect(lng).toBeCloseTo(-1.34, 10);
    expect(lat).toBeCloseTo(52.96, 10);
    // a container that does not start at the page's corner: the offset is taken off first
    const shifted = dropToLngLat({ x: 1060, y: 590 }, { left: 100, top: 50, width: 1820, height: 1030 }, fake)!;
    expect(shifted[0]).toBeCloseTo(lng, 10);
    expect(shifted[1]).toBeCloseTo(lat, 10);
  });

  it('gives null outside the container or when the projection gives nonsense', () => {
    expect(dropToLngLat({ x: 2000, y: 10 }, container, fake)).toBeNull();
    expect(dropToLngLat({ x: Number.NaN, y: 10 }, container, fake)).toBeNull();
    expect(dropToLngLat({ x: 10, y: 10 }, container, () => [Number.NaN, 0])).toBeNull();
    expect(dropToLngLat({ x: 10, y: 10 }, container, () => [0, 91])).toBeNull();
  });

  it('wraps longitudes from a map panned round the world back into -180..180', () => {
    expect(dropToLngLat({ x: 0, y: 0 }, container, () => [190, 10])).toEqual([-170, 10]);
    expect(dropToLngLat({ x: 0, y: 0 }, container, () => [-540, 10])).toEqual([-180, 10]);
    expect(dropToLngLat({ x: 0, y: 0 }, container, () => [180, 10])).toEqual([180, 10]);
  });

  it('counts the container edges as inside', () => {
    expect(rectContains(container, { x: 1920, y: 1080 })).toBe(true);
    expect(rectContains(container, { x: 1920.5, y: 1080 })).toBe(false);
  });
});

describe('hitTestDrop', () => {
  const palettes = [
    { id: 'palette-top', rect: { left: 180, top: 0, width: 1560, height: 160 } },
    { id: 'palette-bottom', rect: { left: 180, top: 920, width: 1560, height: 160 } },
  ];
  it('finds palettes before the map they lie on, the map elsewhere, nothing outside', () => {
    expect(hitTestDrop({ x: 900, y: 100 }, container, palettes)).toEqual({ type: 'obstacle', id: 'palette-top' });
    expect(hitTestDrop({ x: 900, y: 1000 }, container, palettes)).toEqual({ type: 'obstacle', id: 'palette-bottom' });
    expect(hitTestDrop({ x: 900, y: 500 }, container, palettes)).toEqual({ type: 'map' });
    expect(hitTestDrop({ x: 100, y: 1000 }, container, palettes)).toEqual({ type: 'map' });
    expect(hitTestDrop({ x: -5, y: 500 }, container, palettes)).toEqual({ type: 'none' });
  });

  it('treats the strips at the short ends as obstacles too, and the map between them as the map', () => {
    // the side palettes' turned bounding boxes, as getBoundingClientRect gives them: between the long palettes
    const four = [
      ...palettes,
      { id: 'palette-left', rect: { left: 0, top: 184, width: 348, height: 712 } },
      { id: 'palette-right', rect: { left: 1572, top: 184, width: 348, height: 712 } },
    ];
    expect(hitTestDrop({ x: 200, y: 540 }, container, four)).toEqual({ type: 'obstacle', id: 'palette-left' });
    expect(hitTestDrop({ x: 1900, y: 300 }, container, four)).toEqual({ type: 'obstacle', id: 'palette-right' });
    expect(hitTestDrop({ x: 360, y: 540 }, container, four)).toEqual({ type: 'map' });
    // the corner left free between a side strip and a long palette is map
    expect(hitTestDrop({ x: 100, y: 170 }, container, four)).toEqual({ type: 'map' });
  });
});

describe('sideRotation and cardCentreNear', () => {
  it('turns content to face each side', () => {
    expect(['bottom', 'top', 'left', 'right'].map((s) => sideRotation(s as 'top'))).toEqual([0, 180, 90, -90]);
  });

  it('puts the card between the drop and the person, inside the screen', () => {
    const size = { width: 400, height: 200 };
    expect(cardCentreNear({ x: 960, y: 500 }, 'bottom', size, container, 40)).toEqual({ x: 960, y: 640 });
    expect(cardCentreNear({ x: 960, y: 500 }, 'top', size, container, 40)).toEqual({ x: 960, y: 360 });
    // near the top edge the card for the top side is pushed back on screen
    expect(cardCentreNear({ x: 960, y: 100 }, 'top', size, container, 40)).toEqual({ x: 960, y: 100 });
    // near a corner both axes are clamped
    expect(cardCentreNear({ x: 10, y: 1070 }, 'bottom', size, container, 40)).toEqual({ x: 200, y: 980 });
    // a card turned for the left side takes its height across: 200 wide, 400 tall on screen
    expect(cardCentreNear({ x: 960, y: 500 }, 'left', size, container, 40)).toEqual({ x: 820, y: 500 });
    // and the card for the right side goes to the right of the drop
    expect(cardCentreNear({ x: 960, y: 500 }, 'right', size, container, 40)).toEqual({ x: 1100, y: 500 });
    // near the ends, a turned card is kept on screen by its turned size: 100 px from the edge, 200 px from top and bottom
    expect(cardCentreNear({ x: 60, y: 20 }, 'left', size, container, 40)).toEqual({ x: 100, y: 200 });
    expect(cardCentreNear({ x: 1880, y: 1070 }, 'right', size, container, 40)).toEqual({ x: 1820, y: 880 });
  });

  it('swaps width and height for a quarter turn only', () => {
    const size = { width: 400, height: 160 };
    expect(turnedSize('bottom', size)).toEqual(size);
    expect(turnedSize('top', size)).toEqual(size);
    expect(turnedSize('left', size)).toEqual({ width: 160, height: 400 });
    expect(turnedSize('right', size)).toEqual({ width: 160, height: 400 });
    expect(size).toEqual({ width: 400, height: 160 });
  });

  it('keeps a turned toast inside the screen without moving one that fits', () => {
    const size = { width: 400, height: 160 };
    expect(centreInside({ x: 960, y: 540 }, 'left', size, container)).toEqual({ x: 960, y: 540 });
    expect(centreInside({ x: 10, y: 30 }, 'bottom', size, container)).toEqual({ x: 200, y: 80 });
    expect(centreInside({ x: 10, y: 30 }, 'left', size, container)).toEqual({ x: 80, y: 200 });
    expect(centreInside({ x: 1915, y: 1075 }, 'right', size, container)).toEqual({ x: 1840, y: 880 });
    // a box longer than the screen is tall is centred on it rather than pushed off one end
    expect(centreInside({ x: 960, y: 10 }, 'left', { width: 1200, height: 100 }, container)).toEqual({ x: 960, y: 540 });
  });
});

describe('fitProjection', () => {
  it('centres the bbox and keeps proportions', () => {
    const { project } = fitProjection([-1, -1, 1, 1], 400, 200, 0);
    const a = project([-1, 0]);
    const b = project([1, 0]);
    expect(a.y).toBeCloseTo(100, 6);
    // the height limits the scale here (200 px for 2° of latitude in mercator units), the width follows from it
    const spanX = (2 * Math.PI) / 180;
    const spanY = 2 * Math.log(Math.tan(Math.PI / 4 + Math.PI / 360));
    expect(b.x - a.x).toBeCloseTo((200 * spanX) / spanY, 6);
    expect((a.x + b.x) / 2).toBeCloseTo(200, 6);
    expect(project([0, 1]).y).toBeLessThan(project([0, -1]).y);
  });
  it('refuses sizes that leave no room', () => {
    expect(() => fitProjection([0, 0, 1, 1], 20, 20, 16)).toThrow(/no room/);
  });
});
