import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { asDevice, DEVICE_A, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

describe('serving the app and the basic API', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Coplan test</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    server = await startTestServer({ distDir: dist, tileUrl: '', tileAttribution: 'none' });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers health and config', async () => {
    const health = await server.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true, storage: 'sqlite' });
    const config = await server.app.inject({ url: '/api/config' });
    expect(config.json()).toEqual({ tileUrl: '', tileAttribution: 'none', basemap: { kind: 'none' } });
  });

  it('serves index.html for client routes and static files as themselves', async () => {
    const table = await server.app.inject({ url: '/table' });
    expect(table.statusCode).toBe(200);
    expect(table.headers['content-type']).toContain('text/html');
    expect(table.body).toContain('Coplan test');
    const root = await server.app.inject({ url: '/' });
    expect(root.body).toContain('Coplan test');
    const js = await server.app.inject({ url: '/assets/app.js' });
    expect(js.body).toBe('console.log(1)');
  });

  it('gives JSON 404s for unknown API paths and missing files', async () => {
    const api = await server.app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not-found');
    const file = await server.app.inject({ url: '/assets/missing.js' });
    expect(file.statusCode).toBe(404);
  });

  it('serves areas and themes', async () => {
    expect((await server.app.inject({ url: '/api/areas' })).json().features).toHaveLength(2);
    expect((await server.app.inject({ url: '/api/themes' })).json().map((t: { id: string }) => t.id)).toEqual(['green', 'safety']);
  });
});

describe('compressed answers', () => {
  it('compresses large JSON for clients that accept it, and refuses a compressed body that unpacks past the limit', async () => {
    const server = await startTestServer({ rateLimits: { pinsPerDevicePerMinute: 0 } });
    try {
      for (let i = 0; i < 100; i++) await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: `Crossing ${i}` }) }));
      const plain = await server.app.inject({ url: '/api/pins' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const [encoding, unpack] of [['gzip', zlib.gunzipSync], ['br', zlib.brotliDecompressSync]] as const) {
        const packed = await server.app.inject({ url: '/api/pins', headers: { 'accept-encoding': encoding } });
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(unpack(packed.rawPayload).toString('utf8')).toBe(plain.body);
        expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      }
      const bomb = zlib.gzipSync(Buffer.from(JSON.stringify({ ...pinBody(), pad: 'x'.repeat(5_000_000) })));
      expect(bomb.length).toBeLessThan(16 * 1024);
      const refused = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: bomb }));
      expect(refused.statusCode).toBe(413);
      expect(refused.json().error.code).toBe('body-too-large');
      expect(await server.storage.countPins()).toBe(101);
    } finally {
      await server.close();
    }
  });
});

describe('main.ts start-up', () => {
  const main = path.resolve(import.meta.dirname, '../../../src/server/main.ts');
  const baseEnv = (dataDir: string) => ({ ...process.env, PORT: '0', LOG: '0', DATA_DIR: dataDir, DATABASE_URL: '', COPLAN_ADMIN_EMAIL: '', COPLAN_ADMIN_PASSWORD: '', DIST_DIR: dataDir });

  it('refuses to start with a weak first-admin password, saying why', async () => {
    const { spawnSync } = await import('node:child_process');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-weak-'));
    const env = { ...baseEnv(dataDir), COPLAN_ADMIN_EMAIL: 'it@council.example', COPLAN_ADMIN_PASSWORD: 'password1' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], { env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('COPLAN_ADMIN_PASSWORD is too weak');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('in production starts with no consultation and prints a one-time setup link for the first admin', async () => {
    const { spawn } = await import('node:child_process');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-prod-'));
    const child = spawn(process.execPath, ['--import', 'tsx', main], { env: { ...baseEnv(dataDir), NODE_ENV: 'production' } });
    try {
      let out = '';
      const link = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no setup link within 20 s:\n${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /open (http:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}) before/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      const origin = new URL(link).origin;
      const list = await (await fetch(`${origin}/api/consultations`)).json();
      expect(list).toEqual({ consultations: [] });
      const invitation = await fetch(`${origin}/api${new URL(link).pathname.replace('/invite/', '/invitations/')}`);
      expect(await invitation.json()).toMatchObject({ setup: true });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
