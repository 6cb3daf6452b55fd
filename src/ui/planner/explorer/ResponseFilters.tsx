// the explorer's filters: area (shared with the map's selection), theme, kind, dates, words, and moderation for staff.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_MODERATION } from '../../../core/responses/responseQuery.ts';
import type { ResponseModeration } from '../../../core/responses/responseQuery.ts';
import type { PinKind } from '../../../core/types.ts';
import { usePlannerStore } from '../../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../../store/usePlannerThemes.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';

/** words are searched once typing pauses this long */
const TYPING_PAUSE_MS = 300;

export function ResponseFilters() {
  const { t } = useTranslation();
  const id = useId();
  const query = useResponseExplorer((s) => s.query);
  const canModerate = useResponseExplorer((s) => s.source?.moderate != null);
  const filterChanged = useResponseExplorer((s) => s.filterChanged);
  const areas = usePlannerStore((s) => s.areas);
  const themes = usePlannerStore((s) => s.summary?.themes ?? null);
  const selectedArea = usePlannerStore((s) => s.selectedArea);
  const areaSelected = usePlannerStore((s) => s.areaSelected);
  const themeOf = usePlannerThemes();
  const [words, setWords] = useState(query.text);

  useEffect(
    function searchWhenTypingPauses() {
      if (words.trim() === query.text) return;
      const timer = setTimeout(() => filterChanged({ text: words.trim() }), TYPING_PAUSE_MS);
      return () => clearTimeout(timer);
    },
    [words, query.text, filterChanged],
  );

  const dateProblem = query.from && query.to && query.from > query.to ? t('explorer.filters.datesReversed') : null;
  return (
    <form className="explorer-filters" role="search" aria-label={t('explorer.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="planner-field">
        {t('explorer.filters.text')}
        <input type="search" value={words} maxLength={200} onChange={(e) => setWords(e.target.value)} />
      </label>
      <label className="planner-field">
        {t('explorer.filters.area')}
        {/* the area is the map's selection: choosing one here selects it on the map, and the other way round */}
        <select value={selectedArea === null ? '' : String(selectedArea)} onChange={(e) => areaSelected(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('explorer.filters.allAreas')}</option>
          {areas.features.map((area, index) => (
            <option key={area.properties.id} value={index}>
              {area.properties.name}
            </option>
          ))}
        </select>
      </label>
      <label className="planner-field">
        {t('explorer.filters.theme')}
        <select value={query.themes?.[0] ?? ''} onChange={(e) => filterChanged({ themes: e.target.value === '' ? null : [e.target.value] })}>
          <option value="">{t('explorer.filters.allThemes')}</option>
          {(themes ?? []).map((theme) => (
            <option key={theme} value={theme}>
              {themeOf(theme).label}
            </option>
          ))}
        </select>
      </label>
      <label className="planner-field">
        {t('explorer.filters.kind')}
        <select value={query.kind ?? ''} onChange={(e) => filterChanged({ kind: e.target.value === '' ? null : (e.target.value as PinKind) })}>
          <option value="">{t('explorer.filters.bothKinds')}</option>
          <option value="asset">{t('planner.kind.asset')}</option>
          <option value="priority">{t('planner.kind.priority')}</option>
        </select>
      </label>
      <label className="planner-field">
        {t('explorer.filters.from')}
        <input type="date" value={query.from ?? ''} aria-describedby={dateProblem ? `${id}-dates` : undefined} onChange={(e) => filterChanged({ from: e.target.value || null })} />
      </label>
      <label className="planner-field">
        {t('explorer.filters.to')}
        <input type="date" value={query.to ?? ''} aria-describedby={dateProblem ? `${id}-dates` : undefined} onChange={(e) => filterChanged({ to: e.target.value || null })} />
      </label>
      {canModerate ? (
        <label className="planner-field">
          {t('explorer.filters.moderation')}
          <select value={query.moderation} onChange={(e) => filterChanged({ moderation: e.target.value as ResponseModeration })}>
            {RESPONSE_MODERATION.map((m) => (
              <option key={m} value={m}>
                {t(`explorer.filters.moderations.${m}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {dateProblem ? (
        <p id={`${id}-dates`} className="form-alert explorer-filters__problem" role="alert">
          {dateProblem}
        </p>
      ) : null}
    </form>
  );
}
