// a bar per theme (things to change and things to keep) for the selected area or all; choosing a theme filters everything.
import { useTranslation } from 'react-i18next';
import { themeBars } from '../../core/dashboardTables.ts';
import type { PublishedCounts } from '../../core/smallCounts.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { barValue, describePublished, formatPublished } from './formatPublished.ts';

export function ThemeBars({ counts }: { counts: PublishedCounts }) {
  const { t } = useTranslation();
  const selectedTheme = usePlannerStore((s) => s.selectedTheme);
  const themeSelected = usePlannerStore((s) => s.themeSelected);
  const themeOf = usePlannerThemes();
  const bars = themeBars(counts);
  const max = Math.max(1, ...bars.map((b) => Math.max(barValue(b.asset), barValue(b.priority))));
  return (
    <ul className="planner-bars" aria-label={t('planner.bars.label')}>
      {bars.map((bar) => {
        const theme = themeOf(bar.theme);
        return (
          <li key={bar.theme} data-theme={bar.theme}>
            <button type="button" aria-pressed={selectedTheme === bar.theme} onClick={() => themeSelected(bar.theme)}>
              <span className="planner-swatch" style={{ background: theme.colour }} aria-hidden="true" />
              {theme.label}
            </button>
            {(['priority', 'asset'] as const).map((kind) => (
              <div key={kind} className={`planner-bar planner-bar--${kind}`}>
                <span className="planner-bar-fill" style={{ width: `${(barValue(bar[kind]) / max) * 100}%` }} aria-hidden="true" />
                <span className="planner-bar-text" data-kind={kind} title={describePublished(t, bar[kind])}>
                  {t(`planner.bars.${kind}`, { value: formatPublished(t, bar[kind]) })}
                </span>
              </div>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
