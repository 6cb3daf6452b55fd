// one linter for the repo; the import-direction rules below make the layering in STYLE.md checkable.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const leaflet = ['leaflet', 'leaflet/*', 'react-leaflet', 'react-leaflet/*'];
const uiLayers = ['**/store/**', '**/map/**', '**/ui/**', '**/app/**', '**/persistence/**', '**/server/**', '**/cli/**'];

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
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'idb', ...leaflet], message: 'src/core is pure: no React, Leaflet, Zustand or IndexedDB.' },
        { group: uiLayers, message: 'src/core imports nothing from the outer layers.' },
      ] }],
    },
  },
  {
    files: ['src/store/**', 'src/persistence/**', 'src/ui/**', 'src/server/**', 'src/cli/**', 'src/app/**'],
    ignores: ['src/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: leaflet, message: 'Only src/map touches Leaflet.' }] }],
    },
  },
  {
    files: ['src/server/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/store/**', '**/map/**', '**/ui/**', '**/app/**', '**/persistence/**', 'react', 'react-dom', ...leaflet], message: 'server and cli use src/core only.' },
      ] }],
    },
  },
);
