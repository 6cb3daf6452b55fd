// the list view: the same filtered pins as the map, as a sortable table with the same actions, each pin's note, and a
// text search and neighbourhood choice of its own.
import { useId, useMemo, useState } from 'react';
import { foldForSearch } from '../core/places/findPlaces.ts';
import { useTranslation } from 'react-i18next';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { AnswerFilterSelect, matchesAnswerFilter } from './dialogue/AnswerFilterSelect.tsx';
import type { AnswerFilter } from './dialogue/AnswerFilterSelect.tsx';
import { AnsweredBadge } from './dialogue/PinAnswer.tsx';
import './dialogue/loopEnglish.ts';
import { formatDate } from './formatDate.ts';
import { PinActions } from './PinActions.tsx';
import { SyncBadge } from './planner-tools/SyncBadge.tsx';
import { sortPins } from './sortPins.ts';
import type { Sort, SortKey } from './sortPins.ts';
import { ThemeIcon } from './ThemeIcon.tsx';
import { useAreaNames, useThemeLabels } from './useThemeLabels.ts';
import './residentPanelsEnglish.ts';

const COLUMNS: readonly SortKey[] = ['title', 'kind', 'theme', 'area', 'createdAt', 'supports', 'response'];

export function PinList() {
  const { t, i18n } = useTranslation();
  const pins = useAppStore(selectVisiblePins);
  const { byId } = useThemeLabels();
  const areaNames = useAreaNames();
  const areas = useAppStore((s) => s.areas);
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', direction: 'descending' });
  const [answers, setAnswers] = useState<AnswerFilter>('all');
  const [search, setSearch] = useState('');
  const [area, setArea] = useState('');
  const searchId = useId();
  const areaId = useId();

  const sorted = useMemo(() => {
    const labelOf = (key: 'theme' | 'area' | 'kind', id: string) =>
      key === 'theme' ? (byId.get(id)?.label ?? id) : key === 'area' ? (areaNames.get(id) ?? id) : t(`kind.${id}`);
    const wanted = foldForSearch(search);
    const matching = pins.filter(
      (pin) =>
        matchesAnswerFilter(pin, answers) &&
        (area === '' || pin.properties.area === area) &&
        (wanted === '' || foldForSearch(`${pin.properties.title}\n${pin.properties.note ?? ''}`).includes(wanted)),
    );
    return sortPins(matching, sort, labelOf, i18n.language);
  }, [pins, sort, byId, areaNames, t, i18n.language, search, area, answers]);
  const areaChoices = useMemo(
    () => areas.features.map((f) => ({ id: f.properties.id, name: f.properties.name })).sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [areas, i18n.language],
  );

  function sortBy(key: SortKey) {
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  }

  return (
    <section className="pin-list" aria-labelledby="pin-list">
      <h2 id="pin-list" tabIndex={-1}>
        {t('list.heading')}
      </h2>
      <AnswerFilterSelect value={answers} onChange={setAnswers} />
      <div className="pin-list__tools" role="search">
        <div className="pin-list__tool">
          <label htmlFor={searchId}>{t('resident17.list.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
        <div className="pin-list__tool">
          <label htmlFor={areaId}>{t('resident17.list.area')}</label>
          <select id={areaId} value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('resident17.list.allAreas')}</option>
            {areaChoices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {sorted.length === 0 ? <p>{t('list.empty')}</p> : null}
      <table>
        <caption>{t('list.caption', { count: sorted.length })}</caption>
        <thead>
          <tr>
            {COLUMNS.flatMap((key) => [
              <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                  {key === 'response' ? t('loop.list.column') : t(`list.columns.${key}`)}
                  <span className="sort-indicator" aria-hidden="true">
                    {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>,
              ...(key === 'title'
                ? [
                    <th key="note" scope="col" className="pin-list__note-heading">
                      {t('resident17.list.note')}
                    </th>,
                  ]
                : []),
            ])}
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
                <td className="pin-list__note" data-label={t('resident17.list.note')}>
                  {p.note ?? <span className="visually-hidden">{t('resident17.list.noNote')}</span>}
                </td>
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
