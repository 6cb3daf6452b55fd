// all a resident sees of the staff pages: one small link to sign in there (the planner view holds moderation, imports and the audit log).
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../core/appRoutes.ts';
import { useConsultation } from '../store/useConsultation.ts';

export function StaffSignInLink() {
  const { t } = useTranslation();
  const slug = useConsultation()?.slug ?? null;
  return (
    <p className="staff-sign-in-link">
      <a href={`${consultationPath(slug, 'planner')}#staff-heading`}>{t('explorer.staffSignIn')}</a>
    </p>
  );
}
