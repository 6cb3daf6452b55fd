// small-count suppression written out plainly from its rule (src/core/smallCounts.ts's doc), for the Turf reference.
// WARNING: deliberately its own code: the reference must not inherit a bug in the implementation it checks.
import type { PinCounts } from '../../src/core/countPins.ts';
import type { PublishedCount, PublishedCounts } from '../../src/core/smallCounts.ts';
import { recoverableSmallCounts } from './smallCountChecker.ts';

interface Cell { value: number; hidden: boolean; small: boolean }

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
 * Then, while some "fewer than k" could be worked out exactly from the figures (found by brute force), hide the
 * same choice next to it (in the first of the sums it belongs to that has one), or where there is none publish it
 * as withheld, and apply the first rule again.
 * A hidden count from 1 to k-1 reads "fewer than k" (unless so changed), any other hidden count just "withheld".
 * @example
 * referencePublish({ total: 12, asset: 10, priority: 2, byTheme: { green: { asset: 10, priority: 2 } } }, 5).asset // => { suppressed: true }
 */
export function referencePublish(c: PinCounts, k: number): PublishedCounts {
  const cell = (value: number): Cell => ({ value, hidden: value >= 1 && value <= k - 1, small: value >= 1 && value <= k - 1 });
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
  const choose = (sum: Cell, parts: Cell[]): Cell | undefined => {
    let choice: Cell | undefined;
    for (const part of parts) {
      if (!part.hidden && part.value > 0 && (choice === undefined || part.value < choice.value)) choice = part;
    }
    if (choice === undefined && !sum.hidden) choice = sum;
    if (choice === undefined) choice = parts.find((part) => !part.hidden);
    return choice;
  };
  const out = (x: Cell): PublishedCount => {
    if (!x.hidden) return x.value;
    return x.small ? { suppressed: true, lessThan: k } : { suppressed: true };
  };
  const published = (): PublishedCounts => {
    const byTheme: PublishedCounts['byTheme'] = {};
    themes.forEach((t, i) => (byTheme[t] = { asset: out(themeAsset[i]!), priority: out(themePriority[i]!) }));
    return { total: out(total), asset: out(asset), priority: out(priority), byTheme };
  };
  // cells in the order the brute-force checker names them
  const named = new Map<string, Cell>([['total', total], ['asset', asset], ['priority', priority]]);
  themes.forEach((t, i) => named.set(`${t}.asset`, themeAsset[i]!).set(`${t}.priority`, themePriority[i]!));
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const [sum, parts] of sums) {
        if ([sum, ...parts].filter((x) => x.hidden).length !== 1) continue;
        const choice = choose(sum, parts);
        if (choice === undefined) continue;
        choice.hidden = true;
        changed = true;
      }
    }
    // then, while the brute-force attacker can pin a "fewer than k" down to one value, hide one more cell next to it
    const exposure = recoverableSmallCounts({ k, groups: [published()] }, 2 * c.total + 2 * k)[0];
    if (!exposure) break;
    const exposed = named.get(exposure.cell)!;
    const around = sums.filter(([sum, parts]) => sum === exposed || parts.includes(exposed));
    const choice = around.map(([sum, parts]) => choose(sum, parts)).find((x) => x !== undefined);
    if (choice) choice.hidden = true;
    else exposed.small = false;
  }
  return published();
}
