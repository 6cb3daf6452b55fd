// what parseAreas decides for a boundaries file, in short: accepted or not, with each problem's rule and place.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAreas } from '../../src/core/parseAreas.ts';
import { AREA_CASES } from '../bench/pathologicalAreas.ts';

export interface Verdict {
  ok: boolean;
  problems: string[];
}

/** the verdict of one text: ok, and "rule at path" for every error and warning */
export function verdictOf(text: string): Verdict {
  const result = parseAreas(text);
  const problems = [...(result.ok ? [] : result.errors), ...result.warnings].map((p) => `${p.rule} at ${p.path}: ${p.message}`);
  return { ok: result.ok, problems };
}

/** every malformed or real file in the shared data (../shared/data and its bad/), the import fixtures and the bench's cases */
export function verdictInputs(shared: string, fixtures: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (existsSync(shared)) {
    for (const f of readdirSync(shared)) if (f.endsWith('.geojson')) inputs[`shared/${f}`] = readFileSync(path.join(shared, f), 'utf8');
    for (const f of readdirSync(path.join(shared, 'bad'))) if (f.endsWith('.geojson')) inputs[`shared/bad/${f}`] = readFileSync(path.join(shared, 'bad', f), 'utf8');
  }
  for (const f of readdirSync(fixtures)) if (f.startsWith('import-') && f.endsWith('.geojson')) inputs[`fixtures/${f}`] = readFileSync(path.join(fixtures, f), 'utf8');
  for (const c of AREA_CASES) inputs[`bench/${c.name}`] = c.make(c.name === 'concentric-diamonds' ? 400 : 300);
  return inputs;
}
