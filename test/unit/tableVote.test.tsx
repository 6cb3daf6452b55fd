// @vitest-environment jsdom
// formal voting at the table without fingers: the code goes with the ballot (not the device token), an over-spend
// cannot be chosen, a refusal of the ballot stays on the ballot in words, a refusal of the code goes back to the code
// with the choice kept, and after the thank-you the next voter finds no code and no choice.
import '../../src/i18n/i18n.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import type { TableStore } from '../../src/store/tableStore.ts';
import { TableStoreProvider } from '../../src/ui/table/TableStoreContext.tsx';
import { TableVoteLayer } from '../../src/ui/table/vote/TableVoteLayer.tsx';
import { useTableVoteFlag } from '../../src/store/tableVoteStore.ts';
import { ConsultationProvider } from '../../src/store/useConsultation.ts';
import type { Consultation } from '../../src/persistence/staffApi.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useTableVoteFlag.getState().votingClosed();
});

const view = {
  budget: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: 2, maxProjects: null, intro: '', votingOpen: true, resultsPublic: false, ballot: null,
  projects: [
    { id: 'a', title: 'Benches', cost: 60, description: '', theme: null, location: null, pinIds: [] },
    { id: 'b', title: 'Trees', cost: 50, description: '', theme: null, location: null, pinIds: [] },
    { id: 'c', title: 'Signs', cost: 30, description: '', theme: null, location: null, pinIds: [] },
  ],
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function serve(answers: Response[]) {
  const puts: { body: unknown; headers: Record<string, string> }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'PUT') {
      puts.push({ body: JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
      return answers.shift()!;
    }
    if (url.endsWith('/areas')) return json({ type: 'FeatureCollection', features: [] });
    if (url.endsWith('/themes')) return json([]);
    return json(view);
  }));
  return puts;
}

function renderTable() {
  const table = createStore(() => ({ attract: false })) as unknown as TableStore;
  useTableVoteFlag.getState().votingOpened();
  render(
    <ConsultationProvider consultation={{ slug: 'plan' } as Consultation}>
      <TableStoreProvider store={table}>
        <TableVoteLayer />
      </TableStoreProvider>
    </ConsultationProvider>,
  );
}

const codeField = () => screen.getByLabelText('Your voter code') as HTMLInputElement;
const project = (title: RegExp) => screen.getByRole('checkbox', { name: title }) as HTMLInputElement;

describe('formal voting at the table', () => {
  it('sends the code with the ballot, keeps refusals in words, and leaves nothing for the next voter', async () => {
    const puts = serve([
      json({ error: { code: 'too-few-projects', message: 'x', details: { rule: 'too-few-projects', count: 1, min: 2 } } }, 422),
      json({ error: { code: 'voter-code-used', message: 'x' } }, 409),
      json({ projects: ['a', 'c'], updatedAt: '2026-12-01T10:00:00.000Z' }),
    ]);
    renderTable();
    await screen.findByText('Vote on the community budget');
    expect((screen.getByRole('button', { name: 'Show my ballot' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(codeField(), { target: { value: 'h4tz-8mqa-k2wp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show my ballot' }));

    expect(screen.getByText(/Choose at least 2 projects\./)).toBeTruthy();
    fireEvent.click(project(/Benches/));
    // £60 of £100 chosen: the trees (£50) would overspend and cannot be chosen
    expect(project(/Trees/).disabled).toBe(true);
    expect(screen.getByTestId('budget-left').textContent).toBe('£60 chosen, £40 left of £100 · 1 project chosen');
    fireEvent.click(screen.getByRole('button', { name: 'Send my ballot' }));
    expect((await screen.findByText(/^Not accepted: /)).textContent).toBe('Not accepted: the fewest projects a ballot may have is 2; this one has 1.');
    expect(puts[0]).toMatchObject({ body: { projects: ['a'], code: 'h4tz-8mqa-k2wp' } });
    // a voter code votes for the person, not for the table's device
    expect(puts[0]!.headers['x-device-token']).toBeUndefined();

    fireEvent.click(project(/Signs/));
    fireEvent.click(screen.getByRole('button', { name: 'Send my ballot' }));
    // the code was the problem: back at the code, saying so, with the choice kept for when it is mended
    expect((await screen.findByTestId('table-vote-code-refusal')).textContent).toBe('Not accepted: this voter code has already been used: each code votes once.');
    expect(codeField().value).toBe('h4tz-8mqa-k2wp');
    fireEvent.change(codeField(), { target: { value: '7KQM-3XZA-P9RT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show my ballot' }));
    expect(project(/Benches/).checked).toBe(true);
    expect(project(/Signs/).checked).toBe(true);
    expect(screen.getByTestId('table-vote-refusal').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Send my ballot' }));

    await screen.findByText('Thank you, your ballot was received.');
    expect(puts[2]).toMatchObject({ body: { projects: ['a', 'c'], code: '7KQM-3XZA-P9RT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next voter' }));
    expect(codeField().value).toBe('');
    expect(screen.getByTestId('table-vote-code-refusal').textContent).toBe('');
    fireEvent.change(codeField(), { target: { value: 'ABCD' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show my ballot' }));
    expect(project(/Benches/).checked).toBe(false);
    expect(project(/Signs/).checked).toBe(false);
  });

  it('says so when the table has no server to vote on', () => {
    useTableVoteFlag.getState().votingOpened();
    const table = createStore(() => ({ attract: false })) as unknown as TableStore;
    render(
      <TableStoreProvider store={table}>
        <TableVoteLayer />
      </TableStoreProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Formal voting needs the consultation’s server.');
  });
});
