// a consultation's design as one versioned file (boundaries, themes with translations, settings) and never resident
// data, so one organisation's practice can start another's consultation on any Coplan server.
import { parseAreas } from '../parseAreas.ts';
import { parseThemes } from '../parseThemes.ts';
import { unstorableText } from '../storableText.ts';
import type { AreaCollection, Problem, Theme, Validated } from '../types.ts';
import { readSettings } from './settings.ts';
import type { ConsultationSettings } from './settings.ts';

export const TEMPLATE_FORMAT = 'coplan-consultation-template';
export const TEMPLATE_VERSION = 1;
const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;
const KNOWN = new Set(['format', 'version', 'title', 'summary', 'areas', 'themes', 'settings']);
/** fields that would carry what residents said or who they are: a template must never bring them along */
const RESIDENT_DATA = new Set(['pins', 'supports', 'audit', 'events', 'ballots', 'comments', 'members', 'users']);

export interface ConsultationTemplate {
  format: typeof TEMPLATE_FORMAT;
  version: typeof TEMPLATE_VERSION;
  title: string;
  summary: string;
  areas: AreaCollection;
  themes: Theme[];
  settings: ConsultationSettings;
}

/**
 * The template of a consultation's design.
 * @example
 * consultationTemplate({ title: 'Park plan', summary: '', areas, themes, settings: DEFAULT_SETTINGS }).format // => 'coplan-consultation-template'
 */
export function consultationTemplate(design: Omit<ConsultationTemplate, 'format' | 'version'>): ConsultationTemplate {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, title: design.title, summary: design.summary, areas: design.areas, themes: design.themes, settings: design.settings };
}

const problem = (path: string, rule: string, message: string): Problem => ({ path, rule, message });
const prefixed = (prefix: string, problems: Problem[]) => problems.map((p) => ({ ...p, path: !p.path ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}` }));

/**
 * Reads a template, refusing it with every problem named by field and rule; nothing about it is trusted.
 * @example
 * readTemplate({ format: 'coplan-consultation-template', version: 2 }).ok // => false: version, "unsupported-version"
 */
export function readTemplate(input: unknown): Validated<ConsultationTemplate> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [problem('', 'not-an-object', 'a template must be a JSON object')], warnings: [] };
  }
  const t = input as Record<string, unknown>;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (t.format !== TEMPLATE_FORMAT) errors.push(problem('format', 'wrong-format', `format must be "${TEMPLATE_FORMAT}"`));
  if (t.version !== TEMPLATE_VERSION) {
    const newer = typeof t.version === 'number' && t.version > TEMPLATE_VERSION;
    errors.push(problem('version', 'unsupported-version', newer ? `version ${t.version} is newer than this server reads (${TEMPLATE_VERSION})` : `version must be ${TEMPLATE_VERSION}`));
  }
  for (const key of Object.keys(t)) {
    if (RESIDENT_DATA.has(key)) errors.push(problem(key, 'resident-data', `a template carries no resident data: remove "${key}"`));
    else if (!KNOWN.has(key)) errors.push(problem(key, 'unknown-field', `"${key}" is not a template field`));
  }
  const title = typeof t.title === 'string' ? t.title.trim() : null;
  if (title === null || title.length === 0 || title.length > TITLE_MAX) errors.push(problem('title', 'invalid-title', `title must be text of 1-${TITLE_MAX} characters`));
  else if (unstorableText(title)) errors.push(problem('title', 'control-character', `title ${unstorableText(title)}`));
  const summary = t.summary === undefined ? '' : typeof t.summary === 'string' ? t.summary.trim() : null;
  if (summary === null || summary.length > SUMMARY_MAX) errors.push(problem('summary', 'invalid-summary', `summary must be text of at most ${SUMMARY_MAX} characters`));
  else if (unstorableText(summary)) errors.push(problem('summary', 'control-character', `summary ${unstorableText(summary)}`));

  const areas = parseAreas(JSON.stringify(t.areas ?? null));
  if (!areas.ok) errors.push(...prefixed('areas', areas.errors));
  warnings.push(...prefixed('areas', areas.warnings));
  const themes = parseThemes(JSON.stringify(t.themes ?? null));
  if (!themes.ok) errors.push(...prefixed('themes', themes.errors));
  warnings.push(...prefixed('themes', themes.warnings));
  const settings = readSettings(t.settings ?? {});
  if (!settings.ok) errors.push(...settings.errors);

  if (errors.length || !areas.ok || !themes.ok || !settings.ok) return { ok: false, errors, warnings };
  return { ok: true, value: consultationTemplate({ title: title!, summary: summary!, areas: areas.value, themes: themes.value, settings: settings.value }), warnings };
}
