// @vitest-environment jsdom
// the reusable planner sign-in: wrong passphrase and rate limit explained, sign-in and sign-out against the real server app.
import '../../src/i18n/i18n.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpRepository } from '../../src/persistence/httpRepository.ts';
import { createAuthStore } from '../../src/store/authStore.ts';
import { AuthStoreProvider } from '../../src/store/useAuth.ts';
import { SignInForm } from '../../src/ui/SignInForm.tsx';
import { PASSPHRASE, startTestServer } from '../support/serverHarness.ts';
import type { TestServer } from '../support/serverHarness.ts';
import { createInjectFetch } from './injectFetch.ts';
import type { InjectFetch } from './injectFetch.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ rateLimits: { signInFailuresPer15Minutes: 2 } });
});
afterEach(async () => {
  cleanup();
  await server.close();
});

function renderForm(variant: 'page' | 'table' = 'page') {
  const net: InjectFetch = createInjectFetch(server.app);
  const auth = createAuthStore(createHttpRepository({ deviceToken: 'device-form-0123456789', fetch: net.fetch }));
  let signedIn = 0;
  render(
    <AuthStoreProvider store={auth}>
      <SignInForm onSignedIn={() => signedIn++} variant={variant} />
    </AuthStoreProvider>,
  );
  return { auth, net, signedIn: () => signedIn };
}
const submit = async (passphrase: string) => {
  fireEvent.change(await screen.findByLabelText('Passphrase'), { target: { value: passphrase } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('SignInForm', () => {
  it('asks for the passphrase, refuses a wrong one, then rate-limits repeated attempts', async () => {
    renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the passphrase.');
    await submit('not it');
    expect((await screen.findByText('That passphrase is not right.')).getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
    await submit('still not it');
    await submit('third try');
    expect(await screen.findByText(/^Too many wrong passphrases\. Try again in \d+ seconds\.$/)).toBeTruthy();
  });

  it('signs in with the right passphrase, says so, and signs out again', async () => {
    const { auth, signedIn } = renderForm();
    await submit(PASSPHRASE);
    expect(await screen.findByText('Signed in as a planner or facilitator.')).toBeTruthy();
    expect(auth.getState().role).toBe('planner');
    expect(signedIn()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
    expect(auth.getState().role).toBe('resident');
  });

  it('stops acting signed in when signing out cannot reach the server, and says why', async () => {
    const { auth, net } = renderForm();
    await submit(PASSPHRASE);
    expect(await screen.findByText('Signed in as a planner or facilitator.')).toBeTruthy();
    net.offline = true;
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server cannot be reached. Check the connection and try again.');
    expect(auth.getState().role).toBe('unknown');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('takes the touch table look without changing its names', async () => {
    const { auth } = renderForm('table');
    const input = await screen.findByLabelText('Passphrase');
    expect(input.className).toBe('panel-input');
    expect(screen.getByRole('button', { name: 'Sign in' }).className).toBe('table-button table-button--primary');
    await submit(PASSPHRASE);
    await screen.findByText('Signed in as a planner or facilitator.');
    expect(auth.getState().role).toBe('planner');
  });
});
