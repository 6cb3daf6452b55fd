// the budget storage contract, run against SQLite and PostgreSQL by the storage test files.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { BudgetProjectRecord, BudgetSettings } from '../../../src/core/budget/budgetWire.ts';
import type { BudgetStorage } from '../../../src/server/storage/budgetStorage.ts';
import type { ConsultationStorage, Storage } from '../../../src/server/storage/storage.ts';
import { testPin } from '../../support/serverFixtures.ts';
import { openDefault } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

const AT = '2030-01-01T00:00:00.000Z';
export const SETTINGS: BudgetSettings = { amount: 3_000_000_000, currency: 'PLN', rule: 'equal-shares', opensAt: null, closesAt: '2030-02-01T00:00:00.000Z', minProjects: 1, maxProjects: 3, intro: 'Spend it where the town meets: «the square» & the park.' };
export const project = (id: string, cost: number, extra: Partial<BudgetProjectRecord> = {}): BudgetProjectRecord =>
  ({ id, title: `Project ${id}`, description: '', cost, theme: null, location: null, pinIds: [], ...extra });

export function budgetContract(open: OpenStorage): void {
  let storage: Storage;
  let budget: BudgetStorage;
  let here: ConsultationStorage;
  beforeEach(async () => {
    const opened = await openDefault(open, true);
    storage = opened.storage;
    here = opened.here;
    budget = opened.here.budget();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('keeps budget settings with amounts past 32 bits, and replaces them', async () => {
    expect(await budget.getSettings()).toBeNull();
    await budget.putSettings(SETTINGS, AT);
    expect(await budget.getSettings()).toEqual(SETTINGS);
    await budget.putSettings({ ...SETTINGS, rule: 'greedy', minProjects: null }, AT);
    expect(await budget.getSettings()).toEqual({ ...SETTINGS, rule: 'greedy', minProjects: null });
  });

  it('keeps projects in the order they were made, location and linked pins included', async () => {
    const b = project('b', 7, { location: { point: [-2.2, 53.4] }, pinIds: ['pin-1'], theme: 'green' });
    const a = project('a', 5, { location: { areas: ['west', 'east'] } });
    expect(await budget.putProject(b, AT)).toBe('created');
    expect(await budget.putProject(a, AT)).toBe('created');
    expect(await budget.putProject({ ...b, cost: 8 }, AT)).toBe('updated');
    expect(await budget.listProjects()).toEqual([{ ...b, cost: 8 }, a]);
  });

  it('keeps one ballot per voter, changeable, and refuses to delete a project someone voted for', async () => {
    await budget.putProject(project('a', 5), AT);
    await budget.putProject(project('b', 5), AT);
    expect(await budget.castBallot('voter-1', ['a'], 'device', AT)).toEqual({ created: true });
    expect(await budget.castBallot('voter-1', ['a', 'b'], 'device', '2030-01-02T00:00:00.000Z')).toEqual({ created: false });
    expect(await budget.castBallot('voter-2', ['b'], 'device', AT)).toEqual({ created: true });
    expect(await budget.getBallot('voter-1')).toEqual({ projects: ['a', 'b'], updatedAt: '2030-01-02T00:00:00.000Z' });
    expect(await budget.getBallot('nobody')).toBeNull();
    expect((await budget.listBallots()).sort()).toEqual([['a', 'b'], ['b']]);
    expect(await budget.deleteProject('a')).toBe('has-votes');
    await budget.castBallot('voter-1', ['b'], 'device', AT);
    expect(await budget.deleteProject('a')).toBe('deleted');
    expect(await budget.deleteProject('a')).toBe('not-found');
  });

  it('gives a device voter the area where most of its pins are, and none to codes, imports and devices without pins', async () => {
    await budget.putProject(project('a', 5), AT);
    // dev-1: two pins in east, one in west; dev-2: one each (the smaller id wins the tie); dev-3 has no pins
    for (const [author, lng] of [['dev-1', -2.15], ['dev-1', -2.12], ['dev-1', -2.25], ['dev-2', -2.15], ['dev-2', -2.25]] as const) {
      await here.createPin(testPin({ author, position: [lng, 53.45] }));
    }
    await budget.castBallot('device:dev-1', ['a'], 'device', '2030-01-01T00:00:01.000Z');
    await budget.castBallot('device:dev-2', ['a'], 'device', '2030-01-01T00:00:02.000Z');
    await budget.castBallot('device:dev-3', [], 'device', '2030-01-01T00:00:03.000Z');
    await budget.addVoterCodes(['h1'], AT);
    await budget.castBallotWithCode('h1', ['a'], '2030-01-01T00:00:04.000Z');
    expect(await budget.listVoterAreas()).toEqual(['east', 'east', null, null]);
    expect((await budget.listBallots()).length).toBe(4);
  });

  it('takes a voter code once, also when two ballots race for it', async () => {
    await budget.putProject(project('a', 5), AT);
    expect(await budget.addVoterCodes(['h1', 'h2'], AT)).toBe(2);
    expect(await budget.addVoterCodes(['h2'], AT)).toBe(0);
    const race = await Promise.all([budget.castBallotWithCode('h1', ['a'], AT), budget.castBallotWithCode('h1', ['a'], AT)]);
    expect(race.sort()).toEqual(['cast', 'code-used']);
    expect(await budget.castBallotWithCode('nope', ['a'], AT)).toBe('unknown-code');
    expect(await budget.voterCodeCounts()).toEqual({ total: 2, used: 1 });
    expect(await budget.listBallots()).toEqual([['a']]);
  });

  it('imports an election all at once, but never over residents\u2019 ballots', async () => {
    const projects = [project('x', 2), project('y', 3)];
    expect(await budget.importElection(SETTINGS, projects, [['x'], ['x', 'y'], []], AT)).toBe('imported');
    expect(await budget.listProjects()).toEqual(projects);
    expect(await budget.listBallots()).toEqual([['x'], ['x', 'y'], []]);
    // a second import replaces the first
    expect(await budget.importElection(SETTINGS, [project('z', 1)], [['z']], AT)).toBe('imported');
    expect(await budget.listBallots()).toEqual([['z']]);
    await budget.castBallot('resident', ['z'], 'device', AT);
    expect(await budget.importElection(SETTINGS, projects, [['x']], AT)).toBe('ballots-exist');
    expect((await budget.listProjects()).map((p) => p.id)).toEqual(['z']);
  });

  it('records workshop allocations apart from the ballots', async () => {
    const outcome = { ballots: 2, greedy: { selected: ['a'], spent: 5 }, equalShares: { selected: ['a', 'b'], spent: 7 } };
    const saved = await budget.recordAllocation('session-1', { a: 5, b: 2 }, AT, { outcome, sessionName: 'Library, Saturday «walk»' });
    const bare = await budget.recordAllocation(null, { b: 2 }, AT);
    expect(await budget.listAllocations()).toEqual([saved, bare]);
    expect(saved).toMatchObject({ allocation: { a: 5, b: 2 }, outcome, sessionName: 'Library, Saturday «walk»' });
    expect(bare).toMatchObject({ outcome: null, sessionName: null });
    expect(await budget.listBallots()).toEqual([]);
    expect(await storage.consultation('00000000-0000-0000-0000-000000000000').budget().listAllocations()).toEqual([]);
  });

  it('sees nothing of another consultation\u2019s budget', async () => {
    await budget.putSettings(SETTINGS, AT);
    await budget.castBallot('voter-1', [], 'device', AT);
    const other = storage.consultation('00000000-0000-0000-0000-000000000000').budget();
    expect(await other.getSettings()).toBeNull();
    expect(await other.listBallots()).toEqual([]);
    expect(await other.getBallot('voter-1')).toBeNull();
  });
}
