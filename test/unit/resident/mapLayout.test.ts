// the resident map's layout helpers: overlapping markers spread apart, labels kept off each other and off pins.
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../src/core/areas/placeLabels.ts';
import { mulberry32 } from '../../../src/core/mulberry32.ts';
import { spreadMarkers } from '../../../src/core/pins/spreadMarkers.ts';
import type { ScreenPoint } from '../../../src/core/pins/spreadMarkers.ts';

const spread = (points: ScreenPoint[], spacing = 44) => {
  const offsets = spreadMarkers(points, { spacing });
  return points.map((p) => ({ id: p.id, x: p.x + (offsets.get(p.id)?.dx ?? 0), y: p.y + (offsets.get(p.id)?.dy ?? 0) }));
};

describe('spreadMarkers', () => {
  it('leaves markers that overlap nothing where they are', () => {
    const offsets = spreadMarkers([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 100, y: 0 }], { spacing: 44 });
    expect(offsets.size).toBe(0);
  });

  it('puts a pile of markers on one spot at least one spacing apart, near the pile', () => {
    for (const n of [2, 3, 7, 30, 120]) {
      const pile = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, x: 500 + (i % 3), y: 300 }));
      const out = spread(pile);
      let nearest = Infinity;
      for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) nearest = Math.min(nearest, Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y));
      expect(nearest, `${n} markers`).toBeGreaterThanOrEqual(44);
      // sqrt growth: 120 markers fit within about 7 spacings of the pile, not a ring of 120
      const farthest = Math.max(...out.map((p) => Math.hypot(p.x - 501, p.y - 300)));
      expect(farthest).toBeLessThan(0.7 * 44 * Math.sqrt(n) + 2);
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const random = mulberry32(7);
    const points = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, x: random() * 300, y: random() * 300 }));
    const copy = structuredClone(points);
    expect(spreadMarkers(points, { spacing: 30 })).toEqual(spreadMarkers(copy, { spacing: 30 }));
    expect(points).toEqual(copy);
  });
});

describe('placeLabels', () => {
  it('keeps a label at its natural spot when nothing is in the way', () => {
    expect(placeLabels([{ id: 'a', x: 0, y: 0, width: 80, height: 16 }], []).get('a')).toEqual({ dx: 0, dy: 0 });
  });

  it('moves the second of two colliding labels clear of the first', () => {
    const labels = [
      { id: 'a', x: 0, y: 0, width: 80, height: 16 },
      { id: 'b', x: 10, y: 4, width: 80, height: 16 },
    ];
    const offsets = placeLabels(labels, []);
    expect(offsets.get('a')).toEqual({ dx: 0, dy: 0 });
    const b = offsets.get('b')!;
    const bRect = { top: 4 + b.dy - 8, bottom: 4 + b.dy + 8, left: 10 + b.dx - 40, right: 10 + b.dx + 40 };
    const apart = bRect.bottom <= -8 || bRect.top >= 8 || bRect.right <= -40 || bRect.left >= 40;
    expect(apart).toBe(true);
  });

  it('leaves out a label that runs into placed labels wherever it goes, and keeps it out of the way of the next', () => {
    // a with a label just clear of it on each side: b, on a's spot, has no free spot near it; d, after them, has
    const box = (id: string, x: number, y: number) => ({ id, x, y, width: 80, height: 16 });
    const ring = [box('a', 0, 0), box('n', 0, -26), box('s', 0, 26), box('e', 100, 0), box('w', -100, 0)];
    const offsets = placeLabels([...ring, box('b', 0, 0), box('d', 300, 0)], []);
    expect(offsets.get('b')).toEqual({ dx: 0, dy: 0, crowded: true });
    expect(offsets.get('d')).toEqual({ dx: 0, dy: 0 });
    expect(ring.filter((l) => offsets.get(l.id)?.crowded).map((l) => l.id)).toEqual([]);
  });

  it('steps aside only where canSit allows (its own area), else is left out', () => {
    const labels = [
      { id: 'a', x: 0, y: 0, width: 80, height: 16 },
      { id: 'b', x: 10, y: 4, width: 80, height: 16 },
    ];
    // b's area is only below the line y = 10: it may go down, not up or sideways
    const below = placeLabels(labels, [], { canSit: (label, _x, y) => label.id !== 'b' || y > 10 });
    expect(below.get('b')).toEqual({ dx: 0, dy: 26 });
    const nowhere = placeLabels(labels, [], { canSit: (label) => label.id !== 'b' });
    expect(nowhere.get('b')).toEqual({ dx: 0, dy: 0, crowded: true });
  });

  it('steps off a marker when a free spot is near', () => {
    const offsets = placeLabels([{ id: 'a', x: 0, y: 0, width: 60, height: 16 }], [{ x: 0, y: 0, radius: 20 }]);
    expect(offsets.get('a')).not.toEqual({ dx: 0, dy: 0 });
  });
});

describe('spreadMarkers across groups', () => {
  it('leaves no two markers of a crowded random map closer than the spacing', () => {
    const random = mulberry32(3);
    const points = Array.from({ length: 80 }, (_, i) => ({ id: `c${i}`, x: random() * 400, y: random() * 300 }));
    const out = spread(points);
    let nearest = Infinity;
    for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) nearest = Math.min(nearest, Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y));
    expect(nearest).toBeGreaterThanOrEqual(44);
  });
});
