// @vitest-environment jsdom
import '../../src/i18n/i18n.ts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LngLat } from '../../src/core/types.ts';
import { AppStoreProvider } from '../../src/store/AppStoreProvider.tsx';
import { PinForm } from '../../src/ui/PinForm.tsx';
import { PinList } from '../../src/ui/PinList.tsx';
import { bundledData, startedStore } from './storeFixtures.ts';

const { demoPins, themes } = bundledData();
const inside = demoPins[0]!.geometry.coordinates as unknown as LngLat;
const hostile = '<img src=x onerror=alert(1)>';

afterEach(cleanup);

describe('PinList', () => {
  it('renders a hostile title as text, never as html', async () => {
    const { store } = await startedStore();
    const added = await store.getState().pinAdded({ kind: 'asset', theme: themes[0]!.id, title: hostile, position: inside });
    expect(added.ok).toBe(true);
    const { container } = render(
      <AppStoreProvider store={store}>
        <PinList />
      </AppStoreProvider>,
    );
    expect(screen.getByRole('rowheader', { name: hostile })).toBeTruthy();
    expect(container.querySelector('tbody img')).toBeNull();
    // own pin: edit and delete offered, named after the pin
    expect(screen.getByRole('button', { name: `Delete “${hostile}”` })).toBeTruthy();
  });

  it('sorts by a column header and reports it with aria-sort', async () => {
    const { store } = await startedStore();
    render(
      <AppStoreProvider store={store}>
        <PinList />
      </AppStoreProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    const header = screen.getByRole('columnheader', { name: /^Title/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const titles = screen.getAllByRole('rowheader').map((cell) => cell.textContent ?? '');
    const expected = [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
    expect(titles).toEqual(expected);
    expect(titles).toHaveLength(demoPins.length);
    fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getAllByRole('rowheader')[0]?.textContent).toBe(expected[expected.length - 1]);
  });
});

describe('PinForm', () => {
  it('shows each problem next to its field and marks the field invalid', async () => {
    const { store } = await startedStore();
    store.getState().addPinStarted();
    store.getState().placementPicked(inside);
    render(
      <AppStoreProvider store={store}>
        <PinForm />
      </AppStoreProvider>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'x'.repeat(81) } });
    expect(screen.getByText('81 of 80 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save pin' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (title.getAttribute('aria-describedby') ?? '').split(' ');
    const error = document.getElementById(describedBy[0]!);
    expect(error?.textContent).toBe('The title must be at most 80 characters.');
    expect(screen.getByRole('radio', { name: 'Something to keep' }).getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().pins).toHaveLength(demoPins.length);
  });

  it('refuses a place outside the neighbourhoods with an alert beside the form', async () => {
    const { store } = await startedStore();
    store.getState().addPinStarted();
    store.getState().placementPicked([10, 10]);
    render(
      <AppStoreProvider store={store}>
        <PinForm />
      </AppStoreProvider>,
    );
    expect(within(screen.getByRole('alert')).getByText(/outside the neighbourhoods/)).toBeTruthy();
  });

  it('saves a complete pin and closes', async () => {
    const { store } = await startedStore();
    store.getState().addPinStarted();
    store.getState().placementPicked(inside);
    render(
      <AppStoreProvider store={store}>
        <PinForm />
      </AppStoreProvider>,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Something to change' }));
    fireEvent.click(screen.getByRole('radio', { name: themes[1]!.label }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Wider pavement' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Negative' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save pin' }));
    await waitFor(() => expect(store.getState().editor).toBeNull());
    const saved = store.getState().pins.find((p) => p.properties.title === 'Wider pavement');
    expect(saved?.properties).toMatchObject({ kind: 'priority', theme: themes[1]!.id, sentiment: 'negative', author: 'device-a' });
  });
});
