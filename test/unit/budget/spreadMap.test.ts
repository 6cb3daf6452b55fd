// the results map's fill classes and legend, worked out by hand; withheld shares stay withheld, and the input is kept.
import { describe, expect, it } from 'vitest';
import type { PublishedAreaSpread, PublishedSpread } from '../../../src/core/budget/protectSpread.ts';
import { SPREAD_CLASS_COUNT, SPREAD_FILLS, spreadMapFigures } from '../../../src/core/budget/spreadMap.ts';

const area = (id: string, funded: number, extra: Partial<PublishedAreaSpread> = {}): PublishedAreaSpread =>
  ({ id, name: `Area ${id}`, funded, projects: funded > 0 ? [`p-${id}`] : [], population: null, perResident: null, voters: 0, share: null, ...extra });
const spread = (areas: PublishedAreaSpread[], unplaced: string[] = []): PublishedSpread => ({ areas, unplaced: { funded: unplaced.length * 10, projects: unplaced }, voters: 10, share: 0.5 });

describe('spreadMapFigures', () => {
  it('puts nothing funded in class 0 and the rest in four equal steps of the largest area', () => {
    // max 800: steps of 200. 800 → 4, 600 → 3, 201 → 2, 200 → 1, 1 → 1, 0 → 0
    const figures = spreadMapFigures(spread([area('a', 800), area('b', 600), area('c', 201), area('d', 200), area('e', 1), area('f', 0)]), 'funded');
    expect(figures.areas.map((a) => [a.id, a.value, a.fillClass])).toEqual([['a', 800, 4], ['b', 600, 3], ['c', 201, 2], ['d', 200, 1], ['e', 1, 1], ['f', 0, 0]]);
    expect(figures.legend).toEqual([
      { fillClass: 0, from: 0, to: 0 },
      { fillClass: 1, from: 0, to: 200 },
      { fillClass: 2, from: 200, to: 400 },
      { fillClass: 3, from: 400, to: 600 },
      { fillClass: 4, from: 600, to: 800 },
    ]);
    expect(SPREAD_FILLS).toHaveLength(SPREAD_CLASS_COUNT);
  });

  it('with nothing funded anywhere, has every area in class 0 and only that class in the legend', () => {
    const figures = spreadMapFigures(spread([area('a', 0), area('b', 0)]), 'funded');
    expect(figures.areas.map((a) => a.fillClass)).toEqual([0, 0]);
    expect(figures.legend).toEqual([{ fillClass: 0, from: 0, to: 0 }]);
    expect(figures.funded).toEqual([]);
  });

  it('per resident, leaves an area without a population unclassed and classes the others by their own largest', () => {
    const figures = spreadMapFigures(spread([area('a', 900, { population: 300, perResident: 3 }), area('b', 900), area('c', 300, { population: 400, perResident: 0.75 })]), 'perResident');
    // max 3: steps of 0.75. 3 → 4, 0.75 → 1; b has no population
    expect(figures.areas.map((a) => [a.id, a.value, a.fillClass])).toEqual([['a', 3, 4], ['b', null, null], ['c', 0.75, 1]]);
    expect(figures.legend.at(-1)).toEqual({ fillClass: 4, from: 2.25, to: 3 });
  });

  it('keeps a withheld share withheld, a known share as it is and no voters as null', () => {
    const figures = spreadMapFigures(spread([area('a', 5, { voters: { suppressed: true }, share: { suppressed: true } }), area('b', 5, { voters: 6, share: 0.5 }), area('c', 5)]), 'funded');
    expect(figures.areas.map((a) => a.share)).toEqual(['withheld', 0.5, null]);
  });

  it('lists every funded project once, in areas and unplaced, and does not change its input', () => {
    const input = spread([area('a', 5, { projects: ['x', 'y'] }), area('b', 5, { projects: ['y'] })], ['z']);
    const before = structuredClone(input);
    const figures = spreadMapFigures(input, 'funded');
    expect(figures.funded).toEqual(['x', 'y', 'z']);
    figures.areas[0]!.projects.push('changed');
    expect(input).toEqual(before);
  });
});
