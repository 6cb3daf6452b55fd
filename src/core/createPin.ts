// makes and edits pins as new objects; ids, areas and clocks come from the caller so this stays pure.
import type { PinDraft, PinFeature, PinProperties } from './types.ts';

export interface PinContext {
  id: string;
  /** id of the area containing the position (see createAreaLocator) */
  area: string;
  /** ISO 8601 time used for createdAt and updatedAt */
  now: string;
  author?: string;
  sessionId?: string;
}

export type PinChanges = Partial<Pick<PinProperties, 'kind' | 'theme' | 'title' | 'note' | 'sentiment'>>;

/**
 * Turns a validated draft into a pin feature. Optional fields are only present when they have a value.
 * @example
 * createPin({ kind: 'asset', theme: 'green', title: 'Park', position: [-2.24, 53.48] }, { id: 'p1', area: 'E05011368', now: '2025-01-01T00:00:00.000Z' })
 * // => { type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [-2.24, 53.48] },
 * //      properties: { id: 'p1', kind: 'asset', theme: 'green', title: 'Park', area: 'E05011368', createdAt: '2025-…', updatedAt: '2025-…' } }
 */
export function createPin(draft: PinDraft, context: PinContext): PinFeature {
  const properties: PinProperties = {
    id: context.id,
    kind: draft.kind,
    theme: draft.theme,
    title: draft.title,
    area: context.area,
    createdAt: context.now,
    updatedAt: context.now,
  };
  if (draft.note) properties.note = draft.note;
  if (draft.sentiment) properties.sentiment = draft.sentiment;
  if (context.author) properties.author = context.author;
  if (context.sessionId) properties.sessionId = context.sessionId;
  return {
    type: 'Feature',
    id: context.id,
    geometry: { type: 'Point', coordinates: [draft.position[0], draft.position[1]] },
    properties,
  };
}

/**
 * Returns a copy of the pin with the changes applied and updatedAt set to `now`. A change to
 * `undefined` or '' for note or sentiment removes that field. Position and area are not editable here.
 * @example
 * updatePin(pin, { title: 'Bigger park', note: '' }, '2025-02-01T00:00:00.000Z').properties
 * // => { …pin.properties, title: 'Bigger park', updatedAt: '2025-02-01T00:00:00.000Z' } (note removed)
 */
export function updatePin(pin: PinFeature, changes: PinChanges, now: string): PinFeature {
  const properties: PinProperties = { ...pin.properties, updatedAt: now };
  for (const key of ['kind', 'theme', 'title', 'note', 'sentiment'] as const) {
    if (!(key in changes)) continue;
    const value = changes[key];
    if (value === undefined || value === '') {
      if (key === 'note' || key === 'sentiment') delete properties[key];
    } else {
      (properties as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return { ...pin, geometry: { type: 'Point', coordinates: [...pin.geometry.coordinates] }, properties };
}
