// the planner's "Community budget" section: the budget's settings, its projects (added by hand or started from
// residents' pins), voter codes to print, and links to the ballot and results. Planners and admins of the consultation only.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetProjectDraft, BudgetProjectRecord } from '../../../core/budget/budgetWire.ts';
import { projectDraftFromPins } from '../../../core/budget/projectPlaces.ts';
import type { PinFeature } from '../../../core/types.ts';
import type { BudgetPlannerApi } from '../../../persistence/budget/budgetPlannerApi.ts';
import type { HttpRepository } from '../../../persistence/httpRepository.ts';
import { createPinsNearClient } from '../../../persistence/pinsNearClient.ts';
import { createHttpResponseSource } from '../../../persistence/responseExplorer/httpResponseSource.ts';
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
  /** the consultation's API, for the pins a project answers and the assets near it (asked of the server, never all) */
  api: HttpRepository;
  /** a project picked on the planner map, to open in the form */
  picked?: { id: string; n: number } | null;
}

/** the most pin titles one opened project reads (the rest show their ids) */
const TITLES_READ_MAX = 20;

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
  const source = useMemo(() => createHttpResponseSource(api), [api]);
  const pinsNear = useMemo(() => createPinsNearClient(api), [api]);
  const [pinTitles, setPinTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const titlesKnown = (pins: readonly { id: string; title: string }[]) => setPinTitles((was) => new Map([...was, ...pins.map((p) => [p.id, p.title] as const)]));
  const [edit, setEdit] = useState<ProjectEdit | null>(null);
  const [codes, setCodes] = useState('24');
  const [saved, setSaved] = useState<string | null>(null);
  const { load } = planner;

  useEffect(function readTheTitlesOfTheEditedProjectsPins() {
    // a project opened for a change names its pins: their titles are read one by one (a project answers a few)
    const unknown = (edit?.draft.pinIds ?? []).filter((pinId) => !pinTitles.has(pinId)).slice(0, TITLES_READ_MAX);
    if (unknown.length === 0) return;
    let live = true;
    void Promise.all(unknown.map((pinId) => api.getPin(pinId).then((r) => ({ id: pinId, title: r.pin.properties.title }), () => ({ id: pinId, title: pinId })))).then((read) => live && titlesKnown(read));
    return () => {
      live = false;
    };
    // only a new form asks; the titles it reads do not
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, edit]);

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
    titlesKnown(chosen.map((p) => ({ id: p.id, title: p.properties.title })));
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
          <BudgetProjectTable projects={planner.projects} currency={view.currency} areas={areas} pinsNear={pinsNear} themeLabel={themeLabel} onEdit={editProject} onRemove={(p) => planner.removeProject(p.id)} captionId={`${id}-projects`} />
          {edit ? (
            <BudgetProjectForm key={`${edit.id ?? 'new'}-${edit.draft.pinIds.join(',')}-${edit.draft.title}`} edit={edit} themes={themes} areas={areas} pinTitles={pinTitles} pinsNear={pinsNear} onSave={saveProject} onCancel={() => setEdit(null)} />
          ) : (
            <button type="button" className="button" onClick={() => setEdit({ id: null, draft: EMPTY })}>{t('budgetPlanner.projects.add')}</button>
          )}
          <PinsToProject source={source} areas={areas} themeLabel={themeLabel} onStart={startFromPins} />
        </>
      ) : null}
      {view ? <WorkshopAllocations api={api} budgetRead={load} /> : null}
    </section>
  );
}
