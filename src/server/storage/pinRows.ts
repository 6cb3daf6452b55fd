// mapping between pin rows (same columns in SQLite and PostgreSQL) and pin features.
import type { PinKind, Sentiment } from '../../core/types.ts';
import type { PinChanges, ServerPin } from './storage.ts';

export interface PinRow {
  id: string;
  kind: string;
  theme: string;
  title: string;
  note: string | null;
  sentiment: string | null;
  area: string;
  lng: number;
  lat: number;
  created_at: string;
  updated_at: string;
  author: string | null;
  supports: number;
  session_id: string | null;
  hidden: number | boolean;
  hidden_reason: string | null;
}

export const PIN_COLUMNS =
  'id, kind, theme, title, note, sentiment, area, lng, lat, created_at, updated_at, author, supports, session_id, hidden, hidden_reason';

export function rowToPin(row: PinRow): ServerPin {
  const properties: ServerPin['properties'] = {
    id: row.id,
    kind: row.kind as PinKind,
    theme: row.theme,
    title: row.title,
    area: row.area,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    supports: Number(row.supports),
    hidden: Boolean(row.hidden),
  };
  if (row.note !== null) properties.note = row.note;
  if (row.sentiment !== null) properties.sentiment = row.sentiment as Sentiment;
  if (row.author !== null) properties.author = row.author;
  if (row.session_id !== null) properties.sessionId = row.session_id;
  if (row.hidden_reason !== null) properties.hiddenReason = row.hidden_reason;
  return { type: 'Feature', id: row.id, geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] }, properties };
}

/** column values of a new pin, in PIN_COLUMNS order */
export function pinToValues(pin: ServerPin): unknown[] {
  const p = pin.properties;
  const [lng, lat] = pin.geometry.coordinates;
  return [
    pin.id, p.kind, p.theme, p.title, p.note ?? null, p.sentiment ?? null, p.area, lng, lat,
    p.createdAt, p.updatedAt, p.author ?? null, p.supports ?? 0, p.sessionId ?? null, p.hidden, p.hiddenReason ?? null,
  ];
}

/** the pin after applying changes; used by both adapters so an update means the same thing everywhere */
export function applyChanges(pin: ServerPin, changes: PinChanges, updatedAt: string): ServerPin {
  const properties = { ...pin.properties, updatedAt };
  if (changes.kind !== undefined) properties.kind = changes.kind;
  if (changes.theme !== undefined) properties.theme = changes.theme;
  if (changes.title !== undefined) properties.title = changes.title;
  if (changes.area !== undefined) properties.area = changes.area;
  if (changes.note === null) delete properties.note;
  else if (changes.note !== undefined) properties.note = changes.note;
  if (changes.sentiment === null) delete properties.sentiment;
  else if (changes.sentiment !== undefined) properties.sentiment = changes.sentiment;
  const coordinates = changes.position ? [changes.position[0], changes.position[1]] : [...pin.geometry.coordinates];
  return { ...pin, geometry: { type: 'Point', coordinates }, properties };
}

export const AUDIT_COLUMNS = 'id, at, actor, action, pin_id, reason';
