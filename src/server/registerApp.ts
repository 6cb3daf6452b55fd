// serves the built browser app from dist/, with a SPA fallback to index.html for client-side routes like /table.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './apiError.ts';

export async function registerApp(app: FastifyInstance, distDir: string | null): Promise<void> {
  const hasApp = distDir !== null && fs.existsSync(path.join(distDir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url === '/api' || url.startsWith('/api/')) {
      return reply.status(404).send(errorBody('not-found', `No API route ${request.method} ${url}.`));
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && hasApp && !path.extname(url)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    if (!hasApp) {
      return reply.status(404).send(errorBody('app-not-built', 'The browser app is not built; run `npm run build` (or `npm start`, which builds first).'));
    }
    return reply.status(404).send(errorBody('not-found', `Nothing at ${url}.`));
  });
}
