// a consultation's settings: small-count k, which parts are on, the privacy notice and the boundary copyright line.
import '../zodJitless.ts';
import { z } from 'zod';
import { storableText } from '../storableText.ts';
import { zodProblems } from '../validatePin.ts';
import type { Validated } from '../types.ts';

export interface ConsultationSettings {
  /** counts from 1 to minCount−1 are hidden from the public (0 turns protection off) */
  minCount: number;
  parts: { map: boolean; table: boolean };
  /** what is kept, for how long, who sees it: written by the planners; a default text is shown when absent */
  privacyNotice?: string;
  /** shown on exports and the map, e.g. "Contains OS data © Crown copyright and database right 2024" */
  boundaryCopyright?: string;
  /** the areas' property holding their population (e.g. census population), for contributions per 1,000 residents */
  populationProperty?: string;
  /** who is asking, shown to residents, e.g. "Millbrook Town Council, planning team"; a default is shown when absent */
  askedBy?: string;
}

export const DEFAULT_SETTINGS: ConsultationSettings = { minCount: 5, parts: { map: true, table: true } };

const text = (what: string, max: number) => z.string({ error: `${what} must be text` }).trim().max(max, `${what} must be at most ${max} characters`).superRefine(storableText(what));

export const settingsSchema = z
  .object(
    {
      minCount: z.number({ error: 'minCount must be a number' }).int('minCount must be a whole number').min(0, 'minCount must be 0 or more').max(100, 'minCount must be at most 100'),
      parts: z
        .object({ map: z.boolean({ error: 'parts.map must be true or false' }), table: z.boolean({ error: 'parts.table must be true or false' }) }, { error: 'parts must be { "map": true|false, "table": true|false }' })
        .strict(),
      privacyNotice: text('privacyNotice', 5000),
      boundaryCopyright: text('boundaryCopyright', 300),
      populationProperty: text('populationProperty', 100),
      askedBy: text('askedBy', 200),
    },
    { error: 'settings must be an object' },
  )
  .partial()
  .strict();

/**
 * Validates settings (or a change to them) and merges them over `base`; unknown fields are refused, naming them.
 * @example
 * readSettings({ minCount: 3 }).ok // => true, with parts kept from the defaults
 * readSettings({ minCount: -1 }).ok // => false: settings.minCount, "too_small"
 */
export function readSettings(input: unknown, base: ConsultationSettings = DEFAULT_SETTINGS): Validated<ConsultationSettings> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error, 'settings'), warnings: [] };
  const merged: ConsultationSettings = { ...base, ...stripUndefined(parsed.data) } as ConsultationSettings;
  if (merged.privacyNotice === '') delete merged.privacyNotice;
  if (merged.boundaryCopyright === '') delete merged.boundaryCopyright;
  if (merged.populationProperty === '') delete merged.populationProperty;
  if (merged.askedBy === '') delete merged.askedBy;
  return { ok: true, value: merged, warnings: [] };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** settings as stored (possibly by an older version): unknown or bad fields fall back to the defaults */
export function storedSettings(stored: Record<string, unknown>): ConsultationSettings {
  const read = readSettings(stored);
  return read.ok ? read.value : DEFAULT_SETTINGS;
}
