// admins: every staff account, inviting someone (the one-time link to pass on), and removing an account.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invited, StaffAccount, StaffApi } from '../../persistence/staffApi.ts';
import { formatDate } from '../formatDate.ts';
import { announce } from '../LiveAnnouncer.tsx';
import { describedBy, FormAlert, StaffField, useRefusalText } from './staffForm.tsx';
import './staffEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'inviteUser' | 'removeUser'>;
  users: StaffAccount[];
  /** the signed-in admin, who cannot remove their own account here */
  selfId: string;
  onChanged(): void;
}

export function UsersPanel({ api, users, selfId, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const refusal = useRefusalText();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'staff' | 'admin'>('staff');
  const [errors, setErrors] = useState<{ email?: string; name?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [removing, setRemoving] = useState<StaffAccount | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  // a layout effect: focus moves in the same commit that shows it, never a moment after (a screen reader, or a test, found it unfocused)
  useLayoutEffect(
    function focusTheLink() {
      // the link is what the admin came for: put them on it, ready to copy
      if (!invited) return;
      linkInput.current?.focus();
      linkInput.current?.select();
    },
    [invited],
  );

  async function invite(event: FormEvent) {
    event.preventDefault();
    const found = { ...(/^\S+@\S+$/.test(email.trim()) ? {} : { email: t('staff.users.needEmail') }), ...(name.trim() ? {} : { name: t('staff.users.needName') }) };
    setErrors(found);
    setFailure(null);
    if (found.email || found.name) {
      document.getElementById(`${id}-${found.email ? 'email' : 'name'}`)?.focus();
      return;
    }
    try {
      const answer = await api.inviteUser({ email: email.trim(), name: name.trim(), role });
      setInvited(answer);
      setEmail('');
      setName('');
      onChanged();
    } catch (error) {
      setFailure(refusal(error));
    }
  }

  async function remove(user: StaffAccount) {
    setFailure(null);
    try {
      await api.removeUser(user.id);
      setRemoving(null);
      announce(t('staff.manage.removed', { name: user.name }));
      onChanged();
    } catch (error) {
      setFailure(refusal(error));
    }
  }

  const link = invited ? new URL(invited.invitation.url, location.origin).href : '';
  return (
    <section className="staff-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('staff.users.heading')}</h2>
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.users.name')}</th>
            <th scope="col">{t('staff.users.email')}</th>
            <th scope="col">{t('staff.users.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('staff.users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>
                {t(`staff.users.roles.${u.role}`)}
                {u.hasPassword ? null : <span className="hint"> ({t('staff.users.pending')})</span>}
              </td>
              <td>
                {u.id === selfId ? null : removing?.id === u.id ? (
                  <div role="group" aria-labelledby={`${id}-confirm-${u.id}`} className="staff-row">
                    <span id={`${id}-confirm-${u.id}`}>{t('staff.users.confirmRemove', { name: u.name })}</span>
                    <button type="button" className="button button--danger button--small" onClick={() => void remove(u)}>
                      {t('staff.users.confirmRemoveYes')}
                    </button>
                    <button type="button" className="button button--small" autoFocus onClick={() => setRemoving(null)}>
                      {t('staff.users.confirmRemoveNo')}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="button button--small" onClick={() => setRemoving(u)}>
                    {t('staff.users.remove', { name: u.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('staff.users.invite')}</h3>
      <form className="staff-form" noValidate onSubmit={(e) => void invite(e)}>
        <StaffField id={`${id}-email`} label={t('staff.users.email')} error={errors.email}>
          <input id={`${id}-email`} {...describedBy(`${id}-email`, false, errors.email)} type="email" autoComplete="off" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
        </StaffField>
        <StaffField id={`${id}-name`} label={t('staff.users.name')} error={errors.name}>
          <input id={`${id}-name`} {...describedBy(`${id}-name`, false, errors.name)} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </StaffField>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('staff.users.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as 'staff' | 'admin')}>
            <option value="staff">{t('staff.users.roles.staff')}</option>
            <option value="admin">{t('staff.users.roles.admin')}</option>
          </select>
        </div>
        <FormAlert text={failure} />
        <div>
          <button type="submit" className="button button--primary">
            {t('staff.users.inviteSubmit')}
          </button>
        </div>
      </form>
      {invited ? (
        <div className="form-done" role="status">
          <p>{t('staff.users.invited', { name: invited.user.name, date: formatDate(invited.invitation.expiresAt, i18n.language) })}</p>
          <label htmlFor={`${id}-link`}>{t('staff.users.inviteLink')}</label>
          <input ref={linkInput} id={`${id}-link`} className="invite-link" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(() => announce(t('staff.users.copied')));
            }}
          >
            {t('staff.users.copy')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
