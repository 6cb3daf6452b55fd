// the themes a new consultation starts with when no template is given: the repository's data/themes.json.
import fs from 'node:fs';
import { parseThemes } from '../core/parseThemes.ts';
import type { Theme } from '../core/types.ts';

/**
 * Reads and validates the default themes; a broken file stops the start with the problems named.
 * @example
 * readDefaultThemes('data/themes.json').length // => 10
 */
export function readDefaultThemes(file: string): Theme[] {
  const parsed = parseThemes(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is not valid: ${parsed.errors.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.value;
}
