// reads the demo areas, themes and pins that a new database starts with (data/ in the repo).
import fs from 'node:fs';
import path from 'node:path';
import { parseAreas } from '../core/parseAreas.ts';
import { parsePins } from '../core/parsePins.ts';
import { parseThemes } from '../core/parseThemes.ts';
import type { Problem, Validated } from '../core/types.ts';
import type { SeedData } from './storage/storage.ts';

const describeProblems = (file: string, problems: Problem[]) =>
  `${file} is not valid:\n${problems.slice(0, 10).map((p) => `  ${p.path}: ${p.message} (${p.rule})`).join('\n')}`;

function read<T>(file: string, parse: (text: string) => Validated<T>): T {
  const result = parse(fs.readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(describeProblems(file, result.errors));
  return result.value;
}

/**
 * Loads the seed from a data folder; an invalid file stops the server with the file and the problem named.
 * Missing pins are fine (no demo pins); missing areas or themes are not.
 * @example
 * const seed = loadSeed('data'); seed.areas.features.length // => the demo neighbourhoods
 */
export function loadSeed(dataDir: string): SeedData {
  const areasFile = path.join(dataDir, 'demo-areas.geojson');
  const themesFile = path.join(dataDir, 'themes.json');
  const pinsFile = path.join(dataDir, 'demo-pins.geojson');
  for (const file of [areasFile, themesFile]) {
    if (!fs.existsSync(file)) throw new Error(`cannot seed a new database: ${file} is missing`);
  }
  const areas = read(areasFile, parseAreas);
  const themes = read(themesFile, parseThemes);
  const pins = fs.existsSync(pinsFile) ? read(pinsFile, (text) => parsePins(text, { areas, themes })) : [];
  return { areas, themes, pins: pins.map((pin) => ({ ...pin, properties: { ...pin.properties, supports: pin.properties.supports ?? 0, hidden: false } })) };
}
