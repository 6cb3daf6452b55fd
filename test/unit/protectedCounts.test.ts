// protected planner answers: no count from 1 to k-1 leaves, and no total beside the parts gives a hidden one away.
import { describe, expect, it } from 'vitest';
import type { CountArrays } from '../../src/core/countPins.ts';
import { weekRows } from '../../src/core/dashboardTables.ts';
import { overallPublished } from '../../src/core/layerValues.ts';
import { overallFromPublished, protectCountArrays, protectWeeks, publishMark, suppressPartition } from '../../src/core/protectedCounts.ts';
import { plannerResultFromJson, plannerResultToJson } from '../../src/core/plannerWire.ts';
import { protectPlannerResult } from '../../src/core/protectPlannerAnswer.ts';
import { isSuppressed, type PublishedCount } from '../../src/core/smallCounts.ts';

/** every value each hidden part could take, by brute force over 0..cap, given the shown parts and the known total */
function possibleValues(parts: readonly number[], published: readonly PublishedCount[], k: number, cap = 30): Set<number>[] {
  const hidden = published.map((p, i) => (isSuppressed(p) ? i : -1)).filter((i) => i >= 0);
  const total = parts.reduce((a, b) => a + b, 0);
  const seen = parts.map(() => new Set<number>());
  const walk = (j: number, chosen: number[]) => {
    if (j === hidden.length) {
      const shown = published.reduce<number>((s, p) => s + (isSuppressed(p) ? 0 : p), 0);
      if (shown + chosen.reduce((a, b) => a + b, 0) === total) hidden.forEach((i, n) => seen[i]!.add(chosen[n]!));
      return;
    }
    const p = published[hidden[j]!] as { lessThan?: number };
    const [lo, hi] = p.lessThan !== undefined ? [1, p.lessThan - 1] : [0, cap];
    for (let v = lo; v <= hi; v++) walk(j + 1, [...chosen, v]);
  };
  walk(0, []);
  return seen;
}

describe('suppressPartition', () => {
  it('hides a lone small part together with another, so the total does not give it away', () => {
    expect(suppressPartition([40, 3], 5)).toEqual([{ suppressed: true }, { suppressed: true, lessThan: 5 }]);
    expect(suppressPartition([40, 7, 0], 5)).toEqual([40, 7, 0]);
  });

  it('leaves every "fewer than k" at least two possible values, checked by brute force', () => {
    const cases: number[][] = [[1, 1, 20], [4, 4, 9], [1, 1], [2, 3, 4, 10], [1], [3, 0, 0, 12, 6], [4, 4]];
    for (const parts of cases) {
      const published = suppressPartition(parts, 5);
      const possible = possibleValues(parts, published, 5);
      published.forEach((p, i) => {
        if (typeof p === 'number') expect(p, `${parts}`).toBe(parts[i]);
        else if (p.lessThan !== undefined) expect(possible[i]!.size, `${parts} part ${i}`).toBeGreaterThanOrEqual(2);
        // a "fewer than k" is never shown as its number
        if (parts[i]! > 0 && parts[i]! < 5) expect(isSuppressed(p), `${parts} part ${i}`).toBe(true);
      });
    }
  });
});

describe('the figures for all areas', () => {
  const arrays = (total: number[], asset: number[], priority: number[]): CountArrays => ({
    nGroups: total.length - 1,
    themes: ['green'],
    total: Uint32Array.from(total),
    asset: Uint32Array.from(asset),
    priority: Uint32Array.from(priority),
    byTheme: Uint32Array.from(asset.flatMap((a, i) => [a, priority[i]!])),
  });

  it('are exact sums when nothing is hidden, and "at least" the shown sum once anything is', () => {
    expect(overallPublished(arrays([18, 7, 0], [12, 7, 0], [6, 0, 0]), 5).total).toBe(25);
    // east has 2: an exact 20 beside west's 18 would say so
    const overall = overallPublished(arrays([18, 2, 0], [12, 2, 0], [6, 0, 0]), 5);
    expect(overall.total).toEqual({ suppressed: true, atLeast: 18 });
    expect(overall.asset).toEqual({ suppressed: true, atLeast: 12 });
    // every priority is shown, so their sum is too: it follows from the shown figures alone
    expect(overall.priority).toBe(6);
    // nothing shown to add up: withheld, not "at least 0"
    expect(overallPublished(arrays([2, 3, 0], [2, 3, 0], [0, 0, 0]), 5).total).toEqual({ suppressed: true });
    // staff on screen (k = 1) see the raw sums
    expect(overallPublished(arrays([18, 2, 0], [12, 2, 0], [6, 0, 0]), 1).total).toBe(20);
  });

  it('of a protected answer come from its published figures, which hold no small count', () => {
    const sent = protectCountArrays(arrays([18, 2, 1], [12, 2, 1], [6, 0, 0]), 5);
    expect(Array.from(sent.total)).toEqual([18, 0, 0]);
    expect(overallFromPublished(sent.published!).total).toEqual({ suppressed: true, atLeast: 18 });
    expect(overallPublished(sent, 1).total).toEqual({ suppressed: true, atLeast: 18 });
  });
});

describe('weeks and clusters', () => {
  it('publishes week totals with a lone small week hidden beside another, on the server and in the browser alike', () => {
    const weeks = { firstWeek: Date.parse('2026-03-30T00:00:00Z'), asset: Uint32Array.from([10, 1]), priority: Uint32Array.from([9, 0]), undated: 0 };
    const expected = [{ suppressed: true }, { suppressed: true, lessThan: 5 }];
    expect(weekRows(weeks, 5).map((r) => r.total)).toEqual(expected);
    const sent = protectWeeks(weeks, 5);
    expect(Array.from(sent.asset)).toEqual([0, 0]);
    expect(weekRows(sent, 1).map((r) => r.total)).toEqual(expected);
    expect(weekRows(weeks, 1).map((r) => r.total)).toEqual([19, 1]);
  });

  it('protects a cluster mix against its count', () => {
    expect(publishMark(12, [10, 2], 5)).toEqual({ count: 12, mix: [{ suppressed: true }, { suppressed: true, lessThan: 5 }] });
    expect(publishMark(3, [3, 0], 5).count).toEqual({ suppressed: true, lessThan: 5 });
    expect(publishMark(12, [10, 2], 1)).toEqual({ count: 12, mix: [10, 2] });
  });

  it('sends a protected result over the wire and reads it back the same', () => {
    const areas = { nGroups: 1, themes: ['green'], total: Uint32Array.from([3, 0]), asset: Uint32Array.from([3, 0]), priority: Uint32Array.from([0, 0]), byTheme: Uint32Array.from([3, 0, 0, 0]) };
    const result = {
      areas,
      hexMetres: 500,
      hexes: areas,
      weeks: { firstWeek: Date.parse('2026-03-30T00:00:00Z'), asset: Uint32Array.from([3]), priority: Uint32Array.from([0]), undated: 0 },
      top: { asset: [], priority: [] },
      computeMs: 1,
    };
    const sent = protectPlannerResult(result, 5);
    const back = plannerResultFromJson(JSON.parse(JSON.stringify(plannerResultToJson(sent))));
    expect(back).toEqual(sent);
    expect(back.protection).toEqual({ minCount: 5 });
    expect(back.areas.published?.[0]?.total).toEqual({ suppressed: true, lessThan: 5 });
    expect(JSON.stringify(plannerResultToJson(sent))).not.toMatch(/"total":\[3/);
  });
});
