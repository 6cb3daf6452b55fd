import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/buildServer.ts';

describe('serving the app and the basic API', () => {
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Coplan test</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    app = await buildServer({ distDir: dist, tileUrl: '', tileAttribution: 'none' });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers health and config', async () => {
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true, storage: 'sqlite' });
    const config = await app.inject({ url: '/api/config' });
    expect(config.json()).toEqual({ tileUrl: '', tileAttribution: 'none' });
  });

  it('serves index.html for client routes and static files as themselves', async () => {
    const table = await app.inject({ url: '/table' });
    expect(table.statusCode).toBe(200);
    expect(table.headers['content-type']).toContain('text/html');
    expect(table.body).toContain('Coplan test');
    const root = await app.inject({ url: '/' });
    expect(root.body).toContain('Coplan test');
    const js = await app.inject({ url: '/assets/app.js' });
    expect(js.body).toBe('console.log(1)');
  });

  it('gives JSON 404s for unknown API paths and missing files', async () => {
    const api = await app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not-found');
    const file = await app.inject({ url: '/assets/missing.js' });
    expect(file.statusCode).toBe(404);
  });
});
