// Playwright's global setup: bundles src/server/main.ts once into one JavaScript file that every e2e test's server
// starts from with plain `node`. Through tsx each start loaded every module via its loader hooks (1.7 s idle, 4-5 s on a
// busy 2-core machine); the bundle starts in half that, and the suite starts a server per test (~170 per run).
// WARNING: the e2e servers then run esbuild's bundle, not tsx: the unit tests (attackStartup, serverApp) still start
// src/server/main.ts through tsx as `npm start` does, and E2E_SERVER=tsx runs the e2e suite that way too (stack
// traces then name the .ts sources; the bundle's name its own lines).
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** where the e2e servers start from (test/output is never committed) */
export const SERVER_BUNDLE = path.join(repoRoot, 'test/output/e2e-server/main.mjs');

/**
 * Every module keeps its own `import.meta.url`, the URL of its source file, so paths made from it (the repository
 * root, the data folder, worker bodies such as `new URL('./countWorker.ts', import.meta.url)`, which still run through
 * tsx in their worker thread) are the same as when tsx runs the sources.
 */
function sourceImportMetaUrl(): Plugin {
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /[/\\]src[/\\].*\.tsx?$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

export default async function bundleServer(): Promise<void> {
  if (process.env.E2E_SERVER === 'tsx') return;
  await build({
    entryPoints: [path.join(repoRoot, 'src/server/main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // packages load from node_modules as they do under tsx (native modules, fastify's plugins)
    packages: 'external',
    logLevel: 'warning',
    plugins: [sourceImportMetaUrl()],
  });
}
