// point 9 of issue 11 (the server side): bad input never gives a 500. Every route, under both prefixes, gets garbage
// in every query and path parameter and body; plus unknown content types, malformed Last-Event-ID, huge headers and a
// body shorter than its Content-Length, over a real socket.
import net from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_A, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** every route inside a consultation (':id' is a pin, ':userId' a user) */
const INSIDE: [Method, string][] = [
  ['GET', '/areas'], ['PUT', '/areas'], ['GET', '/themes'], ['PUT', '/themes'],
  ['GET', '/pins'], ['POST', '/pins'], ['GET', '/pins/:id'], ['PATCH', '/pins/:id'], ['DELETE', '/pins/:id'],
  ['POST', '/pins/:id/support'], ['DELETE', '/pins/:id/support'], ['GET', '/pins/:id/support-report'],
  ['POST', '/pins/:id/hide'], ['POST', '/pins/:id/restore'], ['GET', '/audit'],
  ['GET', '/export/pins.geojson'], ['GET', '/export/pins.csv'],
  ['GET', '/aggregates/areas'], ['GET', '/aggregates/summary'], ['GET', '/aggregates/planner'], ['GET', '/aggregates/clusters'],
];
const BY_SLUG: [Method, string][] = [['GET', ''], ['PATCH', ''], ['GET', '/template'], ['GET', '/members'], ['PUT', '/members/:userId'], ['DELETE', '/members/:userId']];
const SERVER_WIDE: [Method, string][] = [
  ['GET', '/api/health'], ['GET', '/api/config'], ['POST', '/api/device'], ['GET', '/api/consultations'], ['POST', '/api/consultations'],
  ['POST', '/api/session'], ['GET', '/api/session'], ['DELETE', '/api/session'], ['POST', '/api/session/password'],
  ['GET', '/api/users'], ['POST', '/api/users'], ['DELETE', '/api/users/:userId'], ['GET', '/api/invitations/:token'], ['POST', '/api/invitations/:token'],
];

const GARBAGE_QUERY = 'kind=%00&theme=' + 'x'.repeat(5000) + '&limit=-1&bbox=a,b,c&since=zzz&minCount=1e999&hex=NaN&zoom=Infinity&from=x&to=%ff&top=-5&area=&session=%E0%A4&raw=yes&lastEventId=abc&includeHidden=maybe&mine=1&q[]=1&q[a]=2';
const GARBAGE_PARAMS = ['%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000), '%E0%A4%A', "'; DROP TABLE pins; --", '%F0%9F%92%A9', ' '];
const GARBAGE_BODIES: unknown[] = [[1, 2, 3], 42, 'just text', null, true, { __proto__: { admin: true }, constructor: { prototype: {} } }, { type: 'Feature', geometry: { type: 'Point', coordinates: [Number.MAX_VALUE, 'a'] }, properties: [] }, JSON.parse('{"a":' .repeat(200) + '1' + '}'.repeat(200))];

function routes(): [Method, string][] {
  const all: [Method, string][] = [...SERVER_WIDE];
  for (const [m, p] of INSIDE) all.push([m, `/api${p}`], [m, `/api/consultations/:slug${p}`]);
  for (const [m, p] of BY_SLUG) all.push([m, `/api/consultations/:slug${p}`]);
  return all;
}

describe('bad input never gives a 500', () => {
  let server: TestServer;
  let planner = '';
  let slug = '';
  beforeAll(async () => {
    // limits off: this test sends thousands of requests and is about errors, not rates
    server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: 0, signInFailuresPer15Minutes: 0, signInFailuresPerAccount: 0, devicesPerAddressPerMinute: 0, writesPerDevicePerMinute: 0, writesPerAddressPerMinute: 0, writesPerConsultationPerMinute: 0, staffWritesPerMinute: 0, supportsPerDevicePerMinute: 0, supportsPerAddressPerMinute: 0 } });
    planner = await server.plannerToken();
    slug = (await server.database.listConsultations())[0]!.slug;
  });
  afterAll(() => server.close());

  it('every route, with garbage parameters, bodies, tokens and cookies, as anyone and as a planner', async () => {
    const fives: string[] = [];
    const shapeless: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [method, pattern] of routes()) {
      for (const param of [...GARBAGE_PARAMS, 'seeded-1']) {
        const url = pattern.replace(':slug', param === 'seeded-1' ? slug : param).replace(/:(id|userId|token)/, param);
        const bodies = method === 'GET' || method === 'DELETE' ? [undefined] : GARBAGE_BODIES;
        for (const body of bodies) {
          for (const headers of [{}, { authorization: `Bearer ${planner}`, 'x-device-token': DEVICE_A }, { authorization: 'Bearer %%%', cookie: 'coplan_session=\u0000; =;;', 'x-device-token': 'a.b.c' }] as Record<string, string>[]) {
            const options: InjectOptions = { method, url: `${url}?${GARBAGE_QUERY}`, headers: { ...headers, 'last-event-id': '-1e9' } };
            if (body !== undefined) options.payload = JSON.stringify(body);
            if (body !== undefined) options.headers = { ...options.headers, 'content-type': 'application/json' };
            const res = await server.app.inject(options);
            sent += 1;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) fives.push(`${method} ${url.slice(0, 80)} ${JSON.stringify(body)?.slice(0, 40)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
            // every refusal is a JSON error with a code
            if (res.statusCode >= 400 && typeof (JSON.parse(res.body || '{}') as { error?: { code?: unknown } }).error?.code !== 'string') {
              shapeless.push(`${method} ${url.slice(0, 60)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
            }
          }
        }
      }
    }
    console.log(`${sent} bad requests over ${routes().length} routes: ${fives.length} answered 5xx; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(fives).toEqual([]);
    expect(shapeless.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('an unknown content type is 415; a body that is not an object is a 400', async () => {
    for (const type of ['text/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'text/plain']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/pins', headers: { 'content-type': type, 'x-device-token': DEVICE_A }, payload: 'a=1' });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe('unsupported-media-type');
    }
    for (const body of ['[]', '7', '"x"', 'null']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode, body).toBe(400);
    }
  });

  describe('over a real socket', () => {
    let port = 0;
    beforeAll(async () => {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      port = (server.app.server.address() as net.AddressInfo).port;
    });
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const s = net.connect({ port, host: '127.0.0.1' }, () => s.write(request));
        let text = '';
        s.on('data', (d) => (text += d.toString()));
        s.on('close', () => resolve(text));
        s.on('error', () => resolve(text));
        setTimeout(() => s.destroy(), 3000);
      });

    it('huge headers get 431, a body shorter than its Content-Length no 500, a malformed Last-Event-ID a resync', async () => {
      const huge = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\nConnection: close\r\n\r\n`);
      expect(huge.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      const short = await raw('POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{"email":"a@b.c"}');
      // the body never completes: the connection ends without a 5xx (the request timeout answers 408 in production)
      expect(short).not.toMatch(/^HTTP\/1\.1 5/);
      const long = await raw('POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{"email":"a@b.c"}');
      expect(long).not.toMatch(/^HTTP\/1\.1 5/);
      const stream = await raw('GET /api/events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 12abc\u0001\r\nConnection: close\r\n\r\n');
      console.log(`huge headers: ${huge.split('\r\n')[0]}; short body: ${short.split('\r\n')[0] || '(closed)'}; long body: ${long.split('\r\n')[0]}; bad Last-Event-ID: ${stream.split('\r\n')[0]}`);
      expect(stream.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 (200|400)/);
      if (stream.startsWith('HTTP/1.1 200')) expect(stream).toContain('event: resync');
    });
  });
});
