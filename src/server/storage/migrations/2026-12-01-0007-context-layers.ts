// context layers: what the council already knows (asset registers, conservation areas, sites) per consultation, and
// residents' confirmations of an assets layer's features ("I value this too", "missing", "closed").
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectKind } from './migrationList.ts';

export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  const statements = [
    // features: the validated FeatureCollection as JSON text (flat properties name, category, theme), read whole;
    // feature_count is kept beside it so a list of layers never parses the features
    sql`CREATE TABLE context_layers (id TEXT PRIMARY KEY,
      consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
      name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('assets', 'reference')),
      features TEXT NOT NULL, feature_count INTEGER NOT NULL, created_at TEXT NOT NULL)`,
    sql`CREATE INDEX context_layers_consultation ON context_layers (consultation_id, created_at)`,
    // one verdict per device (keyed author hash) and feature; a new one replaces it
    sql`CREATE TABLE asset_confirmations (layer_id TEXT NOT NULL REFERENCES context_layers (id) ON DELETE CASCADE,
      feature_id TEXT NOT NULL, device TEXT NOT NULL, verdict TEXT NOT NULL CHECK (verdict IN ('valued', 'missing', 'closed')),
      at TEXT NOT NULL, PRIMARY KEY (layer_id, feature_id, device))`,
  ];
  for (const statement of statements) await statement.execute(db);
}
