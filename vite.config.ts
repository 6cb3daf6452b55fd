/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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
  plugins: [react(), appFilesList()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 900 },
  worker: { format: 'es' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // the slowest unit test takes about 2 s here (rate limits over HTTP, Seattle hexagons): 10 s is 4-5x that
    testTimeout: 10_000,
    // measured when asked (`vitest run --coverage`, which `npm test` does); v8's own counters, no instrumentation pass
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test/output/coverage',
    },
  },
});
