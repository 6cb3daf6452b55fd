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
  /** true when every nearby spot runs into a label placed before it: the map leaves it out until there is room */
  crowded?: true;
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

/** two labels closer than `gap` read as one ("Birch Hill" just above "Hollins Park" reads "Birch Hill Hollins Park") */
const tooClose = (a: Rect, b: Rect, gap: number) => overlaps({ left: a.left - gap, right: a.right + gap, top: a.top - gap, bottom: a.bottom + gap }, b);

function hitsObstacle(rect: Rect, o: Obstacle): boolean {
  const nearestX = Math.max(rect.left, Math.min(o.x, rect.right));
  const nearestY = Math.max(rect.top, Math.min(o.y, rect.bottom));
  return Math.hypot(nearestX - o.x, nearestY - o.y) < o.radius;
}

/**
 * Chooses, for each label in turn (put the most important first), the spot among its natural place and the four next
 * to it (above, below, either side; only where `canSit` allows) that runs into the fewest labels already placed and,
 * after that, the
 * fewest markers. A label with no spot clear of the labels before it is marked `crowded` (as maps drop names that do
 * not fit at a zoom) and kept out of the way of the ones after it. Never mutates its input.
 * @example
 * placeLabels([{ id: 'a', x: 0, y: 0, width: 80, height: 16 }, { id: 'b', x: 10, y: 0, width: 80, height: 16 }], [])
 * // => Map { 'a' => { dx: 0, dy: 0 }, 'b' => { dx: 0, dy: -20 } }
 */
export function placeLabels(
  labels: readonly LabelBox[],
  obstacles: readonly Obstacle[],
  options: {
    gap?: number;
    /** whether a label may be centred at (x, y), e.g. still inside its own area; its natural spot always may */
    canSit?: (label: LabelBox, x: number, y: number) => boolean;
  } = {},
): Map<string, LabelOffset> {
  const gap = options.gap ?? 10;
  const placed: Rect[] = [];
  const result = new Map<string, LabelOffset>();
  for (const label of labels) {
    const up = label.height + gap;
    const side = label.width / 2 + gap + 12;
    // close by only: a name moved further than about its own size reads as naming the wrong area
    const candidates: LabelOffset[] = [
      { dx: 0, dy: 0 },
      { dx: 0, dy: -up },
      { dx: 0, dy: up },
      { dx: side, dy: 0 },
      { dx: -side, dy: 0 },
    ];
    let best = candidates[0]!;
    let bestScore = Infinity;
    for (const candidate of candidates) {
      if (candidate !== candidates[0] && options.canSit && !options.canSit(label, label.x + candidate.dx, label.y + candidate.dy)) continue;
      const rect = rectOf(label, candidate);
      const labelHits = placed.filter((other) => tooClose(rect, other, gap)).length;
      const markerHits = obstacles.filter((o) => hitsObstacle(rect, o)).length;
      // a label on another label is unreadable; one on a pin hides it: both count, labels far more
      const score = labelHits * 1000 + markerHits;
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
      if (score === 0) break;
    }
    if (bestScore >= 1000) {
      // on another label wherever it goes: left out, at its natural spot, and not in the way of the labels after it
      result.set(label.id, { dx: 0, dy: 0, crowded: true });
      continue;
    }
    placed.push(rectOf(label, best));
    result.set(label.id, best);
  }
  return result;
}
