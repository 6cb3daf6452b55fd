// a touch-table workshop session: who ran it, where and when; validated when started and when read back.
import './zodJitless.ts';
import { z } from 'zod';
import { storableText } from './storableText.ts';
import type { Problem, Validated } from './types.ts';
import { zodProblems } from './validatePin.ts';

export interface TableSession {
  /** letters, digits, '-' and '_' only, as the server accepts for a pin's sessionId */
  id: string;
  name: string;
  place?: string;
  /** the day of the session, YYYY-MM-DD */
  date: string;
  facilitator?: string;
  /** ISO 8601 */
  startedAt: string;
  endedAt?: string;
  /** pins the facilitator hid from the table and its summary; the pins themselves are kept */
  hiddenPinIds: string[];
  /** when each group after the first came to the table ("next group"), oldest first */
  groupStarts: string[];
  /** the group (from 1) that made each of the session's pins, by pin id; see core/tableGroups.ts */
  pinGroups: Record<string, number>;
}

/** What the facilitator types to start a session. */
export interface TableSessionInput {
  name: string;
  place?: string;
  date: string;
  facilitator?: string;
}

export const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const optionalText = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().max(max, `${field} must be at most ${max} characters`).superRefine(storableText(field)).optional()
    .transform((v) => (v ? v : undefined));
const isoDay = z.string({ error: 'date must be text' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be a day as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date is not a real day');

const inputSchema = z.object({
  name: z.string({ error: 'name must be text' }).trim().min(1, 'name is required').max(80, 'name must be at most 80 characters').superRefine(storableText('name')),
  place: optionalText('place', 80),
  date: isoDay,
  facilitator: optionalText('facilitator', 80),
});

const sessionSchema = z.object({
  id: z.string({ error: 'id must be text' }).regex(SESSION_ID, 'id must be 1–64 letters, digits, "-" or "_"'),
  name: z.string({ error: 'name must be text' }).trim().min(1, 'name is required').max(80).superRefine(storableText('name')),
  place: optionalText('place', 80),
  date: isoDay,
  facilitator: optionalText('facilitator', 80),
  startedAt: z.iso.datetime({ error: 'startedAt must be an ISO 8601 time' }),
  endedAt: z.iso.datetime({ error: 'endedAt must be an ISO 8601 time' }).optional(),
  hiddenPinIds: z.array(z.string().min(1).max(128)).max(10_000).default([]),
  // sessions stored before groups existed read back as one group
  groupStarts: z.array(z.iso.datetime()).max(1000).default([]),
  pinGroups: z.record(z.string().min(1).max(128), z.number().int().min(1).max(1001)).default({}),
});

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks the start-session form: name required, date a real YYYY-MM-DD day, optional place and facilitator.
 * @example
 * validateSessionInput({ name: ' Spring walk ', date: '2026-04-18', place: '' })
 * // => { ok: true, value: { name: 'Spring walk', date: '2026-04-18' }, warnings: [] }
 */
export function validateSessionInput(input: unknown): Validated<TableSessionInput> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error), warnings: [] };
  return { ok: true, value: dropUndefined(parsed.data) as TableSessionInput, warnings: [] };
}

/**
 * Checks a session read back from storage (or any other outside source).
 * @example
 * parseTableSession({ id: 's1', name: 'Walk', date: '2026-04-18', startedAt: '2026-04-18T10:00:00.000Z' }).ok // => true
 */
export function parseTableSession(input: unknown): Validated<TableSession> {
  const parsed = sessionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error), warnings: [] };
  return { ok: true, value: dropUndefined(parsed.data) as TableSession, warnings: [] };
}

/**
 * Makes a new session from checked input; id and clock come from the caller.
 * @example
 * createTableSession({ name: 'Walk', date: '2026-04-18' }, { id: 's1', now: '2026-04-18T10:00:00.000Z' })
 * // => { id: 's1', name: 'Walk', date: '2026-04-18', startedAt: '2026-04-18T10:00:00.000Z', hiddenPinIds: [], groupStarts: [], pinGroups: {} }
 */
export function createTableSession(input: TableSessionInput, context: { id: string; now: string }): TableSession {
  if (!SESSION_ID.test(context.id)) throw new RangeError(`session id "${context.id}" must be 1–64 letters, digits, "-" or "_"`);
  return dropUndefined({ ...input, id: context.id, startedAt: context.now, hiddenPinIds: [], groupStarts: [], pinGroups: {} }) as TableSession;
}

/** One problem per field name, for showing beside form fields. */
export function problemsByField(problems: readonly Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = p.path.split('.')[0] ?? p.path;
    if (!(field in out)) out[field] = p.message;
  }
  return out;
}

/**
 * Reads the idle timeout from a URL query (`?idle=5`, seconds), else the default; nonsense falls back too.
 * @example
 * idleSecondsFrom('?idle=5', 120) // => 5
 */
export function idleSecondsFrom(search: string, fallback = 120): number {
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null || raw.trim() === '') return fallback;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 86_400 ? seconds : fallback;
}
