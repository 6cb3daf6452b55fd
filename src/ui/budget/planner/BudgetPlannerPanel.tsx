// the planner's "Community budget" section: the budget's settings, its projects (added by hand or started from
// residents' pins), voter codes to print, and links to the ballot and results. Planners and admins of the consultation only.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetProjectDraft, BudgetProjectRecord } from '../../../core/budget/budgetWire.ts';
import { projectDraftFromPins } from '../../../core/budget/projectPlaces.ts';
import type { PinFeature } from '../../../core/types.ts';
import type { BudgetPlannerApi } from '../../../persistence/budget/budgetPlannerApi.ts';
import type { HttpRepository } from '../../../persistence/httpRepository.ts';
import { useAppStore } from '../../../store/useAppStore.ts';
import { useAuth, useStaffRole } from '../../../store/useAuth.ts';
import { usePlannerThemes } from '../../../store/usePlannerThemes.ts';
import { formatMoney } from '../money.ts';
import { BudgetProjectForm } from './BudgetProjectForm.tsx';
import type { ProjectEdit } from './BudgetProjectForm.tsx';
import { BudgetProjectTable } from './BudgetProjectTable.tsx';
import { BudgetSettingsForm } from './BudgetSettingsForm.tsx';
import { PinsToProject } from './PinsToProject.tsx';
import type { BudgetPlanner } from './useBudgetPlanner.ts';
import { WorkshopAllocations } from './WorkshopAllocations.tsx';
import './budgetPlanner.css';

interface Props {
  planner: BudgetPlanner;
  budgetApi: BudgetPlannerApi;
  /** the consultation's API, for its pins */
  api: HttpRepository;
  /** a project picked on the planner map, to open in the form */
  picked?: { id: string; n: number } | null;
}

const EMPTY: BudgetProjectDraft = { title: '', description: '', cost: 0, theme: null, location: null, pinIds: [] };

export function BudgetPlannerPanel(props: Props) {
  const role = useStaffRole();
  const checked = useAuth((s) => s.checked);
  const sessionChecked = useAuth((s) => s.sessionChecked);
  useEffect(function askWhoIsSignedIn() {
    if (!checked) void sessionChecked();
  }, [checked, sessionChecked]);
  if (role !== 'planner' && role !== 'admin') return null;
  return <BudgetPlannerSection {...props} />;
}

function BudgetPlannerSection({ planner, budgetApi, api, picked = null }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const areas = useAppStore((s) => s.areas);
  const themes = useAppStore((s) => s.themes);
  const themeOf = usePlannerThemes();
  const themeLabel = useCallback((theme: string) => themeOf(theme).label, [themeOf]);
  const [pins, setPins] = useState<PinFeature[]>([]);
  const [edit, setEdit] = useState<ProjectEdit | null>(null);
  const [codes, setCodes] = useState('24');
  const [saved, setSaved] = useState<string | null>(null);
  const { load } = planner;

  useEffect(function loadPins() {
    let live = true;
    api.listPins().then((rows) => live && setPins(rows.map((r) => r.pin)), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(function focusTheProjectForm() {
    // a new form (added, edited or started from pins) takes the focus, so keyboard and screen reader users land in it
    if (edit) document.querySelector<HTMLInputElement>('.budget-planner-project-form input')?.focus();
  }, [edit]);

  useEffect(function openPickedProject() {
    const project = picked ? planner.projects.find((p) => p.id === picked.id) : undefined;
    if (project) setEdit({ id: project.id, draft: project });
    // only a new pick opens a form, not a re-read of the projects
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);

  const startFromPins = (chosen: PinFeature[]) => {
    const draft = projectDraftFromPins(chosen);
    if (draft) setEdit({ id: null, draft });
  };
  const saveProject = async (projectId: string | null, draft: BudgetProjectDraft) => {
    const project = await planner.saveProject(projectId, draft);
    setEdit(null);
    setSaved(projectId ? t('budgetPlanner.project.saved', { title: project.title }) : t('budgetPlanner.project.added', { title: project.title }));
  };
  const editProject = (p: BudgetProjectRecord) => setEdit({ id: p.id, draft: p });

  const view = load.kind === 'ready' ? load.view : null;
  const money = (n: number) => formatMoney(n, view?.currency ?? 'GBP', i18n.language);
  const total = planner.projects.reduce((s, p) => s + p.cost, 0);
  const count = Math.min(480, Math.max(1, Math.floor(Number(codes)) || 1));

  return (
    <section className="budget-planner" aria-labelledby={`${id}-h`} data-testid="budget-planner">
      <h2 id={`${id}-h`}>{t('budgetPlanner.heading')}</h2>
      {load.kind === 'loading' ? <p role="status">{t('budgetPlanner.loading')}</p> : null}
      {load.kind === 'failed' ? <p role="alert">{t('budgetPlanner.loadFailed', { message: load.message })}</p> : null}
      {load.kind === 'none' ? <p>{t('budgetPlanner.none')}</p> : null}
      {view ? (
        <nav aria-label={t('budgetPlanner.links')} className="planner-row budget-planner-links">
          <a href={budgetApi.ballotPath}>{t('budgetPlanner.ballotLink')}</a>
          <a href={budgetApi.resultsPath}>{t('budgetPlanner.resultsLink')}</a>
        </nav>
      ) : null}
      {load.kind === 'ready' || load.kind === 'none' ? <BudgetSettingsForm key={view ? 'edit' : 'new'} view={view} onSave={planner.saveSettings} /> : null}
      {view ? (
        <>
          <div className="budget-planner-codes">
            <h3>{t('budgetPlanner.codes.heading')}</h3>
            <p className="planner-hint">{t('budgetPlanner.codes.intro')}</p>
            <div className="budget-planner-code-row">
              <label htmlFor={`${id}-codes`}>{t('budgetPlanner.codes.count')}</label>
              <input id={`${id}-codes`} type="number" min={1} max={480} step={1} value={codes} onChange={(e) => setCodes(e.target.value)} />
              <a className="button" href={budgetApi.voterCodesUrl(count)} download>{t('budgetPlanner.codes.print', { count })}</a>
            </div>
          </div>
          <h3 id={`${id}-projects`}>{t('budgetPlanner.projects.heading')}</h3>
          <p data-testid="budget-planner-total">{t('budgetPlanner.projects.total', { count: planner.projects.length, total: money(total), amount: money(view.budget) })}</p>
          <div role="status">{saved ? <p>{saved}</p> : null}</div>
          <BudgetProjectTable projects={planner.projects} currency={view.currency} areas={areas} pins={pins} themeLabel={themeLabel} onEdit={editProject} onRemove={(p) => planner.removeProject(p.id)} captionId={`${id}-projects`} />
          {edit ? (
            <BudgetProjectForm key={`${edit.id ?? 'new'}-${edit.draft.pinIds.join(',')}-${edit.draft.title}`} edit={edit} themes={themes} areas={areas} pins={pins} onSave={saveProject} onCancel={() => setEdit(null)} />
          ) : (
            <button type="button" className="button" onClick={() => setEdit({ id: null, draft: EMPTY })}>{t('budgetPlanner.projects.add')}</button>
          )}
          <PinsToProject pins={pins} areas={areas} themeLabel={themeLabel} onStart={startFromPins} />
        </>
      ) : null}
      {view ? <WorkshopAllocations api={api} budgetRead={load} /> : null}
    </section>
  );
}
