// the import direction of STYLE.md, proved against eslint.config.js: a probe import per arrow must fail, from the right rule.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

// the rule this test holds the config to, written out on its own (STYLE.md, "The shape of the code"):
// core ← store/persistence ← map/ui ← app; server and cli use core only; i18n (the browser's translations) sits on core.
const mayImport: Record<string, string[]> = {
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
const browserLayers = ['i18n', 'persistence', 'store', 'map', 'ui', 'app'];

/** every .ts/.tsx file under a folder, sorted, so probes import files that exist whatever the folder's inner layout */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const probePath = (layer: string) => path.join(src, layer, 'lintProbe.ts');
const relativeImport = (from: string, to: string) => {
  const spec = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return spec.startsWith('.') ? spec : `./${spec}`;
};

let eslint: ESLint;
// the first lint loads the config and its plugins (seconds on a busy machine): done here, with time for it, so the
// first probe's 10 s measure only its own lint
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(src, 'core', 'warmUp.ts') });
}, 60_000);

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `eslint linted ${filePath}`).toBeDefined();
  return result!.messages;
}

/** the messages for `import * as probe from '<spec>'` written in a file at filePath */
const probe = (filePath: string, spec: string) => lint(filePath, `import * as probe from '${spec}';\nexport const used = probe;\n`);

const rulesOf = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);

describe('the layers of src', () => {
  it('are exactly the ones this test (and the config) know, so a new folder cannot slip past the zones', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual([...layers].sort());
  });

  it('each hold a source file to probe with', () => {
    for (const layer of layers) expect(sourceFiles(path.join(src, layer)).length, layer).toBeGreaterThan(0);
  });
});

describe('import-x/no-restricted-paths: one probe per pair of layers', () => {
  for (const from of layers) {
    for (const to of layers) {
      if (from === to) continue;
      const allowed = mayImport[from]!.includes(to);
      it(`src/${from} ${allowed ? 'may' : 'may not'} import src/${to}`, async () => {
        const target = sourceFiles(path.join(src, to))[0]!;
        const messages = await probe(probePath(from), relativeImport(probePath(from), target));
        if (allowed) expect(rulesOf(messages)).toEqual([]);
        else {
          expect(messages.map((m) => m.ruleId)).toEqual(['import-x/no-restricted-paths']);
          expect(messages[0]!.message).toContain(`not src/${to}`);
        }
      });
    }
  }
});

describe('packages by layer', () => {
  const forbidden: Array<[layers: string[], packages: string[]]> = [
    [['core'], ['react', 'react-dom/client', 'zustand', 'idb', 'leaflet', 'react-leaflet', 'fastify', '@fastify/static', 'pg', 'better-sqlite3', 'kysely', 'i18next', 'react-i18next']],
    [browserLayers.filter((l) => l !== 'map'), ['leaflet', 'leaflet/dist/leaflet.css', 'react-leaflet']],
    [browserLayers, ['fastify', '@fastify/cookie', 'pg', 'better-sqlite3', 'kysely', '@node-rs/argon2']],
    [['server', 'cli'], ['react', 'react-dom', 'leaflet', 'react-leaflet', 'zustand', 'idb', 'react-i18next']],
  ];
  for (const [inLayers, packages] of forbidden) {
    for (const layer of inLayers) {
      it(`src/${layer} may not import ${packages.join(', ')}`, async () => {
        for (const name of packages) {
          const messages = await probe(probePath(layer), name);
          expect(messages.map((m) => m.ruleId), `${layer} ← ${name}`).toEqual(['no-restricted-imports']);
        }
      });
    }
  }

  const builtins = ['node:fs', 'fs', 'path', 'node:crypto', 'node:worker_threads'];
  for (const layer of ['core', ...browserLayers]) {
    it(`src/${layer} may not import Node built-ins (it runs in the browser)`, async () => {
      for (const name of builtins) {
        const messages = await probe(probePath(layer), name);
        expect(messages.map((m) => m.ruleId), `${layer} ← ${name}`).toEqual(['import-x/no-nodejs-modules']);
      }
    });
  }

  const allowed: Array<[layer: string, packages: string[]]> = [
    ['core', ['zod', '@turf/area', 'flatbush']],
    ['i18n', ['i18next', 'react-i18next']],
    ['persistence', ['idb', 'zod']],
    ['store', ['zustand', 'react']],
    ['map', ['leaflet', 'react-leaflet', 'leaflet/dist/leaflet.css']],
    ['ui', ['react', 'react-i18next']],
    ['app', ['react-dom/client', 'react-i18next']],
    ['server', ['fastify', 'pg', 'better-sqlite3', 'kysely', 'node:fs']],
    ['cli', ['node:fs', 'node:path', '@turf/voronoi']],
  ];
  for (const [layer, packages] of allowed) {
    it(`src/${layer} may import ${packages.join(', ')}`, async () => {
      for (const name of packages) expect(rulesOf(await probe(probePath(layer), name)), `${layer} ← ${name}`).toEqual([]);
    });
  }
});

describe('import-x/no-cycle', () => {
  it('reports a value import that closes a loop', async () => {
    // a core file that value-imports a sibling; the probe makes that sibling import it back
    const importer = sourceFiles(path.join(src, 'core')).find((file) => siblingValueImport(file) !== null);
    expect(importer, 'a core file with a value import of a sibling').toBeDefined();
    const imported = path.resolve(path.dirname(importer!), siblingValueImport(importer!)!);
    const messages = await probe(imported, relativeImport(imported, importer!));
    expect(messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });

  it('leaves a type-only loop alone (it disappears at build time)', async () => {
    const importer = sourceFiles(path.join(src, 'core')).find((file) => siblingValueImport(file) !== null)!;
    const imported = path.resolve(path.dirname(importer), siblingValueImport(importer)!);
    const messages = await lint(imported, `import type * as probe from '${relativeImport(imported, importer)}';\nexport type Used = typeof probe;\n`);
    expect(rulesOf(messages)).toEqual([]);
  });
});

/** the first `import { a, b } from './x.ts'` in a file that brings in at least one value, or null */
function siblingValueImport(file: string): string | null {
  for (const match of readFileSync(file, 'utf8').matchAll(/^import \{([^}]*)\} from '(\.\/[^']+\.ts)';$/gm)) {
    const names = match[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    if (names.some((name) => !name.startsWith('type '))) return match[2]!;
  }
  return null;
}

describe('eslint.config.js', () => {
  it('has no block that names the same glob in files and ignores (such a block checks nothing)', async () => {
    const configUrl = pathToFileURL(path.join(root, 'eslint.config.js')).href;
    const { default: config } = (await import(configUrl)) as { default: Array<{ files?: unknown[]; ignores?: string[] }> };
    expect(config.length).toBeGreaterThan(0);
    const selfCancelling = config.filter((block) => block.files && block.ignores && block.files.flat().some((glob) => block.ignores!.includes(glob as string)));
    expect(selfCancelling).toEqual([]);
  });
});
