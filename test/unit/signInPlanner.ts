// signs the inject fetch's cookie jar in as a planner of the test server's default consultation.
import { PASSPHRASE } from '../support/serverHarness.ts';
import type { InjectFetch } from './injectFetch.ts';

export async function signInPlanner(net: InjectFetch): Promise<void> {
  const res = await net.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASSPHRASE }) });
  if (!res.ok) throw new Error(`planner sign-in failed: ${await res.text()}`);
}
