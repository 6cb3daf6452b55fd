// one consultation's budget over Kysely, the same rules for SQLite and PostgreSQL (BIGINT money read back as numbers).
import { sql } from 'kysely';
import { readAllocationOutcome } from '../../../core/budget/allocationsWire.ts';
import type { BudgetProjectRecord, BudgetRule, BudgetSettings } from '../../../core/budget/budgetWire.ts';
import type { BudgetStorage, WorkshopAllocation } from '../budgetStorage.ts';
import type { BudgetProjectsTable, BudgetsTable, Db, Executor } from '../db/database.ts';
import type { SeedBudget } from '../storage.ts';

const toSettings = (r: BudgetsTable): BudgetSettings => ({
  amount: Number(r.amount), currency: r.currency, rule: r.rule as BudgetRule, opensAt: r.opens_at, closesAt: r.closes_at,
  minProjects: r.min_projects === null ? null : Number(r.min_projects), maxProjects: r.max_projects === null ? null : Number(r.max_projects), intro: r.intro,
});
const toProject = (r: BudgetProjectsTable): BudgetProjectRecord => ({
  id: r.id, title: r.title, description: r.description, cost: Number(r.cost), theme: r.theme,
  location: JSON.parse(r.location) as BudgetProjectRecord['location'], pinIds: JSON.parse(r.pin_ids) as string[],
});
const settingsRow = (id: string, s: BudgetSettings, at: string): BudgetsTable => ({
  consultation_id: id, amount: s.amount, currency: s.currency, rule: s.rule, opens_at: s.opensAt, closes_at: s.closesAt,
  min_projects: s.minProjects, max_projects: s.maxProjects, intro: s.intro, updated_at: at,
});
const projectRow = (id: string, p: BudgetProjectRecord, position: number, at: string): BudgetProjectsTable => ({
  consultation_id: id, id: p.id, position, title: p.title, description: p.description, cost: p.cost, theme: p.theme,
  location: JSON.stringify(p.location), pin_ids: JSON.stringify(p.pinIds), created_at: at, updated_at: at,
});

async function writeSettings(db: Executor, id: string, s: BudgetSettings, at: string): Promise<void> {
  const row = settingsRow(id, s, at);
  const { consultation_id: _key, ...changes } = row;
  await db.insertInto('budgets').values(row).onConflict((oc) => oc.column('consultation_id').doUpdateSet(changes)).execute();
}

/**
 * The budget of one consultation. Cheap: no I/O until a method is called.
 * @example
 * const budget = budgetStorage(db, consultationId); await budget.castBallot(voterHash, ['p1'], 'device', new Date().toISOString());
 */
export function budgetStorage(db: Db, consultationId: string): BudgetStorage {
  const id = consultationId;
  const ballots = (trx: Executor) => trx.selectFrom('budget_ballots').where('consultation_id', '=', id);
  return {
    async getSettings() {
      const row = await db.selectFrom('budgets').selectAll().where('consultation_id', '=', id).executeTakeFirst();
      return row ? toSettings(row) : null;
    },
    putSettings: (settings, at) => writeSettings(db, id, settings, at),
    async listProjects() {
      const rows = await db.selectFrom('budget_projects').selectAll().where('consultation_id', '=', id).orderBy('position').orderBy('id').execute();
      return rows.map(toProject);
    },
    putProject: (project, at) =>
      db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('budget_projects').select(['position', 'created_at']).where('consultation_id', '=', id).where('id', '=', project.id).executeTakeFirst();
        if (existing) {
          const { consultation_id: _c, id: _i, position: _p, created_at: _t, ...changes } = projectRow(id, project, existing.position, at);
          await trx.updateTable('budget_projects').set(changes).where('consultation_id', '=', id).where('id', '=', project.id).execute();
          return 'updated' as const;
        }
        const last = await trx.selectFrom('budget_projects').select((eb) => eb.fn.max('position').as('n')).where('consultation_id', '=', id).executeTakeFirst();
        await trx.insertInto('budget_projects').values(projectRow(id, project, Number(last?.n ?? -1) + 1, at)).execute();
        return 'created' as const;
      }),
    deleteProject: (projectId) =>
      db.transaction().execute(async (trx) => {
        // ballots hold JSON lists; one consultation's ballots are few enough to read (and this is a rare planner action)
        const rows = await ballots(trx).select('projects').execute();
        if (rows.some((r) => (JSON.parse(r.projects) as string[]).includes(projectId))) return 'has-votes' as const;
        const result = await trx.deleteFrom('budget_projects').where('consultation_id', '=', id).where('id', '=', projectId).executeTakeFirst();
        return Number(result.numDeletedRows) === 1 ? ('deleted' as const) : ('not-found' as const);
      }),
    async getBallot(voter) {
      const row = await ballots(db).select(['projects', 'updated_at']).where('voter', '=', voter).executeTakeFirst();
      return row ? { projects: JSON.parse(row.projects) as string[], updatedAt: row.updated_at } : null;
    },
    async castBallot(voter, projects, source, at) {
      const before = await ballots(db).select('voter').where('voter', '=', voter).executeTakeFirst();
      await db.insertInto('budget_ballots')
        .values({ consultation_id: id, voter, projects: JSON.stringify(projects), source, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['consultation_id', 'voter']).doUpdateSet({ projects: JSON.stringify(projects), updated_at: at }))
        .execute();
      return { created: !before };
    },
    castBallotWithCode: (codeHash, projects, at) =>
      db.transaction().execute(async (trx) => {
        // one conditional UPDATE takes the code: PostgreSQL re-checks used_at after the row lock, SQLite has one writer
        const taken = await trx.updateTable('voter_codes').set({ used_at: at })
          .where('code_hash', '=', codeHash).where('consultation_id', '=', id).where('used_at', 'is', null)
          .returning('code_hash').executeTakeFirst();
        if (!taken) {
          const known = await trx.selectFrom('voter_codes').select('code_hash').where('code_hash', '=', codeHash).where('consultation_id', '=', id).executeTakeFirst();
          return known ? ('code-used' as const) : ('unknown-code' as const);
        }
        await trx.insertInto('budget_ballots').values({ consultation_id: id, voter: `code:${codeHash}`, projects: JSON.stringify(projects), source: 'code', created_at: at, updated_at: at }).execute();
        return 'cast' as const;
      }),
    async listBallots() {
      const rows = await ballots(db).select('projects').orderBy('created_at').orderBy('voter').execute();
      return rows.map((r) => JSON.parse(r.projects) as string[]);
    },
    async listVoterAreas() {
      const voters = await ballots(db).select('voter').orderBy('created_at').orderBy('voter').execute();
      // 'device:' is 7 characters: the rest is the author hash the device's pins carry
      const counts = await db
        .selectFrom('budget_ballots as b')
        .innerJoin('pins as p', (join) => join.onRef('p.consultation_id', '=', 'b.consultation_id').on(sql<boolean>`p.author = substr(b.voter, 8)`))
        .where('b.consultation_id', '=', id)
        .where('b.voter', 'like', 'device:%')
        .select(['b.voter as voter', 'p.area as area', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
        .groupBy(['b.voter', 'p.area'])
        .execute();
      const best = new Map<string, { area: string; n: number }>();
      for (const row of counts) {
        const n = Number(row.n);
        const held = best.get(row.voter);
        if (!held || n > held.n || (n === held.n && row.area < held.area)) best.set(row.voter, { area: row.area, n });
      }
      return voters.map((v) => best.get(v.voter)?.area ?? null);
    },
    importElection: (settings, projects, imported, at) =>
      db.transaction().execute(async (trx) => {
        const resident = await ballots(trx).select('voter').where('source', '!=', 'import').limit(1).executeTakeFirst();
        if (resident) return 'ballots-exist' as const;
        await writeSettings(trx, id, settings, at);
        await trx.deleteFrom('budget_ballots').where('consultation_id', '=', id).execute();
        await trx.deleteFrom('budget_projects').where('consultation_id', '=', id).execute();
        for (let i = 0; i < projects.length; i += 200) {
          await trx.insertInto('budget_projects').values(projects.slice(i, i + 200).map((p, j) => projectRow(id, p, i + j, at))).execute();
        }
        // created_at is the same for all: the voter number keeps the file's order (zero-padded, so text order is number order)
        const rows = imported.map((b, n) => ({ consultation_id: id, voter: `import:${String(n + 1).padStart(9, '0')}`, projects: JSON.stringify(b), source: 'import', created_at: at, updated_at: at }));
        for (let i = 0; i < rows.length; i += 500) await trx.insertInto('budget_ballots').values(rows.slice(i, i + 500)).execute();
        return 'imported' as const;
      }),
    async addVoterCodes(hashes, at) {
      if (hashes.length === 0) return 0;
      const result = await db.insertInto('voter_codes').values(hashes.map((h) => ({ code_hash: h, consultation_id: id, created_at: at, used_at: null })))
        .onConflict((oc) => oc.column('code_hash').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
    async voterCodeCounts() {
      const rows = await db.selectFrom('voter_codes').select(['used_at']).where('consultation_id', '=', id).execute();
      return { total: rows.length, used: rows.filter((r) => r.used_at !== null).length };
    },
    async recordAllocation(sessionId, allocation, at, details = {}) {
      const outcome = details.outcome ?? null;
      const sessionName = details.sessionName ?? null;
      const row = await db.insertInto('workshop_allocations')
        .values({ consultation_id: id, session_id: sessionId, session_name: sessionName, allocation: JSON.stringify(allocation), created_at: at, outcome: outcome ? JSON.stringify(outcome) : null })
        .returning('id').executeTakeFirstOrThrow();
      return { id: Number(row.id), sessionId, sessionName, allocation, createdAt: at, outcome };
    },
    async listAllocations() {
      const rows = await db.selectFrom('workshop_allocations').selectAll().where('consultation_id', '=', id).orderBy('id').execute();
      return rows.map((r): WorkshopAllocation => ({
        id: Number(r.id), sessionId: r.session_id, sessionName: r.session_name, allocation: JSON.parse(r.allocation) as Record<string, number>, createdAt: r.created_at, outcome: readAllocationOutcome(r.outcome),
      }));
    },
  };
}

/**
 * Writes a seeded budget (settings and projects) inside the seeding transaction.
 * @example
 * await seedBudget(trx, consultationId, { settings, projects }, new Date().toISOString());
 */
export async function seedBudget(trx: Executor, consultationId: string, budget: SeedBudget, at: string): Promise<void> {
  await writeSettings(trx, consultationId, budget.settings, at);
  if (budget.projects.length) await trx.insertInto('budget_projects').values(budget.projects.map((p, i) => projectRow(consultationId, p, i, at))).execute();
}
