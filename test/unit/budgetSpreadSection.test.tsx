// @vitest-environment jsdom
// "where the money goes" on the results page: both rules side by side, withheld figures one short word each with the
// reason said once, and no "withheld" note where nothing is (staff, or a share with no voters).
import '../../src/i18n/i18n.ts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishedSpread, ResultsSpread } from '../../src/core/budget/protectSpread.ts';
import { BudgetSpreadSection } from '../../src/ui/budget/BudgetSpreadSection.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const area = (id: string, funded: number, voters: PublishedSpread['areas'][number]['voters'], share: PublishedSpread['share']) =>
  ({ id, name: id.toUpperCase(), funded, projects: [], population: 1000, perResident: funded / 1000, voters, share });

function serve(spread: ResultsSpread) {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ spread }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('BudgetSpreadSection', () => {
  it('shows money per area and per resident for both rules, and says once why figures are hidden', async () => {
    const greedy: PublishedSpread = { areas: [area('north', 1200, { suppressed: true }, { suppressed: true }), area('south', 300, 10, 0.5)], unplaced: { funded: 500, projects: ['c'] }, voters: 17, share: 11 / 17 };
    const equalShares: PublishedSpread = { ...greedy, areas: [area('north', 900, { suppressed: true }, { suppressed: true }), area('south', 600, 10, 0.6)], share: { suppressed: true } };
    const fetch = serve({ greedy, equalShares, minCount: 5, populationProperty: 'pop' });
    render(<BudgetSpreadSection slug="plan" currency="GBP" />);
    const table = await screen.findByRole('table');
    expect(fetch).toHaveBeenCalledWith('/api/consultations/plan/budget/results', expect.anything());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['NORTH', '£1,200', '£1.20', 'hidden', '£900', '£0.90', 'hidden'],
      ['SOUTH', '£300', '£0.30', '50%', '£600', '£0.60', '60%'],
      ['Not in one area (city-wide)', '£500', '–', '–', '£500', '–', '–'],
    ]);
    expect(screen.getAllByText(/is withheld to protect them/)).toHaveLength(1);
    expect(screen.getByText(/fewer than 5 voters/)).toBeTruthy();
    expect(screen.getByTestId('spread-share-greedy').textContent).toBe('Greedy by votes: 65% of voters have at least one funded project they voted for.');
    expect(screen.getByTestId('spread-share-equalShares').textContent).toContain('hidden');
  });

  it('for staff with no voter areas and no population: money only, no "hidden" note, and says what is missing', async () => {
    const spread: PublishedSpread = { areas: [area('north', 1200, 0, null)], unplaced: { funded: 0, projects: [] }, voters: 3, share: 1 };
    serve({ greedy: spread, equalShares: spread, minCount: null, populationProperty: null });
    render(<BudgetSpreadSection slug="plan" currency="GBP" />);
    const table = await screen.findByRole('table');
    expect([...table.querySelectorAll('tbody tr')][0]!.textContent).toBe('NORTH£1,200£1,200');
    expect(screen.queryByText(/is withheld to protect them/)).toBeNull();
    expect(screen.getByText(/needs the areas’ population/)).toBeTruthy();
    expect(screen.getByText(/neighbourhoods are not known/)).toBeTruthy();
  });
});
