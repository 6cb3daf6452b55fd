import { describe, expect, it } from 'vitest';
import { groupAnsweredPins, mostSupported, overallTotals, themeTotals } from '../../../src/core/results/resultsSummary.ts';
import type { PublishedCounts } from '../../../src/core/smallCounts.ts';

const hidden = { suppressed: true as const, lessThan: 5 };

describe('groupAnsweredPins', () => {
  it('groups answered pins by status in the order an idea moves, newest first, leaving unanswered pins out', () => {
    const groups = groupAnsweredPins([
      { id: 'a', title: 'Bench', response: { status: 'done', text: 'Fitted', at: '2026-05-01T00:00:00Z' } },
      { id: 'b', title: 'Trees', response: { status: 'planned', text: 'Next spring', at: '2026-04-01T00:00:00Z' } },
      { id: 'c', title: 'Lights' },
      { id: 'd', title: 'Bins', response: { status: 'done', text: 'Emptied weekly', at: '2026-06-01T00:00:00Z' } },
    ]);
    expect(groups.map((g) => g.status)).toEqual(['planned', 'done']);
    expect(groups[1]!.pins.map((p) => p.id)).toEqual(['d', 'a']);
    expect(groups[1]!.pins[0]).toEqual({ id: 'd', title: 'Bins', text: 'Emptied weekly', at: '2026-06-01T00:00:00Z' });
  });

  it('keeps an answer text as it is, markup and all', () => {
    const xss = '<img src=x onerror=alert(1)>';
    expect(groupAnsweredPins([{ id: 'x', title: xss, response: { status: 'received', text: xss, at: '2026-01-01T00:00:00Z' } }])[0]!.pins[0]!.text).toBe(xss);
  });
});

describe('themeTotals and overallTotals', () => {
  const areas: PublishedCounts[] = [
    { total: 9, asset: 6, priority: 0, byTheme: { green: { asset: 6, priority: 0 }, roads: { asset: 0, priority: 0 } } },
    { total: hidden, asset: hidden, priority: 0, byTheme: { green: { asset: hidden, priority: 0 }, roads: { asset: 0, priority: 0 } } },
    { total: 7, asset: 0, priority: 7, byTheme: { green: { asset: 0, priority: 0 }, roads: { asset: 0, priority: 7 } } },
  ];

  it('adds the shown figures and keeps a hidden one hidden, as "at least" the shown sum', () => {
    expect(themeTotals(areas)).toEqual([
      { theme: 'green', asset: { suppressed: true, atLeast: 6 }, priority: 0 },
      { theme: 'roads', asset: 0, priority: 7 },
    ]);
    expect(overallTotals(areas).total).toEqual({ suppressed: true, atLeast: 16 });
  });

  it('gives exact totals when nothing is hidden', () => {
    expect(overallTotals([areas[0]!, areas[2]!]).total).toBe(16);
  });
});

describe('mostSupported', () => {
  it('keeps supported pins only, most first, at most n', () => {
    const pins = [
      { title: 'A', theme: 'g', supports: 0 },
      { title: 'B', theme: 'g', supports: 3 },
      { title: 'C', theme: 'g', supports: 8 },
      { title: 'D', theme: 'g', supports: 3 },
    ];
    expect(mostSupported(pins, 2).map((p) => p.title)).toEqual(['C', 'B']);
  });
});
