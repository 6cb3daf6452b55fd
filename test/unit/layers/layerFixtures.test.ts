// fixture tests: test/fixtures/in/layer-<case>.{csv,geojson} (+ .mapping.json) -> out/layer-<case>.geojson (REGEN=1 rewrites).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvLayer } from '../../../src/core/layers/parseCsvLayer.ts';
import { parseGeoJsonLayer } from '../../../src/core/layers/parseGeoJsonLayer.ts';
import type { LayerCollection, LayerMapping } from '../../../src/core/layers/layerTypes.ts';
import { regenerateGolden } from '../../support/goldenFile.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const inputs = readdirSync(path.join(fixtures, 'in')).filter((f) => /^layer-.*\.(csv|geojson)$/.test(f));

// simplestyle colours so a reviewer can drop the output on a map and see each theme
const COLOURS: Record<string, string> = { culture: '#7b3294', green: '#1a9641', heritage: '#d7191c' };
const styled = (c: LayerCollection) => ({
  ...c,
  features: c.features.map((f) => ({ ...f, properties: { ...f.properties, 'marker-color': COLOURS[f.properties.theme ?? ''] ?? '#555555' } })),
});

describe('context layer fixtures', () => {
  it('has fixtures to read', () => expect(inputs.length).toBeGreaterThanOrEqual(3));
  for (const file of inputs) {
    it(file, () => {
      const base = file.replace(/\.(csv|geojson)$/, '');
      const mappingFile = path.join(fixtures, 'in', `${base}.mapping.json`);
      const mapping = existsSync(mappingFile) ? (JSON.parse(readFileSync(mappingFile, 'utf8')) as LayerMapping) : {};
      const text = readFileSync(path.join(fixtures, 'in', file), 'utf8');
      const before = JSON.stringify(mapping);
      const result = file.endsWith('.csv') ? parseCsvLayer(text, mapping) : parseGeoJsonLayer(text, mapping);
      expect(JSON.stringify(mapping)).toBe(before);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const out = path.join(fixtures, 'out', `${base}.geojson`);
      const actual = `${JSON.stringify(styled(result.value), null, 1)}\n`;
      regenerateGolden(out, actual);
      expect(actual).toBe(readFileSync(out, 'utf8'));
    });
  }
});
