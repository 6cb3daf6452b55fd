// entry point of `npm start`: reads the environment, builds the server and listens.
//
// environment:
//   PORT       port to listen on (default 8080)
//   HOST       address to bind (default 127.0.0.1, loopback only; set HOST=0.0.0.0 behind a load balancer or in a container)
//   TILE_URL, TILE_ATTRIBUTION  basemap for the browser (TILE_URL='' means no basemap)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './buildServer.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number 0-65535, got "${process.env.PORT}"`);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = await buildServer({
    distDir: path.join(repoRoot, 'dist'),
    tileUrl: process.env.TILE_URL ?? DEFAULT_TILE_URL,
    tileAttribution: process.env.TILE_ATTRIBUTION ?? DEFAULT_TILE_ATTRIBUTION,
    logger: process.env.LOG !== '0',
  });
  const address = await app.listen({ port, host });
  console.log(`coplan listening on ${address}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
