/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The target for a resident's first load is 180 kB of gzipped JavaScript before the map is interactive: met
 * (159 kB). WARNING: what is measured is the map's frame, which pans and zooms at once (test/e2e/firstLoad.desktop.spec.ts
 * holds everything else back and drags it): React DOM, Leaflet, i18next and react-leaflet take ~135 kB, the rest is
 * the resident page's components and English strings. The start-up (src/app/openPage.tsx: zod/mini's schemas ~18 kB,
 * the API client, storage, sync) is a chunk main.tsx fetches at once beside it, and the area locator another (~4 kB):
 * the basemap, boundaries and pins wait for them and the server's answers, so the page with its data loads ~200 kB in
 * all (196 kB in one file before the split). The build fails above FIRST_LOAD_LIMIT_KB, today's size plus a little, so
 * it can only shrink; lower it as it does, and keep zod out of the entry's static imports.
 */
const FIRST_LOAD_TARGET_KB = 180;
const FIRST_LOAD_LIMIT_KB = 160;

/** where a module comes from: its npm package, or its folder under src (two levels; with FIRST_LOAD_REPORT=files its file) */
function ownerOf(id: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (inPackage) return inPackage[1]!;
  const inSrc = process.env.FIRST_LOAD_REPORT === 'files' ? /\/src\/(.+)$/.exec(id) : /\/src\/([^/]+(?:\/[^/]+)?)\//.exec(id);
  return inSrc ? `src/${inSrc[1]}` : id.replace(/^.*\//, '');
}

/**
 * `FIRST_LOAD_REPORT=1 npx vite build`: what the first load is made of, by package and src folder (`=files`: by file),
 * largest first. WARNING: sizes are each owner's code before minifying, gzipped on its own: good for ranking, but they
 * add up to more than the chunks' real gzipped sizes (the line after them).
 */
function printFirstLoad(chunks: readonly { fileName: string; modules: Record<string, { code: string | null }> }[]): void {
  const code = new Map<string, string>();
  for (const chunk of chunks) {
    for (const [id, module] of Object.entries(chunk.modules)) code.set(ownerOf(id), (code.get(ownerOf(id)) ?? '') + (module.code ?? ''));
  }
  const sizes = [...code].map(([owner, text]) => [owner, gzipSync(text).length / 1000] as const).sort((a, b) => b[1] - a[1]);
  console.log(`first-load chunks: ${chunks.map((c) => c.fileName).join(', ')}`);
  for (const [owner, kb] of sizes.slice(0, 70)) console.log(`  ${kb.toFixed(1).padStart(6)} kB  ${owner}`);
}

/**
 * Prints the gzipped size of the JavaScript the first page loads (the entry chunk and every chunk it imports
 * statically, i.e. English strings included, lazy routes and other languages not) and fails the build above the limit.
 */
function firstLoadBudget(): Plugin {
  return {
    name: 'coplan-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.fileName.startsWith('assets/index-'));
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const chunk = bundle[file];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const bytes = [...seen].reduce((sum, file) => {
        const chunk = bundle[file];
        return sum + (chunk?.type === 'chunk' ? gzipSync(chunk.code).length : 0);
      }, 0);
      if (process.env.FIRST_LOAD_REPORT) printFirstLoad([...seen].map((file) => bundle[file]).filter((c) => c?.type === 'chunk'));
      const kb = bytes / 1000;
      const line = `first load: ${kb.toFixed(1)} kB of gzipped JavaScript in ${seen.size} files (limit ${FIRST_LOAD_LIMIT_KB} kB, target ${FIRST_LOAD_TARGET_KB} kB)`;
      if (kb > FIRST_LOAD_LIMIT_KB) this.error(`${line}: over the limit; load more of it lazily`);
      console.log(line);
    },
  };
}

/**
 * Writes dist/app-files.json, every file of the build (chunks, worker, styles, fonts), for the service worker to
 * precache: /planner and /table are separate chunks the first page never names.
 */
function appFilesList(): Plugin {
  return {
    name: 'coplan-app-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map') && file !== 'index.html')
        .map((file) => `/${file}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'app-files.json', source: JSON.stringify(files) });
    },
  };
}

// one config for the app build and the unit tests: core tests run in node, components in jsdom.
export default defineConfig({
  plugins: [react(), appFilesList(), firstLoadBudget()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 900 },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    pool: 'forks',
    // WARNING: Vitest's default is one worker fewer than the cores, i.e. ONE on a 2-core CI machine, which ran the 172
    // files one after another; most of them wait on servers, child processes, PostgreSQL or timers, so two share 2 cores well
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // a hang guard, not a speed limit: the slowest CPU-bound tests (Seattle's 250 m hexagons) take about 4 s alone on a
    // 2-core CI machine and up to twice that beside another worker; the slower ones over HTTP set their own
    testTimeout: 20_000,
    // the server suites (a third of the files) share their modules within a worker instead of loading the whole server
    // again per file: they keep no module state between files (each opens and closes its own storage and app). The
    // others, with their stores, mocks and jsdom, stay one file per fresh process.
    projects: [
      { extends: true, test: { name: 'server', include: ['test/unit/server/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: ['test/unit/server/**'] } },
    ],
    // measured when asked (`vitest run --coverage`, which `npm test` does); v8's own counters, no instrumentation pass
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test/output/coverage',
    },
  },
});
