// the response explorer: every pin with its words, filtered, sorted and paged, linked with the map, and exported as filtered.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseQuery } from '../../../core/responses/responseQuery.ts';
import { usePlannerStore } from '../../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../../store/usePlannerThemes.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';
import './explorer.css';
import { ResponseExports } from './ResponseExports.tsx';
import { ResponseFilters } from './ResponseFilters.tsx';
import { ResponsePager } from './ResponsePager.tsx';
import { ResponseTable } from './ResponseTable.tsx';

/** the filters in words, for the table's caption and the export's statement */
function useStatedFilters(query: ResponseQuery): string {
  const { t } = useTranslation();
  const areas = usePlannerStore((s) => s.areas);
  const themeOf = usePlannerThemes();
  const parts: string[] = [];
  if (query.area !== null) parts.push(t('explorer.stated.area', { area: areas.features.find((a) => a.properties.id === query.area)?.properties.name ?? query.area }));
  if (query.themes !== null) parts.push(t('explorer.stated.themes', { themes: query.themes.map((id) => themeOf(id).label).join(', ') }));
  if (query.kind !== null) parts.push(t('explorer.stated.kind', { kind: t(`planner.kind.${query.kind}`) }));
  if (query.from !== null || query.to !== null) parts.push(t('explorer.stated.dates', { from: query.from ?? t('explorer.stated.start'), to: query.to ?? t('explorer.stated.now') }));
  if (query.text !== '') parts.push(t('explorer.stated.text', { text: query.text }));
  if (query.moderation !== 'visible') parts.push(t(`explorer.filters.moderations.${query.moderation}`));
  return parts.length === 0 ? t('explorer.stated.none') : parts.join('; ');
}

export function ResponseExplorer() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const query = useResponseExplorer((s) => s.query);
  const page = useResponseExplorer((s) => s.page);
  const status = useResponseExplorer((s) => s.status);
  const problem = useResponseExplorer((s) => s.problem);
  const stated = useStatedFilters(query);
  const number = new Intl.NumberFormat(i18n.language);
  const staffOnly = problem?.code === 'sign-in-required' || problem?.code === 'forbidden';

  return (
    <section className="response-explorer" aria-labelledby={`${id}-heading`} id="responses">
      <h2 id={`${id}-heading`}>{t('explorer.heading')}</h2>
      <p className="planner-hint">{t('explorer.intro')}</p>
      {staffOnly ? (
        <p className="explorer-signin">
          {t(problem.code === 'forbidden' ? 'explorer.notMember' : 'explorer.signInFirst')} <a href="#staff-heading">{t('explorer.toSignIn')}</a>
        </p>
      ) : (
        <>
          <ResponseFilters />
          <p id={`${id}-caption`} className="explorer-caption" aria-live="polite">
            {page
              ? t('explorer.showing', { from: number.format(page.total === 0 ? 0 : page.offset + 1), to: number.format(page.offset + page.rows.length), total: number.format(page.total), filters: stated })
              : t('explorer.loading')}
            {status === 'loading' && page ? <span className="planner-hint"> {t('explorer.updating')}</span> : null}
          </p>
          {problem ? (
            <p className="form-alert" role="alert">
              {t('explorer.failed', { reason: problem.message })}
            </p>
          ) : null}
          {page && page.total === 0 ? <p>{t('explorer.none')}</p> : null}
          {page && page.total > 0 ? <ResponseTable captionId={`${id}-caption`} /> : null}
          <ResponsePager />
          <ResponseExports statedFilters={stated} />
        </>
      )}
    </section>
  );
}
