// short messages at the spot they are about, turned to face the side they are for; they go away by themselves.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { centreInside, sideRotation } from '../../core/sideRotation.ts';
import type { Toast } from '../../store/tableStore.ts';
import { useTableStore } from './useTableStore.ts';

export const TOAST_MS = 4000;
/** room kept for a toast (its max-width and a few lines), before it is turned to face its side */
const TOAST_BOX = { width: 400, height: 160 };

function ToastBubble({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const expired = useTableStore((s) => s.toastExpired);
  useEffect(
    function expireLater() {
      const timer = window.setTimeout(() => expired(toast.id), TOAST_MS);
      return function keepToast() {
        window.clearTimeout(timer);
      };
    },
    [expired, toast.id],
  );
  // a toast for the left or right end is turned a quarter, so it needs its room the other way round
  const { x, y } = centreInside(toast.at, toast.side, TOAST_BOX, { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight });
  return (
    <p className={`table-toast table-toast--${toast.message}`} style={{ left: x, top: y, transform: `translate(-50%, -50%) rotate(${sideRotation(toast.side)}deg)` }}>
      {t(`table.toast.${toast.message}`)}
    </p>
  );
}

export function TableToasts() {
  const toasts = useTableStore((s) => s.toasts);
  return (
    <div className="table-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastBubble key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
