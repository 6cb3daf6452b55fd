// where each neighbourhood label goes on screen so labels do not run into each other or sit on top of pins.

export interface LabelBox {
  id: string;
  /** the label's centre in pixels, at its natural spot (a point on the area's surface) */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** something a label should keep clear of: a marker, as a centre and a radius in pixels */
export interface Obstacle {
  x: number;
  y: number;
  radius: number;
}

export interface LabelOffset {
  dx: number;
  dy: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rectOf = (label: LabelBox, offset: LabelOffset): Rect => ({
  left: label.x + offset.dx - label.width / 2,
  right: label.x + offset.dx + label.width / 2,
  top: label.y + offset.dy - label.height / 2,
  bottom: label.y + offset.dy + label.height / 2,
});

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function hitsObstacle(rect: Rect, o: Obstacle): boolean {
  const nearestX = Math.max(rect.left, Math.min(o.x, rect.right));
  const nearestY = Math.max(rect.top, Math.min(o.y, rect.bottom));
  return Math.hypot(nearestX - o.x, nearestY - o.y) < o.radius;
}

/**
 * Chooses, for each label in turn (put the most important first), the spot among its natural place and a few nearby
 * ones (above, below, either side, further out) that runs into the fewest labels already placed and, after that, the
 * fewest markers. Never mutates its input.
 * @example
 * placeLabels([{ id: 'a', x: 0, y: 0, width: 80, height: 16 }, { id: 'b', x: 10, y: 0, width: 80, height: 16 }], [])
 * // => Map { 'a' => { dx: 0, dy: 0 }, 'b' => { dx: 0, dy: -20 } }
 */
export function placeLabels(labels: readonly LabelBox[], obstacles: readonly Obstacle[], options: { gap?: number } = {}): Map<string, LabelOffset> {
  const gap = options.gap ?? 4;
  const placed: Rect[] = [];
  const result = new Map<string, LabelOffset>();
  for (const label of labels) {
    const up = label.height + gap;
    const side = label.width / 2 + gap + 12;
    const candidates: LabelOffset[] = [
      { dx: 0, dy: 0 },
      { dx: 0, dy: -up },
      { dx: 0, dy: up },
      { dx: side, dy: 0 },
      { dx: -side, dy: 0 },
      { dx: 0, dy: -2 * up },
      { dx: 0, dy: 2 * up },
      { dx: side, dy: -up },
      { dx: -side, dy: up },
    ];
    let best = candidates[0]!;
    let bestScore = Infinity;
    for (const candidate of candidates) {
      const rect = rectOf(label, candidate);
      const labelHits = placed.filter((other) => overlaps(rect, other)).length;
      const markerHits = obstacles.filter((o) => hitsObstacle(rect, o)).length;
      // a label on another label is unreadable; one on a pin hides it: both count, labels far more
      const score = labelHits * 1000 + markerHits;
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
      if (score === 0) break;
    }
    placed.push(rectOf(label, best));
    result.set(label.id, best);
  }
  return result;
}
