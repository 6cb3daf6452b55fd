// @vitest-environment jsdom
// the table's budget game without fingers: a keyboard (or assistive technology) press on a side's slot places or takes
// back that side's token, an over-spend is refused in words in that side's tray, and the pots keep count.
import '../../src/i18n/i18n.ts';
import '../../src/ui/budget/budgetGameEnglish.ts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetGame } from '../../src/ui/table/budgetGame/BudgetGame.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const view = {
  budget: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, votingOpen: true, resultsPublic: false, ballot: null,
  projects: [{ id: 'a', title: 'Benches', cost: 60, description: '', theme: null, location: null, pinIds: [] }, { id: 'b', title: 'Trees', cost: 50, description: '', theme: null, location: null, pinIds: [] }],
};

describe('BudgetGame', () => {
  it('places and takes back tokens from the keyboard, and refuses an over-spend in the side\u2019s own tray', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(view), { status: 200, headers: { 'content-type': 'application/json' } })));
    render(<BudgetGame slug="plan" sessionId="s1" />);
    await screen.findByTestId('game-card-a');
    expect(screen.getByTestId('game-pot-left').textContent).toBe('£100 left of £100');
    // fireEvent.click has detail 0, as a keyboard press does
    fireEvent.click(screen.getByTestId('game-slot-a-left'));
    expect(screen.getByTestId('game-pot-left').textContent).toBe('£40 left of £100');
    expect(screen.getByTestId('game-note-left').textContent).toBe('Token on “Benches”.');
    expect(screen.getByTestId('game-total-a').textContent).toBe('£60 from the table');
    fireEvent.click(screen.getByTestId('game-slot-b-left'));
    expect(screen.getByTestId('game-note-left').textContent).toBe('Not enough left: this costs £50, your side has £40.');
    expect(screen.getByTestId('game-pot-left').textContent).toBe('£40 left of £100');
    // the other sides are untouched by left's spending
    expect(screen.getByTestId('game-pot-right').textContent).toBe('£100 left of £100');
    expect(screen.getByTestId('game-note-right').textContent).toBe('');
    fireEvent.click(screen.getByTestId('game-slot-a-left'));
    expect(screen.getByTestId('game-pot-left').textContent).toBe('£100 left of £100');
    expect(screen.getByTestId('game-note-left').textContent).toBe('Token back from “Benches”.');
  });

  it('says so when the consultation has no budget', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'budget-not-found', message: 'none' } }), { status: 404, headers: { 'content-type': 'application/json' } })));
    render(<BudgetGame slug="plan" sessionId="s1" />);
    // the status says "loading" first: wait for the answer, not for the first status
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This consultation has no community budget to play with.'));
  });
});
