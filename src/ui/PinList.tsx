// the list view: the same filtered pins as the map, as a sortable table with the same actions.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { AnswerFilterSelect, matchesAnswerFilter } from './dialogue/AnswerFilterSelect.tsx';
import type { AnswerFilter } from './dialogue/AnswerFilterSelect.tsx';
import { AnsweredBadge } from './dialogue/PinAnswer.tsx';
import { formatDate } from './formatDate.ts';
import { PinActions } from './PinActions.tsx';
import { SyncBadge } from './planner-tools/SyncBadge.tsx';
import { sortPins } from './sortPins.ts';
import type { Sort, SortKey } from './sortPins.ts';
import { ThemeIcon } from './ThemeIcon.tsx';
import { useAreaNames, useThemeLabels } from './useThemeLabels.ts';

const COLUMNS: readonly SortKey[] = ['title', 'kind', 'theme', 'area', 'createdAt', 'supports', 'response'];

export function PinList() {
  const { t, i18n } = useTranslation();
  const pins = useAppStore(selectVisiblePins);
  const { byId } = useThemeLabels();
  const areaNames = useAreaNames();
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', direction: 'descending' });
  const [answers, setAnswers] = useState<AnswerFilter>('all');
  const shown = useMemo(() => pins.filter((p) => matchesAnswerFilter(p, answers)), [pins, answers]);

  const sorted = useMemo(() => {
    const labelOf = (key: 'theme' | 'area' | 'kind', id: string) =>
      key === 'theme' ? (byId.get(id)?.label ?? id) : key === 'area' ? (areaNames.get(id) ?? id) : t(`kind.${id}`);
    return sortPins(shown, sort, labelOf, i18n.language);
  }, [shown, sort, byId, areaNames, t, i18n.language]);

  function sortBy(key: SortKey) {
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  }

  return (
    <section className="pin-list" aria-labelledby="pin-list">
      <h2 id="pin-list" tabIndex={-1}>
        {t('list.heading')}
      </h2>
      <AnswerFilterSelect value={answers} onChange={setAnswers} />
      {sorted.length === 0 ? <p>{t('list.empty')}</p> : null}
      <table>
        <caption>{t('list.caption', { count: sorted.length })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                  {key === 'response' ? t('loop.list.column') : t(`list.columns.${key}`)}
                  <span className="sort-indicator" aria-hidden="true">
                    {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">{t('list.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((pin) => {
            const p = pin.properties;
            const theme = byId.get(p.theme);
            return (
              <tr key={pin.id}>
                <th scope="row" data-label={t('list.columns.title')}>
                  {p.title}
                </th>
                <td data-label={t('list.columns.kind')}>
                  <span className="with-icon">
                    <span className={`kind-swatch kind-swatch--${p.kind}`} aria-hidden="true" />
                    {t(`kind.${p.kind}`)}
                  </span>
                </td>
                <td data-label={t('list.columns.theme')}>
                  <span className="with-icon">
                    {theme ? <ThemeIcon icon={theme.theme.icon} colour={theme.theme.colour} size={16} /> : null}
                    {theme?.label ?? p.theme}
                  </span>
                </td>
                <td data-label={t('list.columns.area')}>{areaNames.get(p.area) ?? p.area}</td>
                <td data-label={t('list.columns.createdAt')}>
                  <time dateTime={p.createdAt}>{formatDate(p.createdAt, i18n.language)}</time>
                  <SyncBadge pin={pin} />
                </td>
                <td data-label={t('list.columns.supports')}>{p.supports ?? 0}</td>
                <td data-label={t('loop.list.column')}>
                  {p.response ? <span className={`answer-status answer-status--${p.response.status}`}>{t(`loop.status.${p.response.status}`)}</span> : null}
                  <AnsweredBadge pin={pin} />
                </td>
                <td className="pin-list__actions">
                  <PinActions pin={pin} showOnMap compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
