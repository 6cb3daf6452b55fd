// composes the fastify app: JSON API under /api plus the built browser app; no env reading here (main.ts does that).
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { handleError } from './apiError.ts';
import { registerApp } from './registerApp.ts';

export interface ServerOptions {
  /** folder with the built app (vite's dist/); null serves the API only */
  distDir: string | null;
  /** basemap tile URL template; '' means no basemap */
  tileUrl: string;
  tileAttribution: string;
  storageKind?: 'sqlite' | 'postgres';
  /** largest accepted request body in bytes */
  bodyLimit?: number;
  logger?: boolean;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Builds (but does not start) the server, so tests can use app.inject or listen on port 0.
 * @example
 * const app = await buildServer({ distDir: null, tileUrl: '', tileAttribution: '' });
 * const res = await app.inject({ url: '/api/health' }); // => 200 { ok: true, storage: 'sqlite' }
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  app.setErrorHandler(handleError);

  app.get('/api/health', async () => ({ ok: true, storage: options.storageKind ?? 'sqlite' }));
  app.get('/api/config', async () => ({ tileUrl: options.tileUrl, tileAttribution: options.tileAttribution }));

  await registerApp(app, options.distDir);
  return app;
}
