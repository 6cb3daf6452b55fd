// @vitest-environment jsdom
// the reusable staff sign-in: e-mail and password, wrong ones and the rate limit explained, the person's name once signed
// in, and sign-out; against a server answering the staff API as specified.
import '../../src/i18n/i18n.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createStaffApi } from '../../src/persistence/staffApi.ts';
import { createAuthStore } from '../../src/store/authStore.ts';
import { AuthStoreProvider } from '../../src/store/useAuth.ts';
import { SignInForm } from '../../src/ui/SignInForm.tsx';
import { ADMIN, createFakeStaffServer } from './fakeStaffServer.ts';

afterEach(cleanup);

function renderForm(variant: 'page' | 'table' = 'page') {
  const server = createFakeStaffServer();
  const auth = createAuthStore(createStaffApi(createHttpRepository({ deviceToken: 'device-form-0123456789', fetch: server.fetch })));
  let signedIn = 0;
  render(
    <AuthStoreProvider store={auth}>
      <SignInForm onSignedIn={() => signedIn++} variant={variant} />
    </AuthStoreProvider>,
  );
  return { auth, server, signedIn: () => signedIn };
}
const submit = async (email: string, password: string) => {
  fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('SignInForm', () => {
  it('has e-mail and password fields a password manager fills in', async () => {
    renderForm();
    const email = await screen.findByLabelText('E-mail');
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('username');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
  });

  it('asks for both, refuses wrong ones, then says when it is rate-limited', async () => {
    const { server } = renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your e-mail and password.');
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail'));
    await submit(ADMIN.email, 'not it');
    expect((await screen.findByText('That e-mail and password do not match a staff account.')).getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/session', body: { email: ADMIN.email, password: 'not it' } });
    await submit(ADMIN.email, 'still not it');
    await submit(ADMIN.email, 'third try');
    expect(await screen.findByText('Too many failed sign-ins. Try again in 42 seconds.')).toBeTruthy();
  });

  it('signs in, names the person, and signs out again', async () => {
    const { auth, signedIn, server } = renderForm();
    await submit(`  ${ADMIN.email} `, ADMIN.password);
    expect(await screen.findByText('Signed in as Ada Admin.')).toBeTruthy();
    expect(auth.getState().user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(signedIn()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(auth.getState().user).toBeNull();
    expect(server.calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/session' });
  });

  it('stops acting signed in when signing out cannot reach the server, and says why', async () => {
    const { auth, server } = renderForm();
    await submit(ADMIN.email, ADMIN.password);
    expect(await screen.findByText('Signed in as Ada Admin.')).toBeTruthy();
    server.offline = true;
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server cannot be reached. Check the connection and try again.');
    expect(auth.getState()).toMatchObject({ user: null, known: false });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('takes the touch table look without changing its names', async () => {
    const { auth } = renderForm('table');
    const input = await screen.findByLabelText('E-mail');
    expect(input.className).toBe('panel-input');
    expect(screen.getByRole('button', { name: 'Sign in' }).className).toBe('table-button table-button--primary');
    await submit(ADMIN.email, ADMIN.password);
    await screen.findByText('Signed in as Ada Admin.');
    expect(auth.getState().user?.name).toBe('Ada Admin');
  });
});
