// forged forwarding headers: a client that writes its own X-Forwarded-For entries gets no fresh per-address window
// and cannot use up someone else's, whether the server trusts a hop count or a list of proxy addresses.
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { fastifyTrustProxy, parseTrustProxy } from '../../../src/server/security/trustProxy.ts';
import type { TrustProxy } from '../../../src/server/security/trustProxy.ts';
import { asDevice, awayFromWindowEdge, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const LOAD_BALANCER = '10.0.0.5';
const ATTACKER = '203.0.113.7';
const VICTIM = '198.51.100.9';
const PER_ADDRESS = 3;

let deviceCount = 0;
/** a new made-up device token per request, so only the per-address limit can stop them */
const freshDevice = () => `rotating-device-${String(++deviceCount).padStart(6, '0')}-abcdef`;

/** a new pin as it reaches the server through the load balancer, which appends the address it saw to what the client sent */
function throughProxy(client: string, forged: string[] = []): InjectOptions {
  const options: InjectOptions = asDevice(freshDevice(), { method: 'POST', url: '/api/pins', payload: pinBody(), remoteAddress: LOAD_BALANCER });
  return { ...options, headers: { ...options.headers, 'x-forwarded-for': [...forged, client].join(', ') } };
}

async function withServer(trustProxy: TrustProxy, run: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer({ trustProxy, rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: PER_ADDRESS } });
  try {
    await awayFromWindowEdge(60_000);
    await run(server);
  } finally {
    await server.close();
  }
}

describe.each<[string, TrustProxy]>([
  ['a hop count (TRUST_PROXY=1)', 1],
  ['a list of proxy addresses (TRUST_PROXY=10.0.0.0/8)', ['10.0.0.0/8']],
])('behind one load balancer, trusted by %s', (_label, trustProxy) => {
  it('gives a client that prepends its own X-Forwarded-For entries no fresh window', async () => {
    await withServer(trustProxy, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        // a different forged chain each time, as an attacker rotating addresses would send
        const forged = i === 0 ? [] : [`192.0.2.${i}`, ...(i % 2 ? [`2001:db8::${i}`] : [])];
        statuses.push((await server.app.inject(throughProxy(ATTACKER, forged))).statusCode);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(PER_ADDRESS);
      expect(statuses.slice(PER_ADDRESS).every((s) => s === 429)).toBe(true);
      expect(await server.storage.countPins()).toBe(1 + PER_ADDRESS);
    });
  });

  it("cannot use up someone else's address by naming it", async () => {
    await withServer(trustProxy, async (server) => {
      for (let i = 0; i < PER_ADDRESS + 2; i++) await server.app.inject(throughProxy(ATTACKER, [VICTIM]));
      const victim = await server.app.inject(throughProxy(VICTIM));
      expect(victim.statusCode).toBe(201);
    });
  });
});

describe('without TRUST_PROXY', () => {
  it('counts the socket peer and ignores X-Forwarded-For entirely', async () => {
    await withServer(false, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < PER_ADDRESS + 2; i++) statuses.push((await server.app.inject(throughProxy(`192.0.2.${i}`))).statusCode);
      // every request came from the load balancer's socket, so they share one window
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    });
  });
});

describe('a direct client when only listed proxies are trusted', () => {
  it('is counted by its socket address whatever X-Forwarded-For it sends', async () => {
    await withServer(['10.0.0.0/8'], async (server) => {
      const direct = (i: number): InjectOptions => {
        const options = asDevice(freshDevice(), { method: 'POST', url: '/api/pins', payload: pinBody(), remoteAddress: ATTACKER });
        return { ...options, headers: { ...options.headers, 'x-forwarded-for': `192.0.2.${i}` } };
      };
      const statuses: number[] = [];
      for (let i = 0; i < PER_ADDRESS + 2; i++) statuses.push((await server.app.inject(direct(i))).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    });
  });
});

describe('parseTrustProxy', () => {
  it('reads a hop count or a list, and refuses "trust everyone" and malformed entries', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.0/8, ::1 ,loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(() => parseTrustProxy('true')).toThrow(/every X-Forwarded-For entry/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" is neither/);
    expect(() => parseTrustProxy('lb.internal')).toThrow(/hop count/);
    expect(() => parseTrustProxy('11')).toThrow(/0 to 10/);
  });

  it('makes a hop count trust the socket and the n-1 entries proxies appended, no more', () => {
    const two = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2, 3].map((hop) => two('10.0.0.1', hop))).toEqual([true, true, false, false]);
    expect(fastifyTrustProxy(0)).toBe(false);
    expect(fastifyTrustProxy(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});
