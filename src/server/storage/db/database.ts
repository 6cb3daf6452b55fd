// the tables as Kysely sees them (after every migration); columns are snake_case, as in the SQL.
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/** SQLite keeps booleans as 0/1, PostgreSQL as boolean: reads may give either */
export type StoredBool = boolean | number;

/** a nullable column that inserts may leave out */
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

export interface ConsultationsTable {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: string;
  opens_at: string | null;
  closes_at: string | null;
  status_changed_at: string;
  /** JSON text */
  settings: string;
  areas: string;
  themes: string;
  created_at: string;
  updated_at: string;
}

export interface PinsTable {
  id: string;
  consultation_id: string;
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
  hidden: StoredBool;
  hidden_reason: string | null;
  idem_key: string | null;
  idem_fingerprint: string | null;
  /** a planner's answer (migration 0006); null until answered. Optional in inserts, so a pin row is the same before 0006 */
  response_status: OptionalText;
  response_text: OptionalText;
  response_at: OptionalText;
  /** the staff user's id; never public */
  response_by: OptionalText;
  /** when a planner featured the pin's words on the results page (null: not featured) */
  quote_featured_at: OptionalText;
}

export interface SupportsTable {
  pin_id: string;
  supporter: string;
  at: string;
  /** a keyed hash of the supporter's address (null for supports from before it was kept) */
  address_hash: string | null;
}

export interface ServerSettingsTable {
  key: string;
  value: string;
}

export interface AuditTable {
  id: Generated<number>;
  /** null for server-wide entries */
  consultation_id: string | null;
  at: string;
  actor: string;
  action: string;
  pin_id: string | null;
  reason: string | null;
}

export interface EventsTable {
  /** BIGSERIAL on PostgreSQL: pg reads it as a string */
  id: Generated<number | string>;
  consultation_id: string | null;
  /** ms since the epoch */
  at: number;
  type: string;
  pin_id: string | null;
  /** the comment a comment event is about (migration 0006) */
  comment_id: OptionalText;
  payload: string;
}

export interface ResponseHistoryTable {
  id: Generated<number>;
  consultation_id: string;
  pin_id: string;
  at: string;
  actor: string;
  user_id: string | null;
  status: string;
  text: string;
  previous_status: string | null;
  previous_text: string | null;
  previous_at: string | null;
}

export interface CommentsTable {
  id: string;
  consultation_id: string;
  pin_id: string;
  parent_id: string | null;
  /** a keyed hash of the device token, never the token */
  author: string;
  text: string;
  created_at: string;
  edited_at: string | null;
  hidden: StoredBool;
  hidden_reason: string | null;
}

export interface CommentReportsTable {
  comment_id: string;
  reporter: string;
  at: string;
}

export interface PinReportsTable {
  pin_id: string;
  reporter: string;
  at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: string;
}

export interface InvitationsTable {
  token_hash: string;
  user_id: string | null;
  expires_at: string;
  used_at: string | null;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface MembershipsTable {
  consultation_id: string;
  user_id: string;
  role: string;
}

/** amounts and costs are BIGINT: pg reads them as strings */
export interface BudgetsTable {
  consultation_id: string;
  amount: number | string;
  currency: string;
  rule: string;
  opens_at: string | null;
  closes_at: string | null;
  min_projects: number | null;
  max_projects: number | null;
  /** the budget's own words at the top of the ballot ('' for none) */
  intro: string;
  updated_at: string;
}

export interface BudgetProjectsTable {
  consultation_id: string;
  id: string;
  position: number;
  title: string;
  description: string;
  cost: number | string;
  theme: string | null;
  /** JSON text: { point } | { areas } | null */
  location: string;
  /** JSON text: a list of pin ids */
  pin_ids: string;
  created_at: string;
  updated_at: string;
}

export interface BudgetBallotsTable {
  consultation_id: string;
  /** a keyed hash (device or voter code) or `import:<n>` */
  voter: string;
  /** JSON text: a list of project ids */
  projects: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface VoterCodesTable {
  code_hash: string;
  consultation_id: string;
  created_at: string;
  used_at: string | null;
}

export interface WorkshopAllocationsTable {
  id: Generated<number | string>;
  consultation_id: string;
  session_id: string | null;
  /** the session's name as the table sent it; null without one (and before 0010) */
  session_name: string | null;
  /** JSON text: { projectId: amount } */
  allocation: string;
  created_at: string;
  /** JSON text: the count's outcome under both rules (core AllocationOutcome); null before 0010 */
  outcome: string | null;
}

export interface ContextLayersTable {
  id: string;
  consultation_id: string;
  name: string;
  /** 'assets' | 'reference' */
  kind: string;
  /** JSON text: the validated FeatureCollection (core `LayerCollection`) */
  features: string;
  feature_count: number | string;
  created_at: string;
}

export interface AssetConfirmationsTable {
  layer_id: string;
  feature_id: string;
  /** the device's keyed author hash */
  device: string;
  /** 'valued' | 'missing' | 'closed' */
  verdict: string;
  at: string;
}

export interface Database {
  consultations: ConsultationsTable;
  pins: PinsTable;
  supports: SupportsTable;
  audit: AuditTable;
  events: EventsTable;
  users: UsersTable;
  invitations: InvitationsTable;
  staff_sessions: StaffSessionsTable;
  memberships: MembershipsTable;
  server_settings: ServerSettingsTable;
  response_history: ResponseHistoryTable;
  comments: CommentsTable;
  comment_reports: CommentReportsTable;
  pin_reports: PinReportsTable;
  budgets: BudgetsTable;
  budget_projects: BudgetProjectsTable;
  budget_ballots: BudgetBallotsTable;
  voter_codes: VoterCodesTable;
  workshop_allocations: WorkshopAllocationsTable;
  context_layers: ContextLayersTable;
  asset_confirmations: AssetConfirmationsTable;
}

export type Db = Kysely<Database>;
/** the database or an open transaction: what a query runs on */
export type Executor = Kysely<Database> | Transaction<Database>;
