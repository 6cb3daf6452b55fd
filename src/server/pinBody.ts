// reads pin bodies of POST and PATCH /api/pins into validated drafts and changes, with precise problems.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { PinDraft, Problem } from '../core/types.ts';
import { lngLatSchema, readSessionId, validatePinDraft, zodProblems } from '../core/validatePin.ts';
import type { ServerPin } from './storage/storage.ts';

const pointSchema = z.object({
  type: z.literal('Point', { error: 'geometry.type must be "Point"' }),
  coordinates: lngLatSchema,
});

/** the id a device gives the pin it makes (one identity from birth); lower-cased so one pin has one spelling */
const deviceIdSchema = z
  .string({ error: 'id must be text: a UUID made on the device' })
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'id must be a UUID such as "3f2b8c9e-1d4a-4c6b-9e2f-7a1b2c3d4e5f"')
  .transform((id) => id.toLowerCase());

const featureSchema = z.object({
  type: z.literal('Feature', { error: 'type must be "Feature"' }),
  id: deviceIdSchema.optional(),
  geometry: pointSchema,
  properties: z.record(z.string(), z.unknown(), { error: 'properties must be an object' }),
});

export type BodyResult<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

/**
 * a new pin: a GeoJSON Point Feature whose properties hold the resident's fields, and optionally the UUID the device made
 * for it (kept as the pin's id); area, times and author are the server's
 */
export function readNewPin(body: unknown, themeIds: ReadonlySet<string>): BodyResult<{ draft: PinDraft; sessionId?: string; id?: string }> {
  const feature = featureSchema.safeParse(body);
  if (!feature.success) return { ok: false, errors: zodProblems(feature.error) };
  const { properties, geometry } = feature.data;
  const fields = Object.fromEntries(Object.entries(pick(properties)).filter(([, v]) => v !== null));
  const draft = validatePinDraft({ ...fields, position: geometry.coordinates }, themeIds);
  if (!draft.ok) return { ok: false, errors: draft.errors.map((p) => ({ ...p, path: p.path === 'position' ? 'geometry.coordinates' : `properties.${p.path}` })) };
  const session = readSessionId(properties);
  if (!session.ok) return { ok: false, errors: session.errors.map((p) => ({ ...p, path: `properties.${p.path}` })) };
  const { id } = feature.data;
  return { ok: true, value: { draft: draft.value, ...(session.value ? { sessionId: session.value } : {}), ...(id ? { id } : {}) } };
}

const patchSchema = z.object({
  type: z.literal('Feature').optional(),
  geometry: pointSchema.optional(),
  properties: z.record(z.string(), z.unknown(), { error: 'properties must be an object' }).optional(),
}, { error: 'the body must be an object (a partial pin Feature)' });

/** a PATCH merges onto the stored pin and the whole result is validated again, so an edit can never produce an invalid pin */
export function readPinPatch(body: unknown, current: ServerPin, themeIds: ReadonlySet<string>): BodyResult<PinDraft> {
  const patch = patchSchema.safeParse(body);
  if (!patch.success) return { ok: false, errors: zodProblems(patch.error) };
  const p = current.properties;
  const merged: Record<string, unknown> = { kind: p.kind, theme: p.theme, title: p.title, note: p.note, sentiment: p.sentiment };
  for (const [key, value] of Object.entries(pick(patch.data.properties ?? {}))) merged[key] = value === null ? undefined : value;
  merged.position = patch.data.geometry?.coordinates ?? current.geometry.coordinates;
  const draft = validatePinDraft(merged, themeIds);
  if (!draft.ok) return { ok: false, errors: draft.errors.map((e) => ({ ...e, path: e.path === 'position' ? 'geometry.coordinates' : `properties.${e.path}` })) };
  return { ok: true, value: draft.value };
}

/** a stable fingerprint of what was asked, so a reused idempotency key with a different pin can be refused */
export function draftFingerprint(draft: PinDraft, sessionId?: string): string {
  const canonical = [draft.kind, draft.theme, draft.title, draft.note ?? '', draft.sentiment ?? '', draft.position[0], draft.position[1], sessionId ?? ''];
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const EDITABLE = ['kind', 'theme', 'title', 'note', 'sentiment'] as const;
function pick(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of EDITABLE) if (key in properties) out[key] = properties[key];
  return out;
}
