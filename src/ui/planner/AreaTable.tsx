// the per-area table: sortable, one row per neighbourhood; choosing a row selects the area on the map too.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaRows, sortAreaRows, type AreaSortKey } from '../../core/dashboardTables.ts';
import type { PublishedVerdicts } from '../../core/layers/assetConfirmationsByArea.ts';
import type { PublishedCounts } from '../../core/smallCounts.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { useAreaConfirmations } from '../layers/useAreaConfirmations.ts';
import { describePublished, formatPublished } from './formatPublished.ts';

const COLUMNS: readonly AreaSortKey[] = ['name', 'total', 'asset', 'priority', 'density', 'gap'];

export function AreaTable({ published }: { published: PublishedCounts[] }) {
  const { t } = useTranslation();
  const areas = usePlannerStore((s) => s.areas);
  const areaKm2 = usePlannerStore((s) => s.areaKm2);
  const k = usePlannerStore((s) => s.minCount);
  const selected = usePlannerStore((s) => s.selectedArea);
  const areaSelected = usePlannerStore((s) => s.areaSelected);
  // residents' confirmations of the council's assets, beside (never inside) the pins they made
  const confirmations = useAreaConfirmations(areas);
  const [sort, setSort] = useState<{ key: AreaSortKey; direction: 'asc' | 'desc' }>({ key: 'total', direction: 'desc' });
  const rows = useMemo(() => {
    if (published.length !== areas.features.length) return [];
    const base = areaRows(areas.features.map((f) => f.properties), published, areaKm2);
    return sortAreaRows(base, sort.key, sort.direction, k);
  }, [areas, published, areaKm2, sort, k]);

  function sortBy(key: AreaSortKey) {
    setSort((s) => ({ key, direction: s.key === key ? (s.direction === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' }));
  }

  return (
    <div className="planner-table-wrap">
      <table className="planner-table" aria-label={t('planner.table.label')}>
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => sortBy(key)}>
                  {t(`planner.table.${key}`)}
                </button>
              </th>
            ))}
            {confirmations ? <th scope="col" title={t('layers.planner.confirmationsHint')}>{t('layers.planner.confirmationsColumn')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.index === selected ? 'is-selected' : undefined} data-area-id={row.id}>
              <th scope="row">
                <button type="button" aria-pressed={row.index === selected} onClick={() => areaSelected(row.index === selected ? null : row.index)}>
                  {row.name}
                </button>
              </th>
              {(['total', 'asset', 'priority'] as const).map((key) => (
                <td key={key} data-col={key} title={describePublished(t, row[key])}>
                  {formatPublished(t, row[key])}
                </td>
              ))}
              <td data-col="density" title={describePublished(t, row.density, 1)}>
                {formatPublished(t, row.density, 1)}
              </td>
              <td data-col="gap" title={describePublished(t, row.gap, 2)}>
                {typeof row.gap === 'number' && row.gap > 0 ? '+' : ''}
                {formatPublished(t, row.gap, 2)}
              </td>
              {confirmations ? <ConfirmationsCell counts={confirmations.byArea[row.id]} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="planner-hint">{t('planner.table.note', { k })}</p>
    </div>
  );
}

function ConfirmationsCell({ counts }: { counts: PublishedVerdicts | undefined }) {
  const { t } = useTranslation();
  if (!counts) return <td data-col="confirmations">–</td>;
  const text = t('layers.planner.confirmationsCell', { valued: formatPublished(t, counts.valued), missing: formatPublished(t, counts.missing), closed: formatPublished(t, counts.closed) });
  return <td data-col="confirmations" title={describePublished(t, counts.valued)}>{text}</td>;
}
