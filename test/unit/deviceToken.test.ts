// the browser's device token: signed by the server when it is reached, the local one offline, old pins kept.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSignedDeviceToken, getDeviceToken, isSignedToken } from '../../src/persistence/deviceToken.ts';
import { pinBody, startTestServer } from '../support/serverHarness.ts';
import type { TestServer } from '../support/serverHarness.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('ensureSignedDeviceToken', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  /** fetch that goes to the in-process server */
  const viaInject = (s: TestServer): typeof fetch => (async (url: string, init: RequestInit) => {
    const res = await s.app.inject({ method: init.method as 'POST', url, headers: init.headers as Record<string, string>, payload: init.body as string });
    return new Response(res.body, { status: res.statusCode });
  }) as unknown as typeof fetch;

  it('offline keeps the local token, and the first answer from the server signs that same id, keeping its pins', async () => {
    const storage = memoryStorage();
    const offline = await ensureSignedDeviceToken({ storage, fetch: (() => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch });
    expect(isSignedToken(offline)).toBe(false);
    expect(getDeviceToken(storage)).toBe(offline);

    server = await startTestServer();
    // a pin made with the unsigned local token (as an older version, or an outbox sent before signing, does)
    const made = await server.app.inject({ method: 'POST', url: '/api/pins', headers: { 'x-device-token': offline }, payload: pinBody() });
    expect(made.statusCode).toBe(201);
    const signed = await ensureSignedDeviceToken({ storage, fetch: viaInject(server) });
    expect(signed.startsWith(`${offline}.`)).toBe(true);
    expect(getDeviceToken(storage)).toBe(signed);
    const mine = (await server.app.inject({ url: '/api/pins?mine=true', headers: { 'x-device-token': signed } })).json();
    expect(mine.features.map((f: { id: string }) => f.id)).toEqual([made.json().id]);
    // signed once: no second request
    expect(await ensureSignedDeviceToken({ storage, fetch: (() => Promise.reject(new Error('not asked'))) as unknown as typeof fetch })).toBe(signed);
  });
});
