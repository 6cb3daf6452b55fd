import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/serverHarness.ts';
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
    expect(config.json()).toEqual({ tileUrl: '', tileAttribution: 'none' });
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

describe('main.ts start-up checks', () => {
  it('refuses to start in production without a planner passphrase', async () => {
    const { spawnSync } = await import('node:child_process');
    const env = { ...process.env, NODE_ENV: 'production', COPLAN_PASSPHRASE: '', COPLAN_PASSPHRASE_FILE: '', PORT: '0', LOG: '0' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../../src/server/main.ts')], { env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('NODE_ENV=production needs a planner passphrase');
  });
});
