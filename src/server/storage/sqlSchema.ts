// table definitions shared by the SQLite and PostgreSQL adapters (the SQL below is valid in both).

export const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS catalog (name TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS pins (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, theme TEXT NOT NULL, title TEXT NOT NULL, note TEXT, sentiment TEXT,
    area TEXT NOT NULL, lng DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, author TEXT, supports INTEGER NOT NULL DEFAULT 0,
    session_id TEXT, hidden BOOLEAN NOT NULL DEFAULT FALSE, hidden_reason TEXT,
    idem_key TEXT UNIQUE, idem_fingerprint TEXT)`,
  `CREATE INDEX IF NOT EXISTS pins_updated_at ON pins (updated_at)`,
  `CREATE INDEX IF NOT EXISTS pins_area ON pins (area)`,
  // a viewport (?bbox) and a device's own pins (?mine) of a city-wide map, without reading every pin
  `CREATE INDEX IF NOT EXISTS pins_lng_lat ON pins (lng, lat)`,
  `CREATE INDEX IF NOT EXISTS pins_author ON pins (author)`,
  `CREATE TABLE IF NOT EXISTS supports (
    pin_id TEXT NOT NULL REFERENCES pins (id) ON DELETE CASCADE, supporter TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (pin_id, supporter))`,
];

/** the idempotency key is stored scoped by author, so two devices can never collide on the same key */
export function scopedKey(author: string | undefined, key: string): string {
  return `${author ?? '-'}:${key}`;
}
