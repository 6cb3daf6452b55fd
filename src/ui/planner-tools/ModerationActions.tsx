// "Hide" for signed-in planners in server mode: the pin disappears for everyone, with a reason in the audit log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../../core/types.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useStaffRole } from '../../store/useAuth.ts';
import { ReasonForm } from './ReasonForm.tsx';

export function ModerationActions({ pin, compact = false }: { pin: PinFeature; compact?: boolean }) {
  const { t } = useTranslation();
  const server = useAppStore((s) => s.mode === 'server');
  // planners, facilitators and admins moderate
  const planner = useStaffRole() !== null;
  const pending = useAppStore((s) => s.pendingIds.has(pin.id));
  const pinModerated = useAppStore((s) => s.pinModerated);
  const [asking, setAsking] = useState(false);
  // a pin still waiting to be sent does not exist on the server yet
  if (!server || !planner || pending) return null;
  const title = pin.properties.title;
  if (asking) {
    return (
      <ReasonForm
        label={t('sync.moderation.reason')}
        submitLabel={t('sync.moderation.confirmHide')}
        onSubmit={(reason) => pinModerated(pin.id, 'hide', reason)}
        onCancel={() => setAsking(false)}
      />
    );
  }
  return (
    <button type="button" className="button" aria-label={compact ? t('sync.moderation.hideNamed', { title }) : undefined} onClick={() => setAsking(true)}>
      {t('sync.moderation.hide')}
    </button>
  );
}
