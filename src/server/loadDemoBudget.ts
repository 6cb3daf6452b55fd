// reads a demo consultation's budget (data/demo-budget.json): its projects, and voting dates that follow the clock.
import fs from 'node:fs';
import { readBudgetProject, readBudgetSettings } from '../core/budget/budgetWire.ts';
import type { BudgetProjectRecord } from '../core/budget/budgetWire.ts';
import type { AreaCollection, Theme } from '../core/types.ts';
import type { SeedBudget } from './storage/storage.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The budget a demo file describes. `opensInDays` / `closesInDays` (null: no date) are counted from `now`, so the demo
 * is open for voting whenever a new demo database is made. Themes and areas must be the consultation's own.
 * @example
 * loadDemoBudget('data/demo-budget.json', areas, themes, Date.now()).projects.length // => 9
 */
export function loadDemoBudget(file: string, areas: AreaCollection, themes: Theme[], now: number): SeedBudget {
  if (!fs.existsSync(file)) throw new Error(`cannot seed a new database: ${file} is missing`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { projects, opensInDays, closesInDays, ...rest } = raw;
  const at = (days: unknown) => (typeof days === 'number' ? new Date(now + days * DAY).toISOString() : null);
  const settings = readBudgetSettings({ ...rest, opensAt: at(opensInDays), closesAt: at(closesInDays) });
  if (!settings.ok) throw new Error(`${file}: ${settings.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  if (!Array.isArray(projects)) throw new Error(`${file}: projects must be a list`);
  const themeIds = new Set(themes.map((t) => t.id));
  const areaIds = new Set(areas.features.map((f) => String(f.id)));
  const read = projects.map((body: unknown, i): BudgetProjectRecord => {
    const project = readBudgetProject(body);
    if (!project.ok) throw new Error(`${file} projects[${i}]: ${project.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    const { id, ...draft } = project.value;
    if (id === undefined) throw new Error(`${file} projects[${i}] needs an id`);
    if (draft.theme !== null && !themeIds.has(draft.theme)) throw new Error(`${file} projects[${i}].theme "${draft.theme}" is not a theme`);
    if (draft.location && 'areas' in draft.location) for (const a of draft.location.areas) if (!areaIds.has(a)) throw new Error(`${file} projects[${i}]: "${a}" is not an area`);
    return { id, ...draft };
  });
  return { settings: settings.value, projects: read };
}
