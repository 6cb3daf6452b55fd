// @vitest-environment jsdom
// the staff console's forms against a server answering the staff API as specified: sign-in, the list, a new consultation
// (boundaries checked here first), a template the server refuses, status with a confirmation, teams, invitations.
import '../../src/i18n/i18n.ts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import { createAuthStore } from '../../src/store/authStore.ts';
import { AuthStoreProvider } from '../../src/store/useAuth.ts';
import { StaffConsole } from '../../src/ui/admin/StaffConsole.tsx';
import { ADMIN, consultation, createFakeStaffServer } from './fakeStaffServer.ts';
import type { FakeStaffServer } from './fakeStaffServer.ts';
import { bundledData, readData } from './storeFixtures.ts';

afterEach(cleanup);
const { themes } = bundledData();

function open(server: FakeStaffServer, inviteToken?: string) {
  const api = createStaffApi(createHttpRepository({ deviceToken: 'device-console-0123456789', fetch: server.fetch }));
  const auth = createAuthStore(api);
  render(
    <AuthStoreProvider store={auth}>
      <StaffConsole api={api} themes={themes} {...(inviteToken ? { inviteToken } : {})} />
    </AuthStoreProvider>,
  );
  return { auth };
}
async function signIn(email = ADMIN.email, password = ADMIN.password) {
  fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: 'Consultations', level: 2 });
}
const choose = (input: HTMLElement, name: string, text: string) => fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
const posted = (server: FakeStaffServer, path: string) => server.calls.filter((c) => c.method === 'POST' && c.path === path).map((c) => c.body);

describe('StaffConsole', () => {
  it('asks for a sign-in first, then lists every consultation the admin can see, drafts too, with links to its pages', async () => {
    const server = createFakeStaffServer([consultation('open-one'), consultation('draft-one', { status: 'draft', title: 'Draft plan' })]);
    open(server);
    expect(await screen.findByRole('heading', { name: 'Staff sign-in', level: 2 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'New consultation' })).toBeNull();
    await signIn();
    const list = within(screen.getByRole('region', { name: 'Consultations' }));
    const draft = list.getByText('Draft plan').closest('li')!;
    expect(draft.textContent).toContain('Status: Draft');
    expect(within(draft).getByRole('link', { name: 'Planner view' }).getAttribute('href')).toBe('/c/draft-one/planner');
    expect(within(draft).getByRole('link', { name: 'Touch table' }).getAttribute('href')).toBe('/c/draft-one/table');
    expect(within(draft).getByRole('link', { name: 'Resident map' }).getAttribute('href')).toBe('/c/draft-one');
    expect(screen.getByText('Signed in as Ada Admin.')).toBeTruthy();
  });

  it('creates a consultation from the form: slug from the title, boundaries checked here, themes kept or dropped, k and parts', async () => {
    const server = createFakeStaffServer([]);
    open(server);
    await signIn();
    const form = within(screen.getByRole('region', { name: 'New consultation' }));
    fireEvent.click(form.getByRole('button', { name: 'Create consultation' }));
    expect(form.getByText('Enter a title.')).toBeTruthy();
    expect(document.activeElement).toBe(form.getByLabelText('Title'));
    expect(form.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Parc Ŷr Afon — 2026 plan' } });
    expect((form.getByLabelText('Address (slug)') as HTMLInputElement).value).toBe('parc-yr-afon-2026-plan');

    // a bad boundary file is refused here, naming the feature, as the planner view's import does
    choose(form.getByLabelText('Boundaries (GeoJSON)'), 'bad.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Open ring' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }] }));
    const refusal = await form.findByRole('alert');
    expect(refusal.textContent).toContain('bad.geojson');
    expect(refusal.textContent).toMatch(/Open ring/);
    choose(form.getByLabelText('Boundaries (GeoJSON)'), 'demo-areas.geojson', readData('demo-areas.geojson'));
    expect(await form.findByText(/^Areas checked in demo-areas\.geojson: 18\./)).toBeTruthy();
    fireEvent.click(form.getByRole('checkbox', { name: 'Heritage & culture' }));
    fireEvent.change(form.getByLabelText('Small-count protection (k)'), { target: { value: '3' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Touch table' }));
    fireEvent.change(form.getByLabelText('Opens on (optional)'), { target: { value: '2026-05-01' } });
    fireEvent.change(form.getByLabelText('Closes on (optional)'), { target: { value: '2026-04-01' } });
    fireEvent.click(form.getByRole('button', { name: 'Create consultation' }));
    expect(form.getByText('The closing date must be after the opening date.')).toBeTruthy();
    fireEvent.change(form.getByLabelText('Closes on (optional)'), { target: { value: '2026-06-30' } });
    fireEvent.click(form.getByRole('button', { name: 'Create consultation' }));

    const heading = await screen.findByRole('heading', { name: 'Manage “Parc Ŷr Afon — 2026 plan”' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const [body] = posted(server, '/api/consultations') as [Record<string, unknown>];
    expect(body).toMatchObject({ slug: 'parc-yr-afon-2026-plan', title: 'Parc Ŷr Afon — 2026 plan', opensAt: new Date('2026-05-01T00:00:00').toISOString() });
    const template = body.template as { format: string; areas: { features: unknown[] }; themes: { id: string }[]; settings: unknown };
    expect(template.format).toBe('coplan-consultation-template');
    expect(template.areas.features).toHaveLength(18);
    expect(template.themes.map((t) => t.id)).toEqual(themes.map((t) => t.id).filter((id) => id !== 'heritage-culture'));
    expect(template.settings).toEqual({ minCount: 3, parts: { map: true, table: false } });
  });

  it('without boundaries creates with the server\'s defaults and then sets k and parts', async () => {
    const server = createFakeStaffServer([]);
    open(server);
    await signIn();
    const form = within(screen.getByRole('region', { name: 'New consultation' }));
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Budget 2027' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Map pins' }));
    fireEvent.click(form.getByRole('button', { name: 'Create consultation' }));
    await screen.findByRole('heading', { name: 'Manage “Budget 2027”' });
    expect(posted(server, '/api/consultations')[0]).not.toHaveProperty('template');
    expect(server.calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/consultations/budget-2027', body: { settings: { minCount: 5, parts: { map: false, table: true } } } });
  });

  it('says a slug is taken', async () => {
    const server = createFakeStaffServer([consultation('budget-2027')]);
    open(server);
    await signIn();
    const form = within(screen.getByRole('region', { name: 'New consultation' }));
    fireEvent.change(form.getByLabelText('Title'), { target: { value: 'Budget 2027' } });
    fireEvent.click(form.getByRole('button', { name: 'Create consultation' }));
    expect((await form.findByRole('alert')).textContent).toBe('That address is taken: choose another.');
  });

  it('shows the server\'s refusal of a template, naming field and rule, and creates from a good one', async () => {
    const server = createFakeStaffServer([]);
    open(server);
    await signIn();
    const form = within(screen.getByRole('region', { name: 'Or create from a template file' }));
    choose(form.getByLabelText('Template file (JSON)'), 'notes.txt', 'not json');
    fireEvent.click(form.getByRole('button', { name: 'Create from template' }));
    expect(await form.findByText('notes.txt is not a JSON file.')).toBeTruthy();
    choose(form.getByLabelText('Template file (JSON)'), 'old.json', JSON.stringify({ format: 'something-else', title: 'Old park' }));
    await waitFor(() => expect((form.getByLabelText('Address (slug) for the new consultation') as HTMLInputElement).value).toBe('old-park'));
    fireEvent.click(form.getByRole('button', { name: 'Create from template' }));
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain('The server refused the template:');
    expect(alert.textContent).toContain('format');
    expect(alert.textContent).toContain('wrong-format');
    choose(form.getByLabelText('Template file (JSON)'), 'park.json', JSON.stringify({ format: 'coplan-consultation-template', version: 1, title: 'Old park', summary: 'Paths' }));
    await waitFor(() => expect(form.queryByRole('alert')).toBeNull());
    // while the new file is read the form cannot send: it once sent the file chosen before (refused again)
    const create = form.getByRole('button', { name: 'Create from template' }) as HTMLButtonElement;
    choose(form.getByLabelText('Template file (JSON)'), 'park.json', JSON.stringify({ format: 'coplan-consultation-template', version: 1, title: 'Old park', summary: 'Paths' }));
    expect(create.disabled).toBe(true);
    await waitFor(() => expect(create.disabled).toBe(false));
    fireEvent.click(create);
    await screen.findByRole('heading', { name: 'Manage “Old park”' });
    expect(posted(server, '/api/consultations').at(-1)).toMatchObject({ slug: 'old-park', title: 'Old park', summary: 'Paths', template: { format: 'coplan-consultation-template' } });
  });

  it('closes a consultation only after a confirmation, downloads its template, and manages its team', async () => {
    const server = createFakeStaffServer([consultation('park', { title: 'Park' })]);
    open(server);
    await signIn();
    // an invited colleague to add to the team
    const accounts = within(screen.getByRole('region', { name: 'Staff accounts' }));
    fireEvent.change(accounts.getByLabelText('E-mail'), { target: { value: 'pat@council.example' } });
    fireEvent.change(accounts.getByLabelText('Name'), { target: { value: 'Pat' } });
    fireEvent.click(accounts.getByRole('button', { name: 'Create invitation' }));
    const link = (await accounts.findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toMatch(/^http:\/\/localhost(:\d+)?\/invite\/invite-u-\d+$/);
    await waitFor(() => expect(accounts.getByRole('row', { name: /Pat/ }).textContent).toContain('invitation not yet accepted'));

    fireEvent.click(screen.getByRole('button', { name: 'Manage “Park”' }));
    const manage = within(screen.getByRole('region', { name: 'Manage “Park”' }));
    fireEvent.click(manage.getByRole('button', { name: 'Close it' }));
    expect(manage.getByText('Close “Park”? Residents will no longer be able to add, edit or support pins.')).toBeTruthy();
    expect(document.activeElement).toBe(manage.getByRole('button', { name: 'Keep it open' }));
    expect(server.calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.click(manage.getByRole('button', { name: 'Yes, close it' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Manage “Park”' }).textContent).toContain('Status: Closed'));
    expect(server.calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/consultations/park', body: { status: 'closed' } });

    const created = vi.fn<(blob: Blob) => string>(() => 'blob:template');
    URL.createObjectURL = created as unknown as typeof URL.createObjectURL;
    fireEvent.click(manage.getByRole('button', { name: 'Download its template' }));
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(JSON.parse(await created.mock.calls[0]![0].text())).toMatchObject({ format: 'coplan-consultation-template', title: 'Park' });

    fireEvent.change(await manage.findByLabelText('Person'), { target: { value: server.users.find((u) => u.name === 'Pat')!.id } });
    fireEvent.change(manage.getByLabelText('Role'), { target: { value: 'facilitator' } });
    fireEvent.click(manage.getByRole('button', { name: 'Add' }));
    expect(await manage.findByText('Pat (pat@council.example): Facilitator')).toBeTruthy();
    fireEvent.click(manage.getByRole('button', { name: 'Remove Pat' }));
    expect(await manage.findByText('Nobody is on this consultation\'s team yet.')).toBeTruthy();
    fireEvent.click(manage.getByRole('button', { name: 'Back to the list' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Manage “Park”' })));
  });

  it('removes an account after a confirmation, never the admin\'s own', async () => {
    const server = createFakeStaffServer([]);
    server.users.push({ id: 'u-gone', email: 'gone@council.example', name: 'Gwen', role: 'staff', password: 'x', createdAt: '2026-01-02T00:00:00.000Z' });
    open(server);
    await signIn();
    const accounts = within(screen.getByRole('region', { name: 'Staff accounts' }));
    expect(accounts.queryByRole('button', { name: 'Remove Ada Admin' })).toBeNull();
    fireEvent.click(accounts.getByRole('button', { name: 'Remove Gwen' }));
    fireEvent.click(accounts.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(accounts.queryByText('Gwen')).toBeNull());
    expect(server.calls.find((c) => c.method === 'DELETE')).toMatchObject({ path: '/api/users/u-gone' });
  });
});

describe('the invitation page', () => {
  it('sets up the first admin with e-mail, name and a strong enough password, and signs them in', async () => {
    const server = createFakeStaffServer([]);
    server.invitations.set('setup-token', { userId: null, setup: true });
    const { auth } = open(server, 'setup-token');
    expect(await screen.findByRole('heading', { name: 'Set up the first admin account' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'first@council.example' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Fran' } });
    expect(screen.getByLabelText('New password').getAttribute('autocomplete')).toBe('new-password');
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByText('Choose a stronger password: at least 10 characters, not a common or guessable one.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('New password'));
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a-long-enough-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    const welcome = await screen.findByText('Welcome, Fran: you are signed in.');
    expect(document.activeElement).toBe(welcome);
    expect(auth.getState().user).toMatchObject({ email: 'first@council.example', role: 'admin' });
    expect(posted(server, '/api/invitations/setup-token')).toEqual([{ password: 'short', email: 'first@council.example', name: 'Fran' }, { password: 'a-long-enough-password', email: 'first@council.example', name: 'Fran' }]);
  });

  it('says a used or expired link is no longer valid', async () => {
    open(createFakeStaffServer([]), 'used-token');
    expect((await screen.findByRole('alert')).textContent).toBe('This invitation link has been used or has expired. Ask an admin for a new one.');
  });
});
