// the resident's ballot at /c/<slug>/budget: the projects in a list filtered by area and theme, what is left, and sending.
import './budgetEnglish.ts';
import { useCallback, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createAreaLocator } from '../../core/createAreaLocator.ts';
import type { BudgetProjectRecord } from '../../core/budget/budgetWire.ts';
import { budgetMarkers } from '../../core/budget/projectPlaces.ts';
import type { BudgetMarker } from '../../core/budget/projectPlaces.ts';
import type { AreaCollection } from '../../core/types.ts';
import type { BallotOutbox } from '../../persistence/budget/ballotOutbox.ts';
import type { BudgetApi } from '../../persistence/budget/budgetApi.ts';
import { PlainHeader } from '../consultations/FrontPage.tsx';
import { formatDate } from '../formatDate.ts';
import { BallotProject } from './BallotProject.tsx';
import { ballotRefusalText } from './ballotRefusal.ts';
import { formatMoney } from './money.ts';
import { SpendBar } from './SpendBar.tsx';
import { useBallot } from './useBallot.ts';
import type { SendStatus } from './useBallot.ts';
import './budget.css';

function StatusLine({ status, receivedAt, currency }: { status: SendStatus; receivedAt: string | null; currency: string }) {
  const { t, i18n } = useTranslation();
  let text = '';
  if (status.kind === 'sending') text = t('budget.sending');
  else if (status.kind === 'sent') text = t('budget.sent');
  else if (status.kind === 'waiting') text = t('budget.waiting');
  else if (status.kind === 'refused') text = t('budget.refused', { message: ballotRefusalText(t, status, (n) => formatMoney(n, currency, i18n.language)) });
  else if (receivedAt) text = t('budget.received', { date: formatDate(receivedAt, i18n.language) });
  return (
    <p role="status" className={`budget-status budget-status--${status.kind}`} data-testid="ballot-status">
      {text}
    </p>
  );
}

/** the map beside the list, drawn by the app (this layer does not touch leaflet) */
export type BallotMapSlot = (props: { areas: AreaCollection; markers: readonly BudgetMarker[]; onPick(id: string): void; label: string }) => ReactNode;

interface BallotPageProps {
  slug: string;
  api: BudgetApi;
  outbox: BallotOutbox;
  initialCode?: string | null;
  projectMap?: BallotMapSlot;
}

/** a marker picked on the map takes the keyboard to that project's checkbox in the list */
function focusProject(id: string): void {
  const box = document.getElementById(`project-${id}`);
  box?.scrollIntoView?.({ block: 'center' });
  box?.focus();
}

export function BudgetBallotPage({ slug, api, outbox, initialCode = null, projectMap }: BallotPageProps) {
  const { t, i18n } = useTranslation();
  // `?code=` (even empty) opens the page for a shared device: each voter types the code from their slip
  const codeMode = initialCode !== null;
  const [code, setCode] = useState(initialCode ?? '');
  const { load, chosen, toggle, submit, submitWithCode, nextVoter, status } = useBallot(slug, api, outbox, codeMode);
  const [area, setArea] = useState('');
  const [theme, setTheme] = useState('');
  const [mapShown, setMapShown] = useState(true);
  const onPick = useCallback((id: string) => focusProject(id), []);
  const ready = load.kind === 'ready' ? load : null;

  // each project's places, as area ids: its areas, or the area its point is in
  const placesOf = useMemo(() => {
    if (!ready) return new Map<string, string[]>();
    const locate = createAreaLocator(ready.areas);
    const of = (p: BudgetProjectRecord): string[] => {
      if (!p.location) return [];
      if ('areas' in p.location) return p.location.areas;
      const found = locate(p.location.point);
      return found ? [found] : [];
    };
    return new Map(ready.view.projects.map((p) => [p.id, of(p)]));
  }, [ready]);
  const shownProjects = useMemo(
    () => (ready ? ready.view.projects.filter((p) => (area === '' || placesOf.get(p.id)?.includes(area)) && (theme === '' || p.theme === theme)) : []),
    [ready, area, theme, placesOf],
  );
  // the map shows exactly the projects the list shows (same filters), the chosen ones filled; kept while nothing
  // changes, so a re-render does not redraw the markers under a keyboard user's focus
  const markers = useMemo(
    () => (ready ? budgetMarkers(shownProjects, ready.areas, (p) => formatMoney(p.cost, ready.view.currency, i18n.language), new Set(chosen)) : []),
    [ready, shownProjects, chosen, i18n.language],
  );
  const areaNames = useMemo(() => new Map((ready?.areas.features ?? []).map((f) => [f.properties.id, f.properties.name])), [ready]);
  const themeLabels = useMemo(() => new Map((ready?.themes ?? []).map((th) => [th.id, th.labels?.[i18n.language] ?? th.label])), [ready, i18n.language]);

  const header = <PlainHeader title={t('budget.title')} tagline={ready ? formatMoney(ready.view.budget, ready.view.currency, i18n.language) : ''} links={[{ href: `/c/${encodeURIComponent(slug)}`, label: t('budget.backToMap') }, { href: `/c/${encodeURIComponent(slug)}/budget/results`, label: t('budget.resultsLink') }]} />;
  if (!ready) {
    const message = load.kind === 'failed' ? (load.status === 404 ? t('budget.noBudget') : t('budget.loadFailed', { message: load.message })) : t('budget.loading');
    return (
      <>
        {header}
        <main className="page-main" id="main">
          <p role={load.kind === 'failed' ? 'alert' : 'status'}>{message}</p>
        </main>
      </>
    );
  }
  const { view } = ready;
  const cost = new Map(view.projects.map((p) => [p.id, p.cost]));
  const spent = chosen.reduce((sum, id) => sum + (cost.get(id) ?? 0), 0);
  const full = view.maxProjects !== null && chosen.length >= view.maxProjects;
  const shown = shownProjects;
  const usedAreas = [...new Set([...placesOf.values()].flat())].sort((a, b) => (areaNames.get(a) ?? a).localeCompare(areaNames.get(b) ?? b));
  const usedThemes = [...new Set(view.projects.flatMap((p) => (p.theme ? [p.theme] : [])))];
  const money = (n: number) => formatMoney(n, view.currency, i18n.language);
  const { minProjects: min, maxProjects: max } = view;
  const limits = min !== null && max !== null ? t('budget.minMax', { min, max }) : min !== null ? t('budget.minOnly', { min }) : max !== null ? t('budget.maxOnly', { max }) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void (codeMode ? submitWithCode(code.trim()) : submit());
  };
  const onNextVoter = () => {
    setCode('');
    setArea('');
    setTheme('');
    nextVoter();
    document.getElementById('voter-code')?.focus();
  };

  return (
    <>
      {header}
      <main className="page-main budget-page" id="main">
        <p className="page-intro">{t('budget.intro', { amount: money(view.budget) })}</p>
        {/* the planners' own words, as text, in whatever language they wrote them */}
        {view.intro ? <p className="page-intro" dir="auto" data-testid="budget-own-intro">{view.intro}</p> : null}
        {view.votingOpen && view.closesAt && <p>{t('budget.dates', { date: formatDate(view.closesAt, i18n.language) })}</p>}
        {!view.votingOpen && <p role="alert">{view.resultsPublic ? t('budget.closed') : t('budget.notOpen')}</p>}
        {limits && <p>{limits}</p>}
        <form onSubmit={onSubmit} className="budget-form">
          {codeMode && (
            <p className="budget-code">
              <label htmlFor="voter-code">{t('budget.code')}</label>
              <span id="voter-code-hint">{t('budget.codeHint')}</span>
              <input id="voter-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} required aria-describedby="voter-code-hint" />
            </p>
          )}
          <fieldset className="budget-filters">
            <legend>{t('budget.filters')}</legend>
            <label>
              {t('budget.area')}
              <select value={area} onChange={(e) => setArea(e.target.value)}>
                <option value="">{t('budget.allAreas')}</option>
                {usedAreas.map((id) => (
                  <option key={id} value={id}>{areaNames.get(id) ?? id}</option>
                ))}
              </select>
            </label>
            <label>
              {t('budget.theme')}
              <select value={theme} onChange={(e) => setTheme(e.target.value)}>
                <option value="">{t('budget.allThemes')}</option>
                {usedThemes.map((id) => (
                  <option key={id} value={id}>{themeLabels.get(id) ?? id}</option>
                ))}
              </select>
            </label>
          </fieldset>
          <SpendBar spent={spent} amount={view.budget} currency={view.currency} chosen={chosen.length} />
          <h2 id="budget-projects-heading">{t('budget.projects')}</h2>
          <p className="budget-shown">{t('budget.projectCount', { count: shown.length })}</p>
          {projectMap && markers.length ? (
            <div className="ballot-map-block">
              <button type="button" className="button button--small" aria-expanded={mapShown} aria-controls="ballot-map" onClick={() => setMapShown((v) => !v)}>
                {mapShown ? t('budgetBallot.hideMap') : t('budgetBallot.showMap')}
              </button>
              <div id="ballot-map" hidden={!mapShown}>
                {mapShown ? projectMap({ areas: ready.areas, markers, onPick, label: t('budgetBallot.mapLabel', { count: markers.length }) }) : null}
                <p className="planner-hint">{t('budgetBallot.mapHint', { count: shown.length - markers.length })}</p>
              </div>
            </div>
          ) : null}
          <ul className="ballot-projects" aria-labelledby="budget-projects-heading">
            {shown.map((p) => (
              <BallotProject
                key={p.id}
                project={p}
                currency={view.currency}
                checked={chosen.includes(p.id)}
                fits={spent + p.cost <= view.budget}
                disabled={!view.votingOpen || (full && !chosen.includes(p.id))}
                themeLabel={p.theme ? (themeLabels.get(p.theme) ?? p.theme) : null}
                places={(placesOf.get(p.id) ?? []).map((id) => areaNames.get(id) ?? id)}
                onToggle={toggle}
              />
            ))}
          </ul>
          <button type="submit" className="button button--primary" disabled={!view.votingOpen || status.kind === 'sending'}>
            {view.ballot && !codeMode ? t('budget.change') : t('budget.submit')}
          </button>
          <StatusLine status={status} currency={view.currency} receivedAt={codeMode ? null : (view.ballot?.updatedAt ?? null)} />
          {codeMode && status.kind === 'sent' && (
            <button type="button" className="button" onClick={onNextVoter}>
              {t('budget.nextVoter')}
            </button>
          )}
        </form>
      </main>
    </>
  );
}
