// pins per week as a plain svg column chart; each column carries its figure as text.
import { useTranslation } from 'react-i18next';
import { weekRows } from '../../core/dashboardTables.ts';
import type { WeeklyCounts } from '../../core/weeklyCounts.ts';
import { barValue, formatPublished } from './formatPublished.ts';

export function WeeklyChart({ weeks, k }: { weeks: WeeklyCounts; k: number }) {
  const { t } = useTranslation();
  const rows = weekRows(weeks, k);
  if (rows.length === 0) return <p className="planner-hint">{t('planner.weeks.none')}</p>;
  const max = Math.max(1, ...rows.map((r) => barValue(r.total)));
  const width = 100 / rows.length;
  return (
    <figure className="planner-weeks">
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={t('planner.weeks.label', { weeks: rows.length, first: rows[0]!.week, last: rows[rows.length - 1]!.week })}>
        {rows.map((row, i) => {
          const h = (barValue(row.total) / max) * 38;
          const withheld = typeof row.total !== 'number';
          return (
            <rect key={row.week} x={i * width + width * 0.1} width={width * 0.8} y={withheld ? 36 : 40 - h} height={withheld ? 4 : h} fill={withheld ? 'url(#planner-hatch)' : '#3b528b'}>
              <title>{t('planner.weeks.bar', { week: row.week, value: formatPublished(t, row.total) })}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="planner-weeks-axis">
        <span>{rows[0]!.week}</span>
        <span>{rows[rows.length - 1]!.week}</span>
      </figcaption>
    </figure>
  );
}
