// @vitest-environment jsdom
// the results map's part without leaflet: the slot gets each area's fill class for the chosen rule and measure, the
// funded projects as markers, and the key lists the ranges, a missing population and a withheld share in words.
import '../../../src/i18n/i18n.ts';
import '../../../src/ui/budget/budgetEnglish.ts';
import '../../../src/ui/budget/budgetGameEnglish.ts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishedAreaSpread, ResultsSpread } from '../../../src/core/budget/protectSpread.ts';
import type { BudgetView } from '../../../src/core/budget/budgetWire.ts';
import type { AreaCollection } from '../../../src/core/types.ts';
import type { BudgetApi } from '../../../src/persistence/budget/budgetApi.ts';
import { BudgetSpreadMapPart } from '../../../src/ui/budget/BudgetSpreadMapPart.tsx';
import type { SpreadMapSlotProps } from '../../../src/ui/budget/BudgetSpreadMapPart.tsx';

afterEach(cleanup);

const square = (id: string, x: number) => ({ type: 'Feature' as const, id, properties: { id, name: `Area ${id}` }, geometry: { type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
const areas = { type: 'FeatureCollection', features: [square('n', 0), square('s', 2)] } as unknown as AreaCollection;
const area = (id: string, funded: number, extra: Partial<PublishedAreaSpread> = {}): PublishedAreaSpread =>
  ({ id, name: `Area ${id}`, funded, projects: funded > 0 ? [`p-${id}`] : [], population: null, perResident: null, voters: 0, share: null, ...extra });
const project = (id: string, x: number) => ({ id, title: `Project ${id}`, description: '', cost: 100, theme: null, location: { point: [x, 0.5] as [number, number] }, pinIds: [] });

// greedy funds the north (800, 400 residents); Equal Shares the south (300, no population); north's share is withheld
const spread: ResultsSpread = {
  greedy: { areas: [area('n', 800, { population: 400, perResident: 2, voters: { suppressed: true }, share: { suppressed: true } }), area('s', 0)], unplaced: { funded: 0, projects: [] }, voters: 9, share: 0.5 },
  equalShares: { areas: [area('n', 0, { population: 400, perResident: 0 }), area('s', 300)], unplaced: { funded: 0, projects: [] }, voters: 9, share: 0.5 },
  minCount: 5,
  populationProperty: 'pop',
};
const api = {
  getCatalog: async () => ({ areas, themes: [] }),
  getBudget: async () => ({ currency: 'GBP', projects: [project('p-n', 0.5), project('p-s', 2.5)] }) as unknown as BudgetView,
} as unknown as BudgetApi;

function renderPart() {
  const drawn: SpreadMapSlotProps[] = [];
  render(<BudgetSpreadMapPart spread={spread} currency="GBP" officialRule="greedy" api={api} spreadMap={(props) => { drawn.push(props); return <p>map {props.drawKey}</p>; }} />);
  return drawn;
}

describe('BudgetSpreadMapPart', () => {
  it('draws the official rule first, with its fill classes, its funded project and the withheld share', async () => {
    const drawn = renderPart();
    await screen.findByText('map greedy-funded');
    const last = drawn.at(-1)!;
    expect(last.figures.map((a) => [a.id, a.fillClass, a.share])).toEqual([['n', 4, 'withheld'], ['s', 0, null]]);
    expect(last.markers.map((m) => m.id)).toEqual(['p-n']);
    expect(last.describe(last.figures[0]!)).toEqual(['Area n', 'Funded: £800', 'Per resident: £2.00', 'Voters with a funded project: hidden']);
    expect(screen.getByTestId('spread-legend').textContent).toContain('£600 to £800');
    expect(screen.getByTestId('spread-legend-withheld').textContent).toBe('Dashed edge: the share of voters is hidden (small group)');
  });

  it('switches to the other rule and to money per resident, leaving an area without population unclassed', async () => {
    const drawn = renderPart();
    await screen.findByText('map greedy-funded');
    fireEvent.click(screen.getByRole('radio', { name: 'Method of Equal Shares' }));
    await waitFor(() => expect(drawn.at(-1)!.drawKey).toBe('equal-shares-funded'));
    expect(drawn.at(-1)!.figures.map((a) => a.fillClass)).toEqual([0, 4]);
    expect(drawn.at(-1)!.markers.map((m) => m.id)).toEqual(['p-s']);
    expect(screen.queryByTestId('spread-legend-withheld')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Money per resident' }));
    await waitFor(() => expect(drawn.at(-1)!.drawKey).toBe('equal-shares-perResident'));
    expect(drawn.at(-1)!.figures.map((a) => [a.id, a.value, a.fillClass])).toEqual([['n', 0, 0], ['s', null, null]]);
    expect(screen.getByTestId('spread-legend').textContent).toContain('No population given');
  });
});
