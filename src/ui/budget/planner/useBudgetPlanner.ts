// the planner's budget state: the budget as the server has it, and saving settings and projects through the API.
import { useCallback, useEffect, useState } from 'react';
import type { BudgetProjectDraft, BudgetProjectRecord, BudgetSettings, BudgetView } from '../../../core/budget/budgetWire.ts';
import type { BudgetPlannerApi } from '../../../persistence/budget/budgetPlannerApi.ts';

export type BudgetLoad = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; view: BudgetView } | { kind: 'failed'; message: string };

export interface BudgetPlanner {
  load: BudgetLoad;
  /** the projects on the ballot now (empty while loading or with no budget) */
  projects: readonly BudgetProjectRecord[];
  saveSettings(settings: BudgetSettings): Promise<void>;
  /** `id` null adds the project; otherwise it replaces that project */
  saveProject(id: string | null, draft: BudgetProjectDraft): Promise<BudgetProjectRecord>;
  removeProject(id: string): Promise<void>;
  reload(): Promise<void>;
}

/**
 * Loads the consultation's budget (none is a state, not an error) and re-reads it after every change, so what the
 * planner sees is what residents get. Each action throws the server's refusal for the form to show.
 * @example
 * const budget = useBudgetPlanner(api); if (budget.load.kind === 'none') …
 */
export function useBudgetPlanner(api: BudgetPlannerApi | null): BudgetPlanner {
  const [load, setLoad] = useState<BudgetLoad>({ kind: 'loading' });

  const reload = useCallback(async () => {
    if (!api) return;
    try {
      const view = await api.getBudget();
      setLoad(view ? { kind: 'ready', view } : { kind: 'none' });
    } catch (error) {
      setLoad({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api]);

  useEffect(
    function loadBudget() {
      void reload();
    },
    [reload],
  );

  const saveSettings = useCallback(async (settings: BudgetSettings) => {
    if (!api) return;
    await api.putSettings(settings);
    await reload();
  }, [api, reload]);

  const saveProject = useCallback(async (id: string | null, draft: BudgetProjectDraft) => {
    if (!api) throw new Error('no budget API');
    const saved = id === null ? await api.createProject(draft) : await api.updateProject(id, draft);
    await reload();
    return saved;
  }, [api, reload]);

  const removeProject = useCallback(async (id: string) => {
    if (!api) return;
    await api.deleteProject(id);
    await reload();
  }, [api, reload]);

  return { load, projects: load.kind === 'ready' ? load.view.projects : [], saveSettings, saveProject, removeProject, reload };
}
