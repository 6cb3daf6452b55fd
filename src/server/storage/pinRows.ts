// mapping between pin rows and pin features, the same for SQLite and PostgreSQL.
import type { PinKind, Sentiment } from '../../core/types.ts';
import type { Insertable, Selectable } from 'kysely';
import type { ResponseStatus } from '../../core/dialogue/responseStatus.ts';
import type { PinsTable } from './db/database.ts';
import type { PinChanges, ServerPin } from './storage.ts';

export const PIN_COLUMNS = [
  'id', 'kind', 'theme', 'title', 'note', 'sentiment', 'area', 'lng', 'lat', 'created_at', 'updated_at', 'author', 'supports',
  'session_id', 'hidden', 'hidden_reason', 'response_status', 'response_text', 'response_at',
] as const;

export type PinRow = Selectable<Pick<PinsTable, (typeof PIN_COLUMNS)[number]>>;

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
  if (row.response_status !== null && row.response_at !== null) {
    properties.response = { status: row.response_status as ResponseStatus, text: row.response_text ?? '', at: row.response_at };
  }
  return { type: 'Feature', id: row.id, geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] }, properties };
}

/** the row of a new pin; `bool` writes booleans the way the database keeps them */
export function pinToRow(pin: ServerPin, consultationId: string, bool: (b: boolean) => boolean | number): Insertable<PinsTable> {
  const p = pin.properties;
  const [lng, lat] = pin.geometry.coordinates;
  // the answer's columns only when there is one (a seed or import), so the row also fits a schema from before them
  const response = p.response ? { response_status: p.response.status, response_text: p.response.text, response_at: p.response.at } : {};
  return {
    ...response,
    id: pin.id, consultation_id: consultationId, kind: p.kind, theme: p.theme, title: p.title, note: p.note ?? null,
    sentiment: p.sentiment ?? null, area: p.area, lng: lng!, lat: lat!, created_at: p.createdAt, updated_at: p.updatedAt,
    author: p.author ?? null, supports: p.supports ?? 0, session_id: p.sessionId ?? null, hidden: bool(p.hidden),
    hidden_reason: p.hiddenReason ?? null, idem_key: null, idem_fingerprint: null,
  };
}

/** the pin after applying changes, so an update means the same thing on every database */
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

/** the idempotency key is stored scoped by author, so two devices can never collide on the same key */
export function scopedKey(author: string | undefined, key: string): string {
  return `${author ?? '-'}:${key}`;
}
