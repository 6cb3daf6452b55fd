// every migration, in order, as a static list: no folder scanning, so tsx, vitest and a bundled server all see the same.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { up as initial } from './2026-12-01-0001-initial.ts';
import { up as consultations } from './2026-12-01-0002-consultations.ts';
import { up as staff } from './2026-12-01-0003-staff-accounts.ts';
import { up as serverSecret } from './2026-12-01-0004-server-secret.ts';
import { up as budgets } from './2026-12-01-0005-budgets.ts';
import { up as responsesComments } from './2026-12-01-0006-responses-comments.ts';
import { up as contextLayers } from './2026-12-01-0007-context-layers.ts';
import { up as budgetIntro } from './2026-12-01-0008-budget-intro.ts';
import { up as featuredQuotes } from './2026-12-01-0009-featured-quotes.ts';
import { up as allocationOutcome } from './2026-12-01-0010-allocation-outcome.ts';
import { up as perDeviceReads } from './2026-12-01-0011-per-device-reads.ts';

export type DialectKind = 'sqlite' | 'postgres';

type Up = (db: Kysely<unknown>, kind: DialectKind) => Promise<void>;

/** names sort in the order they run (Kysely's Migrator checks that) */
const MIGRATIONS: [name: string, up: Up][] = [
  ['2026-12-01-0001-initial', initial],
  ['2026-12-01-0002-consultations', consultations],
  ['2026-12-01-0003-staff-accounts', staff],
  ['2026-12-01-0004-server-secret', serverSecret],
  ['2026-12-01-0005-budgets', budgets],
  ['2026-12-01-0006-responses-comments', responsesComments],
  ['2026-12-01-0007-context-layers', contextLayers],
  ['2026-12-01-0008-budget-intro', budgetIntro],
  ['2026-12-01-0009-featured-quotes', featuredQuotes],
  ['2026-12-01-0010-allocation-outcome', allocationOutcome],
  ['2026-12-01-0011-per-device-reads', perDeviceReads],
];

/** every migration's name, in the order they run */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map(([name]) => name);

/**
 * The migrations for one dialect, for Kysely's Migrator.
 * @example
 * new Migrator({ db, provider: migrationProvider('sqlite') }).migrateToLatest()
 */
export function migrationProvider(kind: DialectKind, upTo?: string): MigrationProvider {
  return {
    async getMigrations() {
      const list: Record<string, Migration> = {};
      for (const [name, up] of MIGRATIONS) {
        if (upTo !== undefined && name > upTo) break;
        list[name] = { up: (db) => up(db, kind) };
      }
      return list;
    },
  };
}
