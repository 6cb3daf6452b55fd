// turns one source record (a CSV row or a GeoJSON feature's properties) into a layer's flat properties, or problems.
import { unstorableText } from '../storableText.ts';
import type { Problem } from '../types.ts';
import { MAX_CATEGORY_LENGTH, MAX_NAME_LENGTH } from './layerTypes.ts';
import type { LayerMapping, LayerProperties } from './layerTypes.ts';

/** the column names a name or a category is found under when the mapping does not say (any letter case) */
export const NAME_KEYS = ['name', 'title', 'label', 'site_name', 'asset_name', 'nazwa', 'enw'];
export const CATEGORY_KEYS = ['category', 'type', 'class', 'kind', 'asset_type', 'kategoria', 'math'];

/**
 * The key of `record` that holds a field: the mapping's own choice, else the first common name (any letter case).
 * @example
 * findKey(['ID', 'Site Name', 'Name'], undefined, ['name']) // => 'Name'
 */
export function findKey(keys: readonly string[], chosen: string | undefined, common: readonly string[]): string | undefined {
  if (chosen !== undefined) return keys.includes(chosen) ? chosen : undefined;
  const lower = keys.map((k) => k.trim().toLowerCase());
  for (const name of common) {
    const i = lower.indexOf(name);
    if (i >= 0) return keys[i];
  }
  return undefined;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/**
 * One record's `{ name, category, theme? }` under a mapping; `where` names the row or feature in each problem.
 * @example
 * layerProperties({ Nazwa: 'Park', Typ: 'green' }, { name: 'Nazwa', category: 'Typ', themeByCategory: { green: 'parks' } }, { path: 'row 2' })
 * // => { properties: { name: 'Park', category: 'green', theme: 'parks' }, problems: [] }
 */
export function layerProperties(record: Record<string, unknown>, mapping: LayerMapping, where: { path: string; feature?: number }): { properties: LayerProperties; problems: Problem[] } {
  const keys = Object.keys(record);
  const problems: Problem[] = [];
  const problem = (rule: string, message: string) => problems.push({ ...where, rule, message: `${where.path}: ${message}` });
  const nameKey = findKey(keys, mapping.name, NAME_KEYS);
  const categoryKey = findKey(keys, mapping.category, CATEGORY_KEYS);
  const name = nameKey === undefined ? '' : asText(record[nameKey]);
  const category = categoryKey === undefined ? '' : asText(record[categoryKey]);
  if (name === '') problem('missing-name', nameKey === undefined ? 'no name column or property (say which one in mapping.name)' : `the name (${nameKey}) is empty`);
  if (name.length > MAX_NAME_LENGTH) problem('name-too-long', `the name has ${name.length} characters; at most ${MAX_NAME_LENGTH}`);
  if (category.length > MAX_CATEGORY_LENGTH) problem('category-too-long', `the category has ${category.length} characters; at most ${MAX_CATEGORY_LENGTH}`);
  for (const [field, text] of [['name', name], ['category', category]] as const) {
    const bad = unstorableText(text);
    if (bad) problem('unstorable-text', `the ${field} ${bad}; text may not hold control characters`);
  }
  const themes = mapping.themeByCategory;
  const theme = themes && Object.hasOwn(themes, category) ? themes[category] : undefined;
  const properties: LayerProperties = theme === undefined ? { name, category } : { name, category, theme };
  return { properties, problems };
}
