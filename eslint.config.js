// one linter for the repo; the import-direction rules below make the layering in STYLE.md checkable.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

// core ← store/persistence ← map/ui ← app; server and cli use core only (STYLE.md, "The shape of the code").
// each layer may import itself and the layers listed here; every other folder of src is a zone it may not enter.
// i18n is the browser's translations (i18next wired to react): below ui, map and the store, never in core or the server.
const mayImport = {
  core: [],
  i18n: ['core'],
  persistence: ['core'],
  store: ['core', 'persistence', 'i18n'],
  map: ['core', 'store', 'persistence', 'i18n'],
  ui: ['core', 'store', 'persistence', 'i18n'],
  app: ['core', 'store', 'persistence', 'i18n', 'map', 'ui'],
  server: ['core'],
  cli: ['core'],
};
const layers = Object.keys(mayImport);
const zones = layers.flatMap((layer) =>
  layers
    .filter((other) => other !== layer && !mayImport[layer].includes(other))
    .map((other) => ({
      target: `src/${layer}`,
      from: `src/${other}`,
      message: `src/${layer} may import ${mayImport[layer].map((l) => `src/${l}`).join(', ') || 'nothing outside itself'}, not src/${other} (STYLE.md: core ← store/persistence ← map/ui ← app; server and cli use core only).`,
    })),
);

// packages are restricted by name: their resolved paths (node_modules, @types, a symlinked node_modules) are no zone to match
const leaflet = ['leaflet', 'leaflet/*', 'react-leaflet', 'react-leaflet/*'];
const react = ['react', 'react/*', 'react-dom', 'react-dom/*'];
const browserState = ['zustand', 'zustand/*', 'idb', 'idb/*'];
const serverOnly = ['fastify', 'fastify/*', '@fastify/*', 'pg', 'pg/*', 'pg-*', 'better-sqlite3', 'kysely', 'kysely/*', '@node-rs/*'];
const i18next = ['i18next', 'i18next/*', 'react-i18next', 'react-i18next/*'];
const onlyMapTouchesLeaflet = { group: leaflet, message: 'Only src/map touches Leaflet.' };
const browserHasNoServer = { group: serverOnly, message: 'The browser layers never import the server\'s packages (fastify, pg, better-sqlite3, kysely, argon2).' };
const forbiddenPackages = {
  core: [{ group: [...react, ...browserState, ...leaflet, ...serverOnly, ...i18next], message: 'src/core is pure: no React, Leaflet, Zustand, IndexedDB, i18n or server packages.' }],
  i18n: [onlyMapTouchesLeaflet, browserHasNoServer],
  persistence: [onlyMapTouchesLeaflet, browserHasNoServer],
  store: [onlyMapTouchesLeaflet, browserHasNoServer],
  map: [browserHasNoServer],
  ui: [onlyMapTouchesLeaflet, browserHasNoServer],
  app: [onlyMapTouchesLeaflet, browserHasNoServer],
  server: [{ group: [...react, ...browserState, ...leaflet, 'react-i18next', 'react-i18next/*'], message: 'server and cli use src/core only: no React, Leaflet, Zustand or IndexedDB.' }],
  cli: [{ group: [...react, ...browserState, ...leaflet, 'react-i18next', 'react-i18next/*'], message: 'server and cli use src/core only: no React, Leaflet, Zustand or IndexedDB.' }],
};
// node built-ins: the server and the cli run on Node; core runs in the browser and its worker too, and so does the rest.
const runsOnNode = ['server', 'cli'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render user text as text, never as HTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user text as text, never as HTML.' },
      ],
    },
  },
  {
    // playwright fixtures must destructure their first argument, even when they use none of it.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      // WARNING: type-only imports are not followed (they vanish at build time); ignoreExternal keeps it out of node_modules.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // one block per layer, with disjoint files: a later block's options for a rule replace an earlier one's, never add to them.
  ...layers.map((layer) => ({
    files: [`src/${layer}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenPackages[layer] }],
      ...(runsOnNode.includes(layer) ? {} : { 'import-x/no-nodejs-modules': 'error' }),
    },
  })),
);
