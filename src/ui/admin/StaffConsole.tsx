// /staff: sign in; every consultation this person can see with links to its pages; admins create consultations (from
// a form or a template file) and manage accounts; planners and admins manage a consultation's status and team.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../../core/appRoutes.ts';
import type { Theme } from '../../core/types.ts';
import type { Consultation, ConsultationSummary, StaffAccount, StaffApi } from '../../persistence/staffApi.ts';
import { staffRoleIn } from '../../store/authStore.ts';
import { useAuth } from '../../store/useAuth.ts';
import { PlainHeader } from '../consultations/FrontPage.tsx';
import { StatusBadge } from '../consultations/StatusBadge.tsx';
import '../consultations/consultations.css';
import { LiveAnnouncer, announce } from '../LiveAnnouncer.tsx';
import { SignInForm } from '../SignInForm.tsx';
import { CreateConsultationForm } from './CreateConsultationForm.tsx';
import { InvitePage } from './InvitePage.tsx';
import { ManageConsultation } from './ManageConsultation.tsx';
import { FormAlert, useRefusalText } from './staffForm.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './staffEnglish.ts';

interface Props {
  api: StaffApi;
  /** the server's default themes, offered in the new-consultation form */
  themes: Theme[];
  /** /invite/<token>: the invitation page instead of the console */
  inviteToken?: string;
}

function ConsultationRow({ c, canManage, onManage }: { c: ConsultationSummary; canManage: boolean; onManage(): void }) {
  const { t } = useTranslation();
  return (
    <li className={`consultation-card consultation-card--${c.status}`} data-manage={c.slug}>
      <h3 className="consultation-card__title">{c.title}</h3>
      <p className="consultation-card__meta">
        <StatusBadge status={c.status} />
        <span>{t('staff.list.slug', { slug: c.slug })}</span>
        <span>{t('consultation.contributions', { count: c.counts.pins })}</span>
      </p>
      <p className="staff-links">
        <a href={consultationPath(c.slug)}>{t('staff.list.resident')}</a>
        <a href={consultationPath(c.slug, 'planner')}>{t('staff.list.planner')}</a>
        <a href={consultationPath(c.slug, 'table')}>{t('staff.list.table')}</a>
      </p>
      {canManage ? (
        <button type="button" className="button" onClick={onManage}>
          {t('staff.list.manage', { title: c.title })}
        </button>
      ) : null}
    </li>
  );
}

export function StaffConsole({ api, themes, inviteToken }: Props) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const user = useAuth((s) => s.user);
  const memberships = useAuth((s) => s.memberships);
  const checked = useAuth((s) => s.checked);
  const sessionChecked = useAuth((s) => s.sessionChecked);
  const [consultations, setConsultations] = useState<ConsultationSummary[] | null>(null);
  const [users, setUsers] = useState<StaffAccount[] | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const admin = user?.role === 'admin';

  useEffect(
    function askWhoIsSignedIn() {
      if (!checked) void sessionChecked();
    },
    [checked, sessionChecked],
  );

  const reload = useCallback(async () => {
    setFailure(null);
    try {
      const [list, accounts] = await Promise.all([api.listConsultations(), admin ? api.listUsers() : Promise.resolve(null)]);
      setConsultations(list);
      setUsers(accounts);
    } catch (error) {
      setFailure(refusal(error));
    }
  }, [api, admin, refusal]);

  useEffect(
    function readWhatThisPersonSees() {
      if (user) void reload();
      else setConsultations(null);
    },
    [user, reload],
  );

  function created(c: Consultation) {
    announce(t('staff.create.created', { title: c.title }));
    void reload().then(() => setManaging(c.slug));
  }

  const selected = consultations?.find((c) => c.slug === managing) ?? null;
  const canManage = (slug: string) => {
    const role = user ? staffRoleIn({ user, memberships }, slug) : null;
    return role === 'admin' || role === 'planner';
  };

  return (
    <>
      <LiveAnnouncer />
      <PlainHeader title={t('staff.title')} tagline={t('staff.tagline')} links={[{ href: '/', label: t('staff.frontLink') }]} />
      <main className="page-main" id="main">
        {inviteToken ? (
          <InvitePage api={api} token={inviteToken} />
        ) : (
          <>
            {checked && !user ? <p>{t('staff.signInIntro')}</p> : null}
            <div className="staff-section">
              <SignInForm headingLevel={2} />
            </div>
            <FormAlert text={failure} />
            {user && selected ? (
              <ManageConsultation
                key={selected.slug}
                api={api}
                consultation={selected}
                users={users}
                onChanged={() => void reload()}
                onBack={() => {
                  const slug = selected.slug;
                  setManaging(null);
                  // back on the list, focus goes to the button that opened this consultation
                  setTimeout(() => [...document.querySelectorAll<HTMLElement>('[data-manage]')].find((li) => li.dataset.manage === slug)?.querySelector('button')?.focus(), 0);
                }}
              />
            ) : null}
            {user && consultations && !selected ? (
              <section className="staff-section" aria-labelledby="staff-list-heading">
                <h2 id="staff-list-heading">{t('staff.list.heading')}</h2>
                {consultations.length === 0 ? <p>{t('staff.list.empty')}</p> : null}
                <ul className="consultation-list">
                  {consultations.map((c) => (
                    <ConsultationRow key={c.slug} c={c} canManage={canManage(c.slug)} onManage={() => setManaging(c.slug)} />
                  ))}
                </ul>
              </section>
            ) : null}
            {user && admin && !selected ? (
              <>
                <CreateConsultationForm api={api} themes={themes} onCreated={created} />
                <TemplateForm api={api} onCreated={created} />
                {users ? <UsersPanel api={api} users={users} selfId={user.id} onChanged={() => void reload()} /> : null}
              </>
            ) : null}
          </>
        )}
      </main>
    </>
  );
}
