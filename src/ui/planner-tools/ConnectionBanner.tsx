// tells residents when they are offline or the live connection is being restored, what is waiting, and what the server refused.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/useAppStore.ts';
import './sync.css';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const server = useAppStore((s) => s.mode === 'server');
  const connection = useAppStore((s) => s.connection);
  const pending = useAppStore((s) => s.pendingIds.size);
  const notices = useAppStore((s) => s.notices);
  const noticeDismissed = useAppStore((s) => s.noticeDismissed);
  if (!server) return null;
  const showStatus = connection !== 'online' || pending > 0;
  return (
    <div className="connection-banner-area">
      {/* the live region stays in the page so screen readers hear it appear and change */}
      <div role="status" className={showStatus ? `connection-banner connection-banner--${connection}` : 'connection-banner connection-banner--empty'}>
        {connection === 'offline' ? <p>{t('sync.connection.offline')}</p> : null}
        {connection === 'reconnecting' ? <p>{t('sync.connection.reconnecting')}</p> : null}
        {pending > 0 ? <p>{t('sync.connection.pending', { count: pending })}</p> : null}
      </div>
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="connection-banner connection-banner--refused">
          <p>{notice.code === 'consultation-closed' ? t('consultation.refusedClosed', { title: notice.title || '…' }) : notice.title ? t('sync.connection.refused', { title: notice.title, reason: notice.message }) : t('sync.connection.refusedUntitled', { reason: notice.message })}</p>
          <button type="button" className="button button--small" onClick={() => noticeDismissed(notice.id)}>
            {t('sync.connection.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
