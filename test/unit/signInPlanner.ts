// signs the inject fetch's cookie jar in as the test server's admin, who may do what a planner of any consultation may.
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/serverHarness.ts';
import type { InjectFetch } from './injectFetch.ts';

export async function signInPlanner(net: InjectFetch): Promise<void> {
  const res = await net.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
  if (!res.ok) throw new Error(`planner sign-in failed: ${await res.text()}`);
}
