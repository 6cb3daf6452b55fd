// reads a map's themes file: the categories residents choose from, with colour, icon and translations.
import './zodJitless.ts';
import { z } from 'zod/mini';
import { parseJson } from './parseJson.ts';
import { storableText } from './storableText.ts';
import { zodProblems } from './validatePin.ts';
import type { Problem, Theme, Validated } from './types.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// `max` is checked after storableText, where full zod's `.max()` after `.superRefine()` put it
const text = (what: string, max?: { length: number; message: string }) =>
  z
    .string({ error: `${what} must be text` })
    .check(z.trim(), z.minLength(1, `${what} must not be empty`), z.superRefine(storableText(what)), ...(max ? [z.maxLength(max.length, max.message)] : []));
const translations = (what: string) =>
  z.record(z.string(), text(what), { error: `${what} must be an object of language code to text` }).check(
    z.superRefine((record, ctx) => {
      // reported on the map itself (not the key) so the rule reads "invalid-labels", not "invalid-english"
      const bad = Object.keys(record).filter((key) => !LANGUAGE.test(key));
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `${what} keys must be language codes such as "en" or "pt-BR", found ${bad.map((k) => `"${k}"`).join(', ')}` });
    }),
  );

const themeSchema = z.object({
  id: z
    .string({ error: 'id must be text' })
    .check(z.maxLength(64, 'id must be at most 64 characters'), z.regex(SLUG, 'id must be a slug: lower-case letters, digits and single hyphens, e.g. "green-space"')),
  label: text('label', { length: 80, message: 'label must be at most 80 characters' }),
  labels: z.optional(translations('labels')),
  description: z.optional(text('description', { length: 500, message: 'description must be at most 500 characters' })),
  descriptions: z.optional(translations('descriptions')),
  colour: z.pipe(
    z.string({ error: 'colour must be text such as "#1b9e77" (British spelling: colour)' }).check(z.regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb, e.g. "#1b9e77"')),
    z.transform((c: string) => c.toLowerCase()),
  ),
  icon: text('icon', { length: 64, message: 'icon must be at most 64 characters' }),
});

/**
 * Parses a themes file: a JSON array of themes, or an object `{ "themes": [...] }`. Ids must be unique slugs,
 * colours #rrggbb (lower-cased on the way in); unknown fields are dropped with a warning.
 * @example
 * parseThemes('[{"id":"green","label":"Green space","colour":"#1B9E77","icon":"tree"}]')
 * // => { ok: true, value: [{ id: 'green', label: 'Green space', colour: '#1b9e77', icon: 'tree' }], warnings: [] }
 */
export function parseThemes(text: string): Validated<Theme[]> {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error], warnings: [] };
  const root = parsed.value;
  const wrapped = typeof root === 'object' && root !== null && !Array.isArray(root);
  const list: unknown = wrapped ? (root as { themes?: unknown }).themes : root;
  const prefix = wrapped ? 'themes' : '';
  if (!Array.isArray(list)) {
    return { ok: false, errors: [{ path: prefix || '(root)', rule: 'invalid-themes', message: 'expected an array of themes, or an object with a "themes" array' }], warnings: [] };
  }
  if (list.length === 0) {
    return { ok: false, errors: [{ path: prefix || '(root)', rule: 'no-themes', message: 'the themes list is empty: a map needs at least one theme' }], warnings: [] };
  }
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const themes: Theme[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const at = `${prefix}[${i}]`;
    const result = themeSchema.safeParse(item);
    if (!result.success) {
      errors.push(...zodProblems(result.error, at).map((p) => withHint(p, item)));
      return;
    }
    const theme = stripUndefined(result.data);
    const first = seen.get(theme.id);
    if (first !== undefined) {
      errors.push({ path: `${at}.id`, rule: 'duplicate-id', message: `theme id "${theme.id}" is used twice (items ${first} and ${i})` });
      return;
    }
    seen.set(theme.id, i);
    const unknown = Object.keys(item as object).filter((key) => !(key in themeSchema.shape));
    if (unknown.length > 0) {
      warnings.push({ path: at, rule: 'unknown-field', message: `theme "${theme.id}": ignored unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}` });
    }
    themes.push(theme);
  });
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value: themes, warnings };
}

// rules name the theme field ("invalid-labels", not "invalid-fr"); and the commonest slip in a themes
// file is the American spelling, so say so instead of only "colour must be text"
function withHint(problem: Problem, item: unknown): Problem {
  const field = /^\w*\[\d+\]\.(\w+)/.exec(problem.path)?.[1];
  const rule = field ? `invalid-${field}` : problem.rule;
  const hasColor = typeof item === 'object' && item !== null && 'color' in item && !('colour' in item);
  const message = rule === 'invalid-colour' && hasColor ? `${problem.message}; found "color": rename it "colour"` : problem.message;
  return { ...problem, rule, message };
}

function stripUndefined(theme: z.infer<typeof themeSchema>): Theme {
  const out: Theme = { id: theme.id, label: theme.label, colour: theme.colour, icon: theme.icon };
  if (theme.labels) out.labels = theme.labels;
  if (theme.description) out.description = theme.description;
  if (theme.descriptions) out.descriptions = theme.descriptions;
  return out;
}
