// the explorer's table: one row per pin with its words, sortable by its column headers (aria-sort), a row picked shows on the map.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow } from '../../../core/responses/responseIndex.ts';
import type { ResponseSortKey } from '../../../core/responses/responseQuery.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';
import { formatDate } from '../../formatDate.ts';
import { RowModeration } from './RowModeration.tsx';

const COLUMNS: readonly { key: ResponseSortKey | 'note'; sortable: boolean }[] = [
  { key: 'title', sortable: true },
  { key: 'note', sortable: false },
  { key: 'theme', sortable: true },
  { key: 'kind', sortable: true },
  { key: 'area', sortable: true },
  { key: 'createdAt', sortable: true },
  { key: 'supports', sortable: true },
  { key: 'status', sortable: true },
];

export function ResponseTable({ captionId }: { captionId: string }) {
  const { t, i18n } = useTranslation();
  const rows = useResponseExplorer((s) => s.page?.rows ?? []);
  const query = useResponseExplorer((s) => s.query);
  const selected = useResponseExplorer((s) => s.selected);
  const canModerate = useResponseExplorer((s) => s.source?.moderate != null);
  const sortChosen = useResponseExplorer((s) => s.sortChosen);
  const pinSelected = useResponseExplorer((s) => s.pinSelected);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(
    function showRowPickedOnMap() {
      // a pin picked on the map brings its row into view
      if (!selected) return;
      body.current?.querySelector(`tr[data-pin-id="${CSS.escape(selected.id)}"]`)?.scrollIntoView?.({ block: 'nearest' });
    },
    [selected],
  );

  const sortState = (key: ResponseSortKey) => (query.sort === key ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none');
  const statusText = (row: ResponseRow) => (row.hidden ? t('explorer.status.hidden') : row.status ? t(`explorer.status.values.${row.status}`, { defaultValue: row.status }) : t('explorer.status.none'));

  return (
    <div className="explorer-table-wrap">
      <table className="explorer-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            {COLUMNS.map(({ key, sortable }) => (
              <th key={key} scope="col" aria-sort={sortable ? sortState(key as ResponseSortKey) : undefined}>
                {sortable ? (
                  <button type="button" onClick={() => sortChosen(key as ResponseSortKey)}>
                    {t(`explorer.columns.${key}`)}
                    <span aria-hidden="true" className="explorer-sort-mark">
                      {query.sort === key ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : (
                  t(`explorer.columns.${key}`)
                )}
              </th>
            ))}
            {canModerate ? <th scope="col">{t('explorer.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => {
            const isSelected = row.id === selected?.id;
            return (
              <tr key={row.id} data-pin-id={row.id} className={`${isSelected ? 'is-selected' : ''}${row.hidden ? ' is-hidden' : ''}`}>
                <th scope="row">
                  <button type="button" aria-pressed={isSelected} aria-label={t('explorer.showOnMap', { title: row.title })} onClick={() => pinSelected(isSelected ? null : row)}>
                    {row.title}
                  </button>
                </th>
                <td className="explorer-note">{row.note ?? ''}</td>
                <td>{row.themeLabel}</td>
                <td>{t(`planner.kind.${row.kind}`)}</td>
                <td>{row.areaName ?? row.area}</td>
                <td className="explorer-date">
                  <time dateTime={row.createdAt}>{formatDate(row.createdAt, i18n.language)}</time>
                </td>
                <td className="explorer-number">{row.supports}</td>
                <td>
                  {statusText(row)}
                  {row.hidden && row.hiddenReason ? <span className="planner-hint explorer-reason">{t('explorer.moderation.hiddenBecause', { reason: row.hiddenReason })}</span> : null}
                </td>
                {canModerate ? (
                  <td>
                    <RowModeration row={row} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
