// one consultation at the console: its status (closing asks first), its template for download, and its team.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationStatus, ConsultationSummary, StaffApi, StaffAccount } from '../../persistence/staffApi.ts';
import { downloadText } from '../downloadText.ts';
import { announce } from '../LiveAnnouncer.tsx';
import { StatusBadge } from '../consultations/StatusBadge.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { FormAlert, useRefusalText } from './staffForm.tsx';
import './staffEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'updateConsultation' | 'templateText' | 'listMembers' | 'setMember' | 'removeMember'>;
  consultation: ConsultationSummary;
  /** every staff account (admins), to add to the team; null when this person cannot list them */
  users: StaffAccount[] | null;
  onChanged(): void;
  onBack(): void;
}

const NEXT: Record<ConsultationStatus, ConsultationStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed', 'draft'],
  closed: ['open', 'archived', 'draft'],
  archived: ['draft', 'closed'],
};

export function ManageConsultation({ api, consultation: c, users, onChanged, onBack }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const refusal = useRefusalText();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // a layout effect: focus moves in the same commit that shows it, never a moment after (a screen reader, or a test, found it unfocused)
  useLayoutEffect(function focusHeading() {
    heading.current?.focus();
  }, []);

  async function statusChosen(status: ConsultationStatus) {
    setBusy(true);
    setFailure(null);
    try {
      await api.updateConsultation(c.slug, { status });
      setConfirmingClose(false);
      announce(t('staff.manage.statusChanged', { title: c.title, status: t(`consultation.status.${status}`) }));
      onChanged();
    } catch (error) {
      setFailure(refusal(error));
    } finally {
      setBusy(false);
    }
  }

  async function downloadTemplate() {
    setFailure(null);
    try {
      downloadText(await api.templateText(c.slug), `${c.slug}-template.json`, 'application/json');
    } catch (error) {
      setFailure(refusal(error));
    }
  }

  return (
    <section className="staff-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('staff.manage.heading', { title: c.title })}
      </h2>
      <p>
        <button type="button" className="button" onClick={onBack}>
          {t('staff.manage.back')}
        </button>
      </p>
      <h3>{t('staff.manage.status')}</h3>
      <p>
        <StatusBadge status={c.status} />
      </p>
      {confirmingClose ? (
        <div className="pin-actions pin-actions--confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('staff.manage.confirmClose', { title: c.title })}</p>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void statusChosen('closed')}>
            {t('staff.manage.confirmCloseYes')}
          </button>
          <button type="button" className="button" autoFocus onClick={() => setConfirmingClose(false)}>
            {t('staff.manage.confirmCloseNo')}
          </button>
        </div>
      ) : (
        <div className="staff-row">
          {NEXT[c.status].map((status) => (
            <button key={status} type="button" className="button" disabled={busy} onClick={() => (status === 'closed' ? setConfirmingClose(true) : void statusChosen(status))}>
              {t(`staff.manage.setStatus.${status}`)}
            </button>
          ))}
          <button type="button" className="button" onClick={() => void downloadTemplate()}>
            {t('staff.manage.template')}
          </button>
        </div>
      )}
      <FormAlert text={failure} />
      <MembersPanel api={api} slug={c.slug} users={users} />
    </section>
  );
}
