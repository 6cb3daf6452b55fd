// closing the loop: planners' answers on pins (with their history), residents' comments with one level of replies,
// reports of comments and pins for the moderation queue, and the comment an event is about (for replay's rules).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const bool = kind === 'sqlite' ? sql`INTEGER NOT NULL DEFAULT 0` : sql`BOOLEAN NOT NULL DEFAULT FALSE`;
  const serial = kind === 'sqlite' ? sql`INTEGER PRIMARY KEY AUTOINCREMENT` : sql`BIGSERIAL PRIMARY KEY`;
  const statements = [
    // the answer lives on the pin's row, so every read of a pin (list, one, events, exports) carries it with no join;
    // response_by is the staff user's id, never shown to the public
    sql`ALTER TABLE pins ADD COLUMN response_status TEXT`,
    sql`ALTER TABLE pins ADD COLUMN response_text TEXT`,
    sql`ALTER TABLE pins ADD COLUMN response_at TEXT`,
    sql`ALTER TABLE pins ADD COLUMN response_by TEXT`,
    // every change of an answer with the one before it; no foreign key, so the history outlives a deleted pin, as audit does
    sql`CREATE TABLE response_history (id ${serial}, consultation_id TEXT NOT NULL, pin_id TEXT NOT NULL, at TEXT NOT NULL,
      actor TEXT NOT NULL, user_id TEXT, status TEXT NOT NULL, text TEXT NOT NULL, previous_status TEXT, previous_text TEXT, previous_at TEXT)`,
    sql`CREATE INDEX response_history_pin ON response_history (consultation_id, pin_id)`,
    // a reply's parent is a top-level comment; deleting a comment takes its replies with it
    sql`CREATE TABLE comments (id TEXT PRIMARY KEY,
      consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
      pin_id TEXT NOT NULL REFERENCES pins (id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
      author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL, edited_at TEXT,
      hidden ${bool}, hidden_reason TEXT)`,
    sql`CREATE INDEX comments_pin ON comments (pin_id, created_at)`,
    sql`CREATE INDEX comments_consultation ON comments (consultation_id, created_at)`,
    sql`CREATE INDEX comments_parent ON comments (parent_id)`,
    // one report per device and item; a planner's hide or restore settles (deletes) an item's reports
    sql`CREATE TABLE comment_reports (comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
      reporter TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (comment_id, reporter))`,
    sql`CREATE TABLE pin_reports (pin_id TEXT NOT NULL REFERENCES pins (id) ON DELETE CASCADE,
      reporter TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (pin_id, reporter))`,
    // a comment's events also name their pin (pin_id), so hiding the pin silences its comments' replay too
    sql`ALTER TABLE events ADD COLUMN comment_id TEXT`,
  ];
  for (const statement of statements) await statement.execute(db);
}
