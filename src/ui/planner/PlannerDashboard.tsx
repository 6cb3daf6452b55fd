// the dashboard beside the map: the selection's figures, theme bars, top themes and pins, pins over time, per-area table.
import { useMemo } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { topThemes } from '../../core/dashboardTables.ts';
import { overallPublished } from '../../core/layerValues.ts';
import type { PublishedCount, PublishedCounts } from '../../core/smallCounts.ts';
import { useStaffRole } from '../../store/useAuth.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { usePlannerLayer } from '../../store/usePlannerLayer.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { AreaTable } from './AreaTable.tsx';
import { describePublished, formatPublished, hiddenFigureNotes } from './formatPublished.ts';
import { ThemeBars } from './ThemeBars.tsx';
import { WeeklyChart } from './WeeklyChart.tsx';

export function PlannerDashboard() {
  const { t } = useTranslation();
  const id = useId();
  const result = usePlannerStore((s) => s.result);
  const areas = usePlannerStore((s) => s.areas);
  const k = usePlannerStore((s) => s.minCount);
  const selectedArea = usePlannerStore((s) => s.selectedArea);
  const selectedTheme = usePlannerStore((s) => s.selectedTheme);
  const areaSelected = usePlannerStore((s) => s.areaSelected);
  const themeSelected = usePlannerStore((s) => s.themeSelected);
  const { published } = usePlannerLayer();
  const themeOf = usePlannerThemes();
  const consultation = useConsultation();
  const role = useStaffRole();
  // "All areas" is added up from the published figures, so it never gives a hidden area away by subtraction
  const overall = useMemo(() => (result ? overallPublished(result.areas, k) : null), [result, k]);
  const notes = useMemo(() => hiddenFigureNotes(t, [...(overall ? figuresOf(overall) : []), ...published.flatMap(figuresOf)]), [t, overall, published]);
  if (!result || !overall) return <p className="planner-hint">{t('planner.dashboard.waiting')}</p>;
  const scope = selectedArea !== null ? published[selectedArea] : overall;
  const areaName = selectedArea !== null ? areas.features[selectedArea]?.properties.name : undefined;
  if (!scope) return null;

  return (
    <section className="planner-dashboard" aria-labelledby={`${id}-dash`}>
      <h2 id={`${id}-dash`}>{t('planner.dashboard.heading')}</h2>
      {result.protection ? (
        <p className="planner-hint" data-testid="counts-audience">
          {t('privacy.audience.public', { k: result.protection.minCount })}
        </p>
      ) : consultation && (role !== null || consultation.viewerRole) ? (
        <p className="planner-hint" data-testid="counts-audience">
          {t('privacy.audience.staff', { k: consultation.settings.minCount })}
        </p>
      ) : null}
      <div className="planner-scope">
        <p data-testid="planner-scope">{areaName ? t('planner.dashboard.area', { name: areaName }) : t('planner.dashboard.allAreas')}</p>
        {selectedTheme ? <p>{t('planner.dashboard.theme', { theme: themeOf(selectedTheme).label })}</p> : null}
        <div className="planner-row">
          {selectedArea !== null ? (
            <button type="button" onClick={() => areaSelected(null)}>
              {t('planner.dashboard.showAllAreas')}
            </button>
          ) : null}
          {selectedTheme ? (
            <button type="button" onClick={() => themeSelected(selectedTheme)}>
              {t('planner.dashboard.showAllThemes')}
            </button>
          ) : null}
        </div>
      </div>
      <dl className="planner-figures">
        {(['total', 'priority', 'asset'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`planner.dashboard.${key}`)}</dt>
            <dd data-figure={key} title={describePublished(t, scope[key])}>
              {/* a short word here; the list below says once what each word means */}
              {formatPublished(t, scope[key])}
            </dd>
          </div>
        ))}
      </dl>
      {notes.length ? (
        <ul className="planner-hint" data-testid="hidden-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <h3>{t('planner.bars.heading')}</h3>
      <ThemeBars counts={scope} />
      <div className="planner-tops">
        {(['priority', 'asset'] as const).map((kind) => (
          <div key={kind}>
            <h3>{t(`planner.top.themes.${kind}`)}</h3>
            <ol>
              {topThemes(scope, kind, 3, k).map((row) => (
                <li key={row.theme}>
                  {themeOf(row.theme).label} <span className="planner-count">{formatPublished(t, row.count)}</span>
                </li>
              ))}
            </ol>
            <h3>{t(`planner.top.pins.${kind}`)}</h3>
            {result.top[kind].length ? (
              <ol>
                {result.top[kind].map((pin) => (
                  <li key={pin.row}>
                    {pin.title || t('planner.top.untitled')} <span className="planner-count">{t('planner.top.supports', { count: pin.supports })}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="planner-hint">{t('planner.top.noSupports')}</p>
            )}
          </div>
        ))}
      </div>
      <h3>{t('planner.weeks.heading')}</h3>
      <WeeklyChart weeks={result.weeks} k={k} />
      <h3>{t('planner.table.heading')}</h3>
      <AreaTable published={published} />
    </section>
  );
}

function figuresOf(c: PublishedCounts): PublishedCount[] {
  return [c.total, c.asset, c.priority, ...Object.values(c.byTheme).flatMap((p) => [p.asset, p.priority])];
}
