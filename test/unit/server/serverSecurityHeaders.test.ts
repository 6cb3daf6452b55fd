// security headers on every kind of answer: the API, a file of the built app, the app's fallback page and 404s.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileSource } from '../../../src/server/security/securityHeaders.ts';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

let distDir: string;
beforeAll(() => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'coplan-headers-'));
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(distDir, 'assets/app.js'), 'console.log(1)');
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const ANSWERS = [
  ['an API answer', '/api/health', 200],
  ['a built file', '/assets/app.js', 200],
  ['the app page for a client route', '/planner', 200],
  ['an unknown API route', '/api/nothing-here', 404],
  ['a missing file', '/assets/missing.js', 404],
] as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

async function withServer(options: { tileUrl: string; secureCookies?: boolean }, run: (server: TestServer) => Promise<void>) {
  const server = await startTestServer({ distDir, ...options });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('security headers', () => {
  it.each(ANSWERS)('are on %s (%s)', async (_what, url, status) => {
    await withServer({ tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' }, async (server) => {
      const res = await server.app.inject({ url });
      expect(res.statusCode).toBe(status);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      // plain http: no HSTS, no upgrade of the app's own requests
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.example.org']);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    });
  });

  it('add HSTS and upgrade-insecure-requests behind HTTPS, and no tile host without a basemap', async () => {
    await withServer({ tileUrl: '', secureCookies: true }, async (server) => {
      const res = await server.app.inject({ url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000$/);
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    });
  });

  it('are on the live-event stream, which writes its own head on the raw response', async () => {
    await withServer({ tileUrl: '' }, async (server) => {
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const abort = new AbortController();
      const res = await fetch(`${address}/api/events`, { signal: abort.signal });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      abort.abort();
    });
  });
});

describe('tileSource', () => {
  it('allows exactly the tile host, with {s} subdomains as a wildcard', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.basemaps.example.com/x/{z}/{x}/{y}@2x.png?key=a')).toBe('https://*.basemaps.example.com');
    expect(tileSource('http://localhost:8081/{z}/{x}/{y}.png')).toBe('http://localhost:8081');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBe('');
    expect(tileSource('')).toBe('');
    expect(() => tileSource("https://evil.example; script-src *'/{z}")).toThrow(/cannot be allowed/);
    expect(contentSecurityPolicy({ tileUrl: '/tiles/{z}/{x}/{y}.png', secure: false })['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });
});
