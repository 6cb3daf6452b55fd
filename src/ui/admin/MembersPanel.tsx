// a consultation's team: who is a planner or facilitator, adding a staff account to it, and taking one off.
import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberRole, StaffApi, StaffAccount } from '../../persistence/staffApi.ts';
import { announce } from '../LiveAnnouncer.tsx';
import { FormAlert, useRefusalText } from './staffForm.tsx';
import './staffEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'listMembers' | 'setMember' | 'removeMember'>;
  slug: string;
  users: StaffAccount[] | null;
}

export function MembersPanel({ api, slug, users }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const refusal = useRefusalText();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<MemberRole>('planner');
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setMembers(await api.listMembers(slug));
    } catch (error) {
      setFailure(refusal(error));
    }
  }, [api, slug, refusal]);
  useEffect(
    function readMembers() {
      void reload();
    },
    [reload],
  );

  async function add(event: FormEvent) {
    event.preventDefault();
    const user = users?.find((u) => u.id === userId);
    if (!user) return;
    setFailure(null);
    try {
      await api.setMember(slug, user.id, role);
      announce(t('staff.manage.added', { name: user.name, role: t(`staff.manage.memberRole.${role}`) }));
      await reload();
    } catch (error) {
      setFailure(refusal(error));
    }
  }

  async function remove(member: Member) {
    setFailure(null);
    try {
      await api.removeMember(slug, member.user.id);
      announce(t('staff.manage.removed', { name: member.user.name }));
      await reload();
      document.getElementById(`${id}-heading`)?.focus();
    } catch (error) {
      setFailure(refusal(error));
    }
  }

  const candidates = (users ?? []).filter((u) => u.role !== 'admin' && !members?.some((m) => m.user.id === u.id));
  return (
    <>
      <h3 id={`${id}-heading`} tabIndex={-1}>
        {t('staff.manage.members')}
      </h3>
      {members && members.length === 0 ? <p>{t('staff.manage.noMembers')}</p> : null}
      {members && members.length > 0 ? (
        <ul className="staff-members">
          {members.map((m) => (
            <li key={m.user.id} className="staff-row">
              <span>
                {m.user.name} ({m.user.email}): {t(`staff.manage.memberRole.${m.role}`)}
              </span>
              <button type="button" className="button button--small" onClick={() => void remove(m)}>
                {t('staff.manage.remove', { name: m.user.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {candidates.length > 0 ? (
        <form className="staff-row" aria-labelledby={`${id}-add`} onSubmit={(e) => void add(e)}>
          <h4 id={`${id}-add`} className="visually-hidden">
            {t('staff.manage.addMember')}
          </h4>
          <div className="field">
            <label htmlFor={`${id}-user`}>{t('staff.manage.person')}</label>
            <select id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">—</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('staff.manage.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              <option value="planner">{t('staff.manage.memberRole.planner')}</option>
              <option value="facilitator">{t('staff.manage.memberRole.facilitator')}</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={!userId}>
            {t('staff.manage.add')}
          </button>
        </form>
      ) : null}
      <FormAlert text={failure} />
    </>
  );
}
