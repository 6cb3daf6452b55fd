// one page of a server-side list of pins: which rows are shown, of how many, and buttons to the pages either side.
import { useTranslation } from 'react-i18next';

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset(offset: number): void;
}

export function PinPager({ offset, shown, total, pageSize, onOffset }: Props) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  if (total === 0) return <p className="planner-hint">{t('plannerQueries.pager.none')}</p>;
  return (
    <nav className="planner-row pin-pager" aria-label={t('plannerQueries.pager.label')}>
      <span>{t('plannerQueries.pager.showing', { from: n(offset + 1), to: n(offset + shown), total: n(total) })}</span>
      {total > pageSize ? (
        <>
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>{t('plannerQueries.pager.previous')}</button>
          <button type="button" className="button button--small" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>{t('plannerQueries.pager.next')}</button>
        </>
      ) : null}
    </nav>
  );
}
