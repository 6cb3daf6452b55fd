// placeholder for the touch-table workshop mode at /table, which is a later piece of work.
import { useTranslation } from 'react-i18next';

export function TableModePending() {
  const { t } = useTranslation();
  return (
    <main className="app-main app-main--single">
      <h1>{t('table.title')}</h1>
      <p>{t('table.pending')}</p>
      <p>
        <a href="/">{t('table.back')}</a>
      </p>
    </main>
  );
}
