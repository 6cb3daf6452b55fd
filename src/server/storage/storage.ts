// the storage port of the server: one interface, implemented by the SQLite and PostgreSQL adapters.
import type { AreaCollection, PinFeature, PinKind, PinProperties, Theme } from '../../core/types.ts';
import type { RateCounter } from '../rateLimiter.ts';

/** A pin as the server keeps it: the shared pin shape plus moderation state. `author` is a hash of the device token, never the token. */
export interface ServerPinProperties extends PinProperties {
  hidden: boolean;
  hiddenReason?: string;
}
export type ServerPin = PinFeature & { properties: ServerPinProperties };

export interface PinFilter {
  kind?: PinKind;
  theme?: string;
  area?: string;
  /** [minLng, minLat, maxLng, maxLat] */
  bbox?: readonly [number, number, number, number];
  /** ISO time; only pins updated strictly after it */
  since?: string;
  includeHidden?: boolean;
  /** only pins by this author hash */
  author?: string;
  /** at most this many pins, the first in (created_at, id) order; a caller that must know whether more match asks for one more */
  limit?: number;
}

/** The editable part of a pin, as a storage update. `null` removes an optional field. */
export interface PinChanges {
  kind?: PinKind;
  theme?: string;
  title?: string;
  note?: string | null;
  sentiment?: PinProperties['sentiment'] | null;
  position?: readonly [number, number];
  area?: string;
}

/** Idempotency: the client's key plus a fingerprint of what it sent, so a reused key with a different pin is caught. */
export interface IdempotencyKey {
  key: string;
  fingerprint: string;
}

export type CreatePinResult =
  | { status: 'created'; pin: ServerPin }
  | { status: 'replayed'; pin: ServerPin }
  | { status: 'key-reused'; pin: ServerPin };

export interface Moderation {
  hidden: boolean;
  reason: string;
  actor: string;
  at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: 'hide' | 'restore' | 'replace-areas' | 'replace-themes';
  pinId: string | null;
  reason: string | null;
}

export type ReplaceResult =
  | { ok: true; reassigned: number }
  | { ok: false; code: 'pins-outside-areas' | 'themes-in-use'; count: number; sample: string[] };

/** What changed, for live updates. Hidden pins are announced by id only, so their text does not reach residents. */
export type StorageEvent =
  | { type: 'pin-created' | 'pin-updated'; pin: ServerPin }
  | { type: 'pin-deleted' | 'pin-hidden'; id: string }
  | { type: 'pin-restored'; pin: ServerPin }
  | { type: 'areas-replaced' | 'themes-replaced' };

/** an event as the log keeps it; `event` is null when it must not be sent again (see Storage.eventsAfter) */
export interface LoggedEvent {
  id: number;
  event: StorageEvent | null;
}

export interface SeedData {
  areas: AreaCollection;
  themes: Theme[];
  pins: ServerPin[];
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** rate-limit counts shared by every process using this database; absent, the server counts in its own memory (SQLite: one process) */
  readonly rateCounter?: RateCounter;
  getAreas(): Promise<AreaCollection>;
  getThemes(): Promise<Theme[]>;
  /** all-or-nothing: refuses (ok: false) when any pin would fall outside the new areas; otherwise re-assigns every pin's area */
  replaceAreas(areas: AreaCollection, locate: (p: readonly [number, number]) => string | null, actor: string): Promise<ReplaceResult>;
  /** all-or-nothing: refuses when pins use a theme the new list drops */
  replaceThemes(themes: Theme[], actor: string): Promise<ReplaceResult>;
  listPins(filter?: PinFilter): Promise<ServerPin[]>;
  countPins(): Promise<number>;
  getPin(id: string): Promise<ServerPin | null>;
  /** stores the pin once per (author, idempotency key), even when the same key arrives concurrently */
  createPin(pin: ServerPin, idempotency?: IdempotencyKey): Promise<CreatePinResult>;
  updatePin(id: string, changes: PinChanges, updatedAt: string): Promise<ServerPin | null>;
  deletePin(id: string): Promise<boolean>;
  /** one support per supporter; `added` is false when they had already supported it */
  supportPin(id: string, supporter: string, at: string): Promise<{ pin: ServerPin; added: boolean } | null>;
  /** takes a supporter's support back; `removed` is false when they had not supported it (the count never goes below 0) */
  unsupportPin(id: string, supporter: string, at: string): Promise<{ pin: ServerPin; removed: boolean } | null>;
  moderatePin(id: string, moderation: Moderation): Promise<ServerPin | null>;
  listAudit(limit?: number): Promise<AuditEntry[]>;
  /** live changes with their event-log ids; on PostgreSQL these include changes made by other server processes */
  subscribe(listener: (event: StorageEvent, id: number) => void): () => void;
  /** the newest logged event's id; null before the first change */
  latestEventId(): Promise<number | null>;
  /**
   * What a reconnecting client missed: the logged events after `afterId`, oldest first. Null when they cannot all be
   * given: `afterId` is not an event still kept (pruned, or never given by this database), or more than `limit` followed it.
   * A created/updated/restored event of a pin that is now hidden or deleted comes with `event: null`: its text is not
   * sent again, and the pin's later pin-hidden or pin-deleted event is in the same list.
   * WARNING: on PostgreSQL ids are taken when a transaction writes its event but become visible when it commits, so
   * a smaller id can appear after a larger one a client already saw. The PostgreSQL adapter therefore also returns up to
   * REPLAY_OVERLAP events at or before `afterId`; a client must treat events as idempotent (they are, per pin id).
   * `afterId` 0 means the start of the log (what GET /api/pins reports before any event), valid until the log is pruned.
   */
  eventsAfter(afterId: number, limit: number): Promise<LoggedEvent[] | null>;
  close(): Promise<void>;
}
