// the planner's budget client against the real routes (in process): no budget reads as null, settings and projects
// round-trip (the pins a project answers included), a refusal arrives with its code and problems, and a project is removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudgetPlannerApi } from '../../../src/persistence/budget/budgetPlannerApi.ts';
import type { BudgetPlannerApi } from '../../../src/persistence/budget/budgetPlannerApi.ts';
import { ApiRequestError } from '../../../src/persistence/apiErrors.ts';
import { createHttpRepository } from '../../../src/persistence/httpRepository.ts';
import { DEVICE_A, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';
import { createInjectFetch } from '../injectFetch.ts';

let server: TestServer;
let budget: BudgetPlannerApi;

beforeAll(async () => {
  server = await startTestServer();
  const made = await server.database.createConsultation({ slug: 'plan', title: 'Plan', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
  if (!made.ok) throw new Error('no consultation');
  const { token } = await server.staff({ plan: 'planner' });
  const net = createInjectFetch(server.app);
  const authorised: typeof fetch = (input, init = {}) => net.fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  budget = createBudgetPlannerApi(createHttpRepository({ deviceToken: DEVICE_A, fetch: authorised, consultationBase: '/api/consultations/plan' }), 'plan');
});
afterAll(async () => server.close());

describe('the planner budget client', () => {
  it('reads no budget as null, and names the pages and the codes sheet', async () => {
    expect(await budget.getBudget()).toBeNull();
    expect(budget.ballotPath).toBe('/c/plan/budget');
    expect(budget.resultsPath).toBe('/c/plan/budget/results');
    expect(budget.voterCodesUrl(12)).toBe('/api/consultations/plan/budget/voter-codes.pdf?count=12');
  });

  it('sets the budget up, adds a project from pins, changes and removes it', async () => {
    await budget.putSettings({ amount: 5000, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: 'For the park' });
    const made = await budget.createProject({ title: 'Benches', description: '• Somewhere to sit', cost: 1200, theme: null, location: { point: [-2.1, 53.4] }, pinIds: ['pin-1', 'pin-2'] });
    expect(made.id).toMatch(/^p-/);
    let view = await budget.getBudget();
    expect(view).toMatchObject({ budget: 5000, intro: 'For the park', projects: [{ id: made.id, title: 'Benches', pinIds: ['pin-1', 'pin-2'], location: { point: [-2.1, 53.4] } }] });
    await budget.updateProject(made.id, { ...made, cost: 1500 });
    view = await budget.getBudget();
    expect(view?.projects[0]?.cost).toBe(1500);
    await budget.deleteProject(made.id);
    expect((await budget.getBudget())?.projects).toEqual([]);
  });

  it('passes a refusal on with its code and the problems the form lists', async () => {
    const refused = await budget.createProject({ title: '', description: '', cost: 1.5, theme: null, location: null, pinIds: [] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect((refused as ApiRequestError).code).toBe('invalid-project');
    expect(((refused as ApiRequestError).details as { path: string }[]).map((d) => d.path).sort()).toEqual(['project.cost', 'project.title']);
  });
});
