// the explorer's pages: previous, next, which rows are on show, and how many a page holds.
import { useTranslation } from 'react-i18next';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';

const PAGE_SIZES = [25, 50, 100, 200] as const;

export function ResponsePager() {
  const { t, i18n } = useTranslation();
  const page = useResponseExplorer((s) => s.page);
  const query = useResponseExplorer((s) => s.query);
  const pageChosen = useResponseExplorer((s) => s.pageChosen);
  const pageSizeChosen = useResponseExplorer((s) => s.pageSizeChosen);
  if (!page || page.total === 0) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const last = Math.max(0, Math.floor((page.total - 1) / query.limit) * query.limit);
  return (
    <nav className="explorer-pager" aria-label={t('explorer.pager.label')}>
      <button type="button" className="button" disabled={query.offset === 0} onClick={() => pageChosen(0)}>
        {t('explorer.pager.first')}
      </button>
      <button type="button" className="button" disabled={query.offset === 0} onClick={() => pageChosen(query.offset - query.limit)}>
        {t('explorer.pager.previous')}
      </button>
      <span>{t('explorer.pager.page', { page: number.format(query.offset / query.limit + 1), pages: number.format(last / query.limit + 1) })}</span>
      <button type="button" className="button" disabled={query.offset >= last} onClick={() => pageChosen(query.offset + query.limit)}>
        {t('explorer.pager.next')}
      </button>
      <button type="button" className="button" disabled={query.offset >= last} onClick={() => pageChosen(last)}>
        {t('explorer.pager.last')}
      </button>
      <label className="explorer-pager__size">
        {t('explorer.pager.size')}
        <select value={query.limit} onChange={(e) => pageSizeChosen(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {number.format(n)}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
