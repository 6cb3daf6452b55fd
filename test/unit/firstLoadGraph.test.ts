// what the entry imports statically (the build's first load) leaves out zod and the area locator: main.tsx draws the
// map's frame before the start-up chunk (openPage.tsx) with the checks is in. A quick guard beside the build's limit.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** the modules a file imports statically: `import type` and `import()` load nothing at start */
function staticImports(text: string): string[] {
  const found = [...text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)];
  return found.filter((m) => !m[1]).map((m) => m[2]!);
}

/** every source file and package the entry reaches through static imports */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(path.join(root, file), 'utf8'))) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      else if (/\.(tsx?)$/.test(specifier)) visit(path.join(path.dirname(file), specifier));
    }
  };
  visit(entry);
  return { files, packages };
}

describe("the resident's first load", () => {
  it('reads static imports and skips type-only and dynamic ones', () => {
    const text = "import type { A } from './a.ts';\nimport {\n  b,\n} from './b.ts';\nimport './c.css';\nexport { d } from './d.ts';\nconst e = () => import('./e.ts');";
    expect(staticImports(text)).toEqual(['./b.ts', './c.css', './d.ts']);
  });

  const { files, packages } = staticGraph('src/app/main.tsx');

  it('reaches the resident page and the map', () => {
    expect(files).toContain('src/app/ResidentApp.tsx');
    expect(files).toContain('src/map/BootMap.tsx');
    expect(packages).toContain('react-leaflet');
  });

  it('leaves zod, the start-up and the area locator to chunks of their own', () => {
    expect([...packages].filter((p) => p.startsWith('zod'))).toEqual([]);
    expect(files).not.toContain('src/app/openPage.tsx');
    expect(files).not.toContain('src/core/zodJitless.ts');
    expect(files).not.toContain('src/core/createAreaLocator.ts');
    expect(existsSync(path.join(root, 'src/core/createAreaLocator.ts'))).toBe(true);
    // and the start-up chunk does build zod's schemas: the split is where the checks are
    expect(staticGraph('src/app/openPage.tsx').packages).toContain('zod/mini');
  });
});
