// @vitest-environment jsdom
// the front page, "no such consultation", and a closed consultation: said in words with its date, pins read-only, and a
// resident write refused with 409 consultation-closed reported once, not retried.
import '../../src/i18n/i18n.ts';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createOutbox } from '../../src/persistence/outbox.ts';
import type { OutboxEvent } from '../../src/persistence/outbox.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import type { Consultation, ConsultationSummary } from '../../src/persistence/staffApi.ts';
import { AppStoreProvider } from '../../src/store/AppStoreProvider.tsx';
import { staffRoleIn } from '../../src/store/authStore.ts';
import { ConsultationProvider } from '../../src/store/useConsultation.ts';
import { formatDate } from '../../src/ui/formatDate.ts';
import { FrontPage } from '../../src/ui/consultations/FrontPage.tsx';
import { NotFoundPage } from '../../src/ui/consultations/NotFoundPage.tsx';
import { ClosedNotice } from '../../src/ui/consultations/ClosedNotice.tsx';
import { ConnectionBanner } from '../../src/ui/planner-tools/ConnectionBanner.tsx';
import { PinList } from '../../src/ui/PinList.tsx';
import { SidePanel } from '../../src/ui/SidePanel.tsx';
import { consultation, createFakeStaffServer } from './fakeStaffServer.ts';
import { startedStore } from './storeFixtures.ts';

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const summary = (slug: string, overrides: Partial<ConsultationSummary> = {}): ConsultationSummary => ({
  slug,
  title: `Title ${slug}`,
  summary: `Summary of ${slug}.`,
  status: 'open',
  opensAt: null,
  closesAt: null,
  statusChangedAt: '2026-03-01T09:00:00.000Z',
  closedAt: null,
  counts: { pins: 0 },
  ...overrides,
});
const closed: Consultation = { ...summary('parks-2025', { status: 'closed', statusChangedAt: '2025-11-30T12:00:00.000Z' }), settings: { minCount: 5, parts: { map: true, table: true } }, viewerRole: null };

describe('FrontPage', () => {
  it('lists each consultation with its title linking to /c/<slug>, status in words, dates, count and summary', () => {
    render(<FrontPage consultations={[summary('millbrook-2026', { counts: { pins: 40 }, opensAt: '2026-02-01T00:00:00.000Z', closesAt: '2099-06-30T00:00:00.000Z' }), summary('parks-2025', { status: 'closed', counts: { pins: 1 }, statusChangedAt: '2025-11-30T12:00:00.000Z' })]} />);
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('link', { name: 'Title millbrook-2026' }).getAttribute('href')).toBe('/c/millbrook-2026');
    expect(cards[0]!.textContent).toContain('Status: Open');
    expect(first.getByText(`Opened ${formatDate('2026-02-01T00:00:00.000Z', 'en')}`)).toBeTruthy();
    expect(first.getByText(`Closes ${formatDate('2099-06-30T00:00:00.000Z', 'en')}`)).toBeTruthy();
    expect(first.getByText('40 contributions')).toBeTruthy();
    expect(first.getByText('Summary of millbrook-2026.')).toBeTruthy();
    const second = within(cards[1]!);
    expect(cards[1]!.textContent).toContain('Status: Closed');
    expect(second.getByText(`Closed on ${formatDate('2025-11-30T12:00:00.000Z', 'en')}`)).toBeTruthy();
    expect(second.getByText('1 contribution')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/staff');
  });

  it('writes dates in the reader\'s language and says when there is nothing yet', async () => {
    await i18next.changeLanguage('cy');
    expect(formatDate('2025-11-30T12:00:00.000Z', 'cy')).not.toBe(formatDate('2025-11-30T12:00:00.000Z', 'en'));
    render(<FrontPage consultations={[summary('a', { status: 'closed', counts: { pins: 2 }, statusChangedAt: '2025-11-30T12:00:00.000Z' })]} />);
    expect(screen.getByText(`Caeodd ar ${formatDate('2025-11-30T12:00:00.000Z', 'cy')}`)).toBeTruthy();
    expect(screen.getByText('2 gyfraniad')).toBeTruthy();
    cleanup();
    await i18next.changeLanguage('en');
    render(<FrontPage consultations={[]} />);
    expect(screen.getByText('There are no consultations on this server yet.')).toBeTruthy();
  });

  it('renders a hostile title and summary as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(<FrontPage consultations={[summary('x', { title: hostile, summary: hostile })]} />);
    expect(screen.getByRole('link', { name: hostile })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('NotFoundPage', () => {
  it('says there is no such consultation, focuses that, and links to the front page', () => {
    render(<NotFoundPage />);
    const heading = screen.getByRole('heading', { name: 'No such consultation' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('link', { name: 'See all consultations' }).getAttribute('href')).toBe('/');
  });
});

describe('a closed consultation', () => {
  it('says since when people can only read, offers no add, support, edit or delete', async () => {
    const { store } = await startedStore();
    const own = await store.getState().pinAdded({ kind: 'asset', theme: store.getState().themes[0]!.id, title: 'My bench', position: store.getState().pins[0]!.geometry.coordinates });
    expect(own.ok).toBe(true);
    render(
      <ConsultationProvider consultation={closed}>
        <AppStoreProvider store={store}>
          <ClosedNotice />
          <SidePanel />
          <PinList />
        </AppStoreProvider>
      </ConsultationProvider>,
    );
    expect(screen.getByText(`This consultation closed on ${formatDate('2025-11-30T12:00:00.000Z', 'en')}; you can still read what people said.`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a pin' })).toBeNull();
    expect(screen.getAllByRole('rowheader').length).toBeGreaterThan(1);
    expect(screen.queryByRole('button', { name: /^Support “/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
    // the same page while open offers them
    cleanup();
    render(
      <ConsultationProvider consultation={{ ...closed, status: 'open' }}>
        <AppStoreProvider store={store}>
          <ClosedNotice />
          <SidePanel />
          <PinList />
        </AppStoreProvider>
      </ConsultationProvider>,
    );
    expect(screen.queryByText(/closed on/)).toBeNull();
    expect(screen.getByRole('button', { name: /add a pin/i })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete “My bench”' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Support “/ }).length).toBeGreaterThan(0);
  });

  it('drops a pin the server refuses with 409 consultation-closed, once, and the banner says the consultation closed', async () => {
    const server = createFakeStaffServer([consultation('parks-2025', { status: 'closed' })]);
    const api = createHttpRepository({ deviceToken: 'device-closed-0123456789', fetch: server.fetch, consultationBase: '/api/consultations/parks-2025' });
    const outbox = await createOutbox({ api, factory: new IDBFactory(), name: 'closed-outbox' });
    const events: OutboxEvent[] = [];
    outbox.subscribe((e) => events.push(e));
    const pin = { type: 'Feature' as const, id: 'late', geometry: { type: 'Point' as const, coordinates: [-2, 53] as [number, number] }, properties: { id: 'late', kind: 'asset' as const, theme: 'green', title: 'Too late', area: '', createdAt: '', updatedAt: '' } };
    await outbox.enqueue({ type: 'create', pinId: 'late', pin });
    expect(await outbox.flush()).toEqual({ done: true, sent: 0 });
    expect(await outbox.flush()).toEqual({ done: true, sent: 0 });
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    const rejected = events.find((e) => e.type === 'rejected');
    expect(rejected).toMatchObject({ code: 'consultation-closed' });

    const { store } = await startedStore();
    store.setState({ mode: 'server' });
    store.getState().changeRefused(store.getState().pins[0]!.id, 'consultation-closed', 'This consultation is closed.');
    render(
      <AppStoreProvider store={store}>
        <ConnectionBanner />
      </AppStoreProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain(`“${store.getState().pins[0]!.properties.title}” was not sent: this consultation has closed.`);
  });
});

describe('who may act in a consultation', () => {
  it('is the admin anywhere, a member in their own consultation only, and nobody without a sign-in or a consultation', () => {
    const staff = { id: 'u1', email: 'p@council.example', name: 'P', role: 'staff' as const };
    const memberships = [{ slug: 'park', role: 'facilitator' as const }];
    expect(staffRoleIn({ user: staff, memberships }, 'park')).toBe('facilitator');
    expect(staffRoleIn({ user: staff, memberships }, 'budget')).toBeNull();
    expect(staffRoleIn({ user: { ...staff, role: 'admin' }, memberships: [] }, 'budget')).toBe('admin');
    expect(staffRoleIn({ user: null, memberships }, 'park')).toBeNull();
    expect(staffRoleIn({ user: { ...staff, role: 'admin' }, memberships: [] }, null)).toBeNull();
  });

  it('tells staff that a draft is theirs only', () => {
    render(
      <ConsultationProvider consultation={{ ...closed, status: 'draft' }}>
        <ClosedNotice />
      </ConsultationProvider>,
    );
    expect(screen.getByText('This consultation is a draft: only staff can see it.')).toBeTruthy();
  });
});

describe('staffApi', () => {
  it('reads a consultation with its settings and the viewer\'s role, and hides drafts from the public', async () => {
    const server = createFakeStaffServer([consultation('open-one', { pins: 3 }), consultation('draft-one', { status: 'draft' })]);
    const staff = createStaffApi(createHttpRepository({ deviceToken: 'device-staffapi-0123456789', fetch: server.fetch }));
    expect((await staff.listConsultations()).map((c) => c.slug)).toEqual(['open-one']);
    expect(await staff.getConsultation('open-one')).toMatchObject({ slug: 'open-one', settings: { minCount: 5, parts: { map: true, table: true } }, viewerRole: null, counts: { pins: 3 } });
    await expect(staff.getConsultation('draft-one')).rejects.toMatchObject({ status: 404 });
    await staff.signIn({ email: 'admin@example.test', password: 'admin-password-1' });
    expect((await staff.listConsultations()).map((c) => c.slug)).toEqual(['open-one', 'draft-one']);
    expect((await staff.getConsultation('draft-one')).viewerRole).toBe('admin');
    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/consultations',
      'GET /api/consultations/open-one',
      'GET /api/consultations/draft-one',
      'POST /api/session',
      'GET /api/consultations',
      'GET /api/consultations/draft-one',
    ]);
  });
});
