// the storage port of the server: one implementation (Kysely) over SQLite and PostgreSQL; everything a resident or
// planner makes belongs to one consultation, reached through Storage.consultation(id).
import type { AreaCollection, PinFeature, PinKind, PinProperties, Theme } from '../../core/types.ts';
import type { RateCounter } from '../rateLimiter.ts';
import type { StaffUser, NewStaffUser, Invitation, SignInSession, Membership } from './staffRecords.ts';
import type { DialogueStorage, StoredComment } from './dialogue.ts';
import type { BudgetProjectRecord, BudgetSettings } from '../../core/budget/budgetWire.ts';
import type { BudgetStorage } from './budgetStorage.ts';
import type { LayerStorage } from './layerStorage.ts';

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
  /** only pins by this author hash (any of them: a device's keyed hash and the unkeyed one of its older pins) */
  author?: string | readonly string[];
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
  /** the pin's id is already taken by another pin (another device, or another consultation): nothing stored */
  | { status: 'id-taken' }
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
  action: 'hide' | 'restore' | 'answer' | 'hide-comment' | 'restore-comment' | 'feature-quote' | 'unfeature-quote' | 'replace-areas' | 'replace-themes' | 'create-consultation' | 'update-consultation' | 'set-member' | 'remove-member';
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
  | { type: 'areas-replaced' | 'themes-replaced' | 'consultation-updated' }
  /** a planner answered the pin (its `response` changed) */
  | { type: 'pin-answered'; pin: ServerPin }
  | { type: 'comment-created' | 'comment-updated' | 'comment-restored'; comment: StoredComment }
  | { type: 'comment-deleted' | 'comment-hidden'; id: string; pinId: string };

/** an event as the log keeps it; `event` is null when it must not be sent again (see ConsultationStorage.eventsAfter) */
export interface LoggedEvent {
  id: number;
  event: StorageEvent | null;
}

// ---- consultations -------------------------------------------------------------------------------------------

/** as stored; the server clock's opensAt/closesAt rule is applied by core (effectiveStatus), not here */
import type { ConsultationStatus } from '../../core/consultations/lifecycle.ts';
export type { ConsultationStatus } from '../../core/consultations/lifecycle.ts';
export { CONSULTATION_STATUSES } from '../../core/consultations/lifecycle.ts';

export interface Consultation {
  /** a UUID; never shown in URLs (the slug is) */
  id: string;
  /** unique, lower-case letters, digits and '-' (validated by core before it reaches storage) */
  slug: string;
  title: string;
  summary: string;
  status: ConsultationStatus;
  /** ISO 8601 or null */
  opensAt: string | null;
  closesAt: string | null;
  /** when `status` was last set (creation or a PATCH), ISO 8601 */
  statusChangedAt: string;
  /** a JSON object validated by core (small-count k, parts on, privacy notice, later the budget); kept as given */
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface NewConsultation {
  slug: string;
  title: string;
  summary: string;
  status: ConsultationStatus;
  opensAt: string | null;
  closesAt: string | null;
  settings: Record<string, unknown>;
  areas: AreaCollection;
  themes: Theme[];
}

export type ConsultationChanges = Partial<Pick<Consultation, 'title' | 'summary' | 'status' | 'opensAt' | 'closesAt' | 'settings'>>;

// ---- staff accounts (staffRecords.ts) ----------------------------------------------------------------------
export type { StaffRole, MemberRole, StaffUser, NewStaffUser, Invitation, SignInSession, Membership } from './staffRecords.ts';

/** the demo or first-run content of a new database: consultations with their areas, themes and pins */
export interface SeedData {
  consultations: (NewConsultation & { pins: ServerPin[]; budget?: SeedBudget })[];
}

/** a seeded consultation's budget: its settings and projects (no ballots) */
export interface SeedBudget {
  settings: BudgetSettings;
  projects: BudgetProjectRecord[];
}

/**
 * The whole database: consultations, staff, and (through `consultation(id)`) everything inside one consultation.
 * Methods never throw for an expected refusal: they return a code.
 */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** rate-limit counts shared by every process using this database; absent, the server counts in its own memory (SQLite: one process) */
  readonly rateCounter?: RateCounter;

  /** every consultation, oldest first (the oldest is the default one the unscoped routes serve), each with its visible pin count */
  listConsultations(): Promise<(Consultation & { pins: number })[]>;
  getConsultation(slug: string): Promise<Consultation | null>;
  getConsultationById(id: string): Promise<Consultation | null>;
  /** creates it with its areas and themes (and audit entry) in one transaction */
  createConsultation(input: NewConsultation, actor: string): Promise<{ ok: true; consultation: Consultation } | { ok: false; code: 'slug-taken' }>;
  /** changes it, writes an audit entry, and logs a `consultation-updated` event in it; null when there is no such consultation */
  updateConsultation(id: string, changes: ConsultationChanges, actor: string, at: string): Promise<Consultation | null>;
  /** what lives inside one consultation; cheap (no I/O), and a consultation id that does not exist sees nothing */
  consultation(id: string): ConsultationStorage;

  createUser(user: NewStaffUser): Promise<{ ok: true; user: StaffUser } | { ok: false; code: 'email-taken' }>;
  getUser(id: string): Promise<StaffUser | null>;
  /** for sign-in: the user with their password hash; `email` is matched case-insensitively */
  findUserByEmail(email: string): Promise<(StaffUser & { passwordHash: string | null }) | null>;
  listUsers(): Promise<StaffUser[]>;
  countAdmins(): Promise<number>;
  /** sets the hash and deletes every session of the user (a password change signs them out everywhere) */
  setPassword(userId: string, passwordHash: string): Promise<boolean>;
  /** removes the user, their sessions, memberships and invitations; false when there was none */
  deleteUser(userId: string): Promise<boolean>;

  createInvitation(invitation: Invitation): Promise<void>;
  /** the invitation if it exists and has not expired at `now` (ISO), without using it */
  findInvitation(tokenHash: string, now: string): Promise<Invitation | null>;
  /** takes it once, atomically: the second of two concurrent calls gets null; so does an expired one */
  useInvitation(tokenHash: string, now: string): Promise<Invitation | null>;

  /** only the SHA-256 of the session token is stored, so a database dump holds no usable token */
  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void>;
  /** the signed-in user, or null when the session does not exist, was revoked or expired at `now` */
  findSession(tokenHash: string, now: string): Promise<SignInSession | null>;
  deleteSession(tokenHash: string): Promise<void>;

  setMembership(membership: Membership, actor: string): Promise<void>;
  removeMembership(consultationId: string, userId: string, actor: string): Promise<boolean>;
  membershipsOf(userId: string): Promise<Membership[]>;
  membersOf(consultationId: string): Promise<(Membership & { user: StaffUser })[]>;

  /**
   * The server's secret (signs device tokens, keys author and address hashes): the stored one, or `generate()`'s,
   * stored first if there was none, so every process on one database gets the same, even when they start together.
   */
  serverSecret(generate: () => string): Promise<string>;
  /** re-keys a device's pins and supports from its old unkeyed author hash to its keyed one (all consultations); how many rows changed */
  adoptAuthor(legacy: string, keyed: string): Promise<number>;

  /** every consultation's live changes with their event-log ids; on PostgreSQL these include other processes' changes */
  subscribe(listener: (event: StorageEvent, id: number, consultationId: string) => void): () => void;
  close(): Promise<void>;
}

/** everything inside one consultation: the rules of today's single-consultation storage, scoped */
export interface ConsultationStorage extends DialogueStorage {
  readonly consultationId: string;
  /** its community budget (settings, projects, ballots, voter codes, workshop allocations) */
  budget(): BudgetStorage;
  /** its context layers (asset registers, reference layers) and residents' confirmations of assets */
  layers(): LayerStorage;
  getAreas(): Promise<AreaCollection>;
  /** the areas as stored, JSON text: for a reader that parses them off the main thread */
  getAreasText(): Promise<string>;
  getThemes(): Promise<Theme[]>;
  /** every pin's position, hidden ones too, as [lng, lat, lng, lat, …]: to locate them against new areas elsewhere */
  pinPositions(): Promise<Float64Array>;
  /**
   * all-or-nothing: refuses (ok: false) when any pin would fall outside the new areas; otherwise re-assigns every pin's
   * area. The areas may come as their JSON text, written in a worker (a string is stored as it is).
   */
  replaceAreas(areas: AreaCollection | string, locate: (p: readonly [number, number]) => string | null, actor: string): Promise<ReplaceResult>;
  /** all-or-nothing: refuses when pins use a theme the new list drops */
  replaceThemes(themes: Theme[], actor: string): Promise<ReplaceResult>;
  listPins(filter?: PinFilter): Promise<ServerPin[]>;
  countPins(): Promise<number>;
  /** null also for a pin of another consultation */
  getPin(id: string): Promise<ServerPin | null>;
  /**
   * stores the pin once per (author, idempotency key), even when the same key arrives concurrently; the pin keeps the id
   * it was made with (`id-taken` when another pin, here or in another consultation, has it)
   */
  createPin(pin: ServerPin, idempotency?: IdempotencyKey): Promise<CreatePinResult>;
  updatePin(id: string, changes: PinChanges, updatedAt: string): Promise<ServerPin | null>;
  /**
   * The bulk path for `npm run seed` and benchmarks: many new pins in one transaction, many rows per statement, no
   * idempotency keys and no events. WARNING: a running server's planner engine does not hear of them (start it after).
   */
  bulkInsertPins(pins: readonly ServerPin[]): Promise<void>;
  /** deletes it and, in the same transaction, blanks the pin's text in every logged event of it */
  deletePin(id: string): Promise<boolean>;
  /** one support per supporter; `added` is false when they had already supported it. `addressHash`: a keyed hash of the supporter's address */
  supportPin(id: string, supporter: string, at: string, addressHash?: string): Promise<{ pin: ServerPin; added: boolean } | null>;
  /** how a pin's supports spread over addresses (keyed hashes, most supports first; null: from before addresses were kept); null for no such pin */
  supportReport(id: string): Promise<{ supports: number; byAddress: { addressHash: string | null; supports: number }[] } | null>;
  /** takes a supporter's support back; `removed` is false when they had not supported it (the count never goes below 0) */
  unsupportPin(id: string, supporter: string, at: string): Promise<{ pin: ServerPin; removed: boolean } | null>;
  moderatePin(id: string, moderation: Moderation): Promise<ServerPin | null>;
  /** this consultation's audit entries, newest first */
  listAudit(limit?: number): Promise<AuditEntry[]>;
  /** this consultation's live changes only */
  subscribe(listener: (event: StorageEvent, id: number) => void): () => void;
  /** the newest logged event's id (of any consultation: ids are one sequence, good as a cursor); null before the first change */
  latestEventId(): Promise<number | null>;
  /**
   * What a reconnecting client missed: this consultation's logged events after `afterId`, oldest first. Null when they
   * cannot all be given: `afterId` is not an event still kept (pruned, or never given by this database), or more than
   * `limit` followed it. A created/updated/restored event of a pin that is now hidden or deleted comes with `event: null`.
   * WARNING: on PostgreSQL ids are taken when a transaction writes its event but become visible when it commits, so a
   * smaller id can appear after a larger one a client already saw; PostgreSQL also returns up to REPLAY_OVERLAP events
   * at or before `afterId`, and clients treat events as idempotent (they are, per pin id).
   * `afterId` 0 means the start of the log, valid until the log is pruned.
   */
  eventsAfter(afterId: number, limit: number): Promise<LoggedEvent[] | null>;
}
