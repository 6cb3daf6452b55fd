// the budget API as a planner uses it: the settings, the projects on the ballot, and where the voter codes' PDF is.
import type { BudgetProjectDraft, BudgetProjectRecord, BudgetSettings, BudgetView } from '../../core/budget/budgetWire.ts';
import { ApiRequestError } from '../apiErrors.ts';
import type { HttpRepository } from '../httpRepository.ts';

export interface BudgetPlannerApi {
  /** the budget as the ballot shows it, or null when the consultation has none yet */
  getBudget(): Promise<BudgetView | null>;
  putSettings(settings: BudgetSettings): Promise<BudgetSettings>;
  createProject(draft: BudgetProjectDraft): Promise<BudgetProjectRecord>;
  updateProject(id: string, draft: BudgetProjectDraft): Promise<BudgetProjectRecord>;
  deleteProject(id: string): Promise<void>;
  /** a GET link the planner opens to print `count` new one-time codes */
  voterCodesUrl(count: number): string;
  /** the consultation's ballot and results pages */
  readonly ballotPath: string;
  readonly resultsPath: string;
}

/**
 * The planner's budget client over the consultation's HTTP repository (the staff session cookie goes with it).
 * @example
 * const budget = createBudgetPlannerApi(api, 'neighbourhood-plan'); await budget.createProject({ title: 'Benches', … });
 */
export function createBudgetPlannerApi(api: HttpRepository, slug: string): BudgetPlannerApi {
  const base = `${api.consultationBase}/budget`;
  const project = (id: string) => `${base}/projects/${encodeURIComponent(id)}`;
  const page = `/c/${encodeURIComponent(slug)}/budget`;
  return {
    async getBudget() {
      try {
        return (await api.send('GET', base)).json as BudgetView;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404 && error.code === 'budget-not-found') return null;
        throw error;
      }
    },
    async putSettings(settings) {
      return (await api.send('PUT', base, { body: settings })).json as BudgetSettings;
    },
    async createProject(draft) {
      return (await api.send('POST', `${base}/projects`, { body: draft })).json as BudgetProjectRecord;
    },
    async updateProject(id, draft) {
      return (await api.send('PUT', project(id), { body: draft })).json as BudgetProjectRecord;
    },
    async deleteProject(id) {
      await api.send('DELETE', project(id));
    },
    voterCodesUrl: (count) => `${base}/voter-codes.pdf?count=${count}`,
    ballotPath: page,
    resultsPath: `${page}/results`,
  };
}
