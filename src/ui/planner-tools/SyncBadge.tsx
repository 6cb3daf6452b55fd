// "Waiting to send" / "Sent" beside a pin made on this device, in server mode only.
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../../core/types.ts';
import { isOwnPin } from '../../store/selectVisiblePins.ts';
import { useAppStore } from '../../store/useAppStore.ts';

export function SyncBadge({ pin }: { pin: PinFeature }) {
  const { t } = useTranslation();
  const server = useAppStore((s) => s.mode === 'server');
  const pending = useAppStore((s) => s.pendingIds.has(pin.id));
  const own = useAppStore((s) => isOwnPin(s, pin));
  if (!server || (!pending && !own)) return null;
  return <span className={pending ? 'sync-badge sync-badge--pending' : 'sync-badge sync-badge--sent'}>{pending ? t('sync.badge.pending') : t('sync.badge.sent')}</span>;
}
