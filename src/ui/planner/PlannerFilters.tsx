// filters shared by every layer and the dashboard: kind, themes, a date range and the workshop session.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannerFilter } from '../../store/plannerStore.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { PlannerSessionFilter } from './PlannerSessionFilter.tsx';

const KINDS: readonly PlannerFilter['kind'][] = ['both', 'asset', 'priority'];

export function PlannerFilters() {
  const { t } = useTranslation();
  const id = useId();
  const filter = usePlannerStore((s) => s.filter);
  const problem = usePlannerStore((s) => s.filterProblem);
  const themes = usePlannerStore((s) => s.summary?.themes ?? null);
  const filterChanged = usePlannerStore((s) => s.filterChanged);
  const themeOf = usePlannerThemes();
  const all = themes ?? [];
  const shown = new Set(filter.themes ?? all);

  function toggleTheme(theme: string, on: boolean) {
    const next = all.filter((t) => (t === theme ? on : shown.has(t)));
    filterChanged({ themes: next.length === all.length ? null : next });
  }

  return (
    <section className="planner-section" aria-labelledby={`${id}-filters`}>
      <h2 id={`${id}-filters`}>{t('planner.filters.heading')}</h2>
      <fieldset className="planner-choices">
        <legend>{t('planner.filters.kind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name={`${id}-kind`} checked={filter.kind === kind} onChange={() => filterChanged({ kind })} />
            {t(`planner.filters.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="planner-choices planner-themes">
        <legend>{t('planner.filters.themes')}</legend>
        <div className="planner-row">
          <button type="button" onClick={() => filterChanged({ themes: null })}>
            {t('planner.filters.allThemes')}
          </button>
          <button type="button" onClick={() => filterChanged({ themes: [] })}>
            {t('planner.filters.noThemes')}
          </button>
        </div>
        {all.map((theme) => (
          <label key={theme}>
            <input type="checkbox" checked={shown.has(theme)} onChange={(e) => toggleTheme(theme, e.target.checked)} />
            <span className="planner-swatch" style={{ background: themeOf(theme).colour }} aria-hidden="true" />
            {themeOf(theme).label}
          </label>
        ))}
      </fieldset>
      <div className="planner-dates">
        <label className="planner-field">
          {t('planner.filters.from')}
          <input type="date" value={filter.from} onChange={(e) => filterChanged({ from: e.target.value })} />
        </label>
        <label className="planner-field">
          {t('planner.filters.to')}
          <input type="date" value={filter.to} onChange={(e) => filterChanged({ to: e.target.value })} />
        </label>
      </div>
      <PlannerSessionFilter />
      {problem ? (
        <p className="form-alert" role="alert">
          {t('planner.filters.dateProblem', { problem })}
        </p>
      ) : null}
    </section>
  );
}
