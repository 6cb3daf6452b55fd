// reads the demo consultations a new database starts with (data/ in the repo): data/demo-consultations.json names
// each one's areas, themes and pins files.
import fs from 'node:fs';
import path from 'node:path';
import { parseAreas } from '../core/parseAreas.ts';
import { parsePins } from '../core/parsePins.ts';
import { parseThemes } from '../core/parseThemes.ts';
import type { Problem, Validated } from '../core/types.ts';
import { CONSULTATION_STATUSES } from './storage/storage.ts';
import type { NewConsultation, SeedData } from './storage/storage.ts';
import { slugProblem } from '../core/consultations/slug.ts';
import { loadDemoBudget } from './loadDemoBudget.ts';

export const DEMO_CONSULTATIONS_FILE = 'demo-consultations.json';

/** one entry of data/demo-consultations.json: the consultation plus the files (in the same folder) holding its content */
type DemoConsultation = Omit<NewConsultation, 'areas' | 'themes'> & {
  areas: string;
  themes: string;
  /** optional: a missing file means no pins */
  pins: string;
  /** optional: the consultation's budget (see loadDemoBudget.ts) */
  budget?: string;
};

const describeProblems = (file: string, problems: Problem[]) =>
  `${file} is not valid:\n${problems.slice(0, 10).map((p) => `  ${p.path}: ${p.message} (${p.rule})`).join('\n')}`;

function read<T>(file: string, parse: (text: string) => Validated<T>): T {
  if (!fs.existsSync(file)) throw new Error(`cannot seed a new database: ${file} is missing`);
  const result = parse(fs.readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(describeProblems(file, result.errors));
  return result.value;
}

const isDate = (v: unknown) => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

/** the list in demo-consultations.json, checked field by field so a typo names the entry and the field */
function readDemoList(file: string): DemoConsultation[] {
  const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file} must be a JSON array of consultations`);
  return list.map((entry: Record<string, unknown>, i) => {
    const fail = (field: string, rule: string) => new Error(`${file} [${i}].${field} ${rule}`);
    if (typeof entry.slug !== 'string' || slugProblem(entry.slug) !== null) throw fail('slug', slugProblem(String(entry.slug)) ?? 'must be text');
    for (const field of ['title', 'summary', 'areas', 'themes', 'pins']) if (typeof entry[field] !== 'string') throw fail(field, 'must be a string');
    if (!CONSULTATION_STATUSES.includes(entry.status as NewConsultation['status'])) throw fail('status', `must be one of ${CONSULTATION_STATUSES.join(', ')}`);
    for (const field of ['opensAt', 'closesAt']) if (!isDate(entry[field])) throw fail(field, 'must be an ISO 8601 time or null');
    if (typeof entry.settings !== 'object' || entry.settings === null || Array.isArray(entry.settings)) throw fail('settings', 'must be an object');
    return entry as unknown as DemoConsultation;
  });
}

/**
 * Loads the seed from a data folder; an invalid file stops the server with the file and the problem named.
 * `demo: false` (production) seeds no consultations: an admin creates them.
 * @example
 * const seed = loadSeed('data'); seed.consultations.map((c) => c.slug) // => ['neighbourhood-plan', 'parks-and-play-2025']
 */
export function loadSeed(dataDir: string, options: { demo?: boolean } = {}): SeedData {
  if (options.demo === false) return { consultations: [] };
  const listFile = path.join(dataDir, DEMO_CONSULTATIONS_FILE);
  if (!fs.existsSync(listFile)) throw new Error(`cannot seed a new database: ${listFile} is missing`);
  return {
    consultations: readDemoList(listFile).map(({ areas: areasFile, themes: themesFile, pins: pinsFile, budget: budgetFile, ...consultation }) => {
      const areas = read(path.join(dataDir, areasFile), parseAreas);
      const themes = read(path.join(dataDir, themesFile), parseThemes);
      const pinsPath = path.join(dataDir, pinsFile);
      const pins = fs.existsSync(pinsPath) ? read(pinsPath, (text) => parsePins(text, { areas, themes })) : [];
      return {
        ...consultation,
        ...(budgetFile ? { budget: loadDemoBudget(path.join(dataDir, budgetFile), areas, themes, Date.now()) } : {}),
        areas,
        themes,
        pins: pins.map((pin) => ({ ...pin, properties: { ...pin.properties, supports: pin.properties.supports ?? 0, hidden: false } })),
      };
    }),
  };
}
