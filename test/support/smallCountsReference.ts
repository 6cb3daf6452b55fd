// small-count suppression written out plainly from its rule (src/core/smallCounts.ts's doc), for the Turf reference.
// WARNING: deliberately its own code: the reference must not inherit a bug in the implementation it checks.
import type { PinCounts } from '../../src/core/countPins.ts';
import type { PublishedCount, PublishedCounts } from '../../src/core/smallCounts.ts';

interface Cell { value: number; hidden: boolean }

/**
 * One count alone: 1..k-1 is published as "fewer than k".
 * @example
 * referencePublishOne(2, 5) // => { suppressed: true, lessThan: 5 }
 */
export function referencePublishOne(n: number, k: number): PublishedCount {
  return n >= 1 && n <= k - 1 ? { suppressed: true, lessThan: k } : n;
}

/**
 * The rule: every count from 1 to k-1 is hidden. Then, for each of the three sums (total = asset + priority,
 * asset = the themes' assets, priority = the themes' priorities), taken in that order and repeated until nothing
 * changes: when exactly one of the sum and its parts is hidden, hide one more: the smallest visible non-zero part
 * (the first such in theme order on a tie), else the sum if it is visible, else the first visible part.
 * A hidden count from 1 to k-1 reads "fewer than k", any other hidden count just "withheld".
 * @example
 * referencePublish({ total: 12, asset: 10, priority: 2, byTheme: { green: { asset: 10, priority: 2 } } }, 5).asset // => { suppressed: true }
 */
export function referencePublish(c: PinCounts, k: number): PublishedCounts {
  const cell = (value: number): Cell => ({ value, hidden: value >= 1 && value <= k - 1 });
  const total = cell(c.total);
  const asset = cell(c.asset);
  const priority = cell(c.priority);
  const themes = Object.keys(c.byTheme);
  const themeAsset = themes.map((t) => cell(c.byTheme[t]!.asset));
  const themePriority = themes.map((t) => cell(c.byTheme[t]!.priority));
  const sums: Array<[Cell, Cell[]]> = [
    [total, [asset, priority]],
    [asset, themeAsset],
    [priority, themePriority],
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const [sum, parts] of sums) {
      const hiddenCount = [sum, ...parts].filter((x) => x.hidden).length;
      if (hiddenCount !== 1) continue;
      let choice: Cell | undefined;
      for (const part of parts) {
        if (!part.hidden && part.value > 0 && (choice === undefined || part.value < choice.value)) choice = part;
      }
      if (choice === undefined && !sum.hidden) choice = sum;
      if (choice === undefined) choice = parts.find((part) => !part.hidden);
      if (choice === undefined) continue;
      choice.hidden = true;
      changed = true;
    }
  }
  const out = (x: Cell): PublishedCount => {
    if (!x.hidden) return x.value;
    return x.value >= 1 && x.value <= k - 1 ? { suppressed: true, lessThan: k } : { suppressed: true };
  };
  const byTheme: PublishedCounts['byTheme'] = {};
  themes.forEach((t, i) => (byTheme[t] = { asset: out(themeAsset[i]!), priority: out(themePriority[i]!) }));
  return { total: out(total), asset: out(asset), priority: out(priority), byTheme };
}
