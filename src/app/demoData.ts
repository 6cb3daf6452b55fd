// the bundled demo town and themes: themes for every run, boundaries and sample pins to seed a first run.
import { parseAreas } from '../core/parseAreas.ts';
import { parsePins } from '../core/parsePins.ts';
import { parseThemes } from '../core/parseThemes.ts';
import type { AreaCollection, PinFeature, Problem, Theme } from '../core/types.ts';
import demoAreasText from '../../data/demo-areas.geojson?raw';
import demoPinsText from '../../data/demo-pins.geojson?raw';
import themesText from '../../data/themes.json?raw';

export interface BundledData {
  themes: Theme[];
  demoAreas: AreaCollection;
  demoPins: PinFeature[];
}

function explain(file: string, errors: Problem[]): Error {
  return new Error(`${file} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
}

/** Validates the bundled files like any other input; a broken bundle fails loudly at startup. */
export function loadBundledData(): BundledData {
  const themes = parseThemes(themesText);
  if (!themes.ok) throw explain('data/themes.json', themes.errors);
  const areas = parseAreas(demoAreasText);
  if (!areas.ok) throw explain('data/demo-areas.geojson', areas.errors);
  const pins = parsePins(demoPinsText, { areas: areas.value, themes: themes.value });
  if (!pins.ok) throw explain('data/demo-pins.geojson', pins.errors);
  return { themes: themes.value, demoAreas: areas.value, demoPins: pins.value };
}
