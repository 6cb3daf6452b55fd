// the planner view's staff pages: sign-in, then (for the consultation's planners) boundary and theme import and the audit log.
import { useTranslation } from 'react-i18next';
import type { PlannerStaffTools } from '../../../persistence/plannerStaffTools.ts';
import { useAuth, useStaffRole } from '../../../store/useAuth.ts';
import { SignInForm } from '../../SignInForm.tsx';
import '../../planner-tools/sync.css';
import { AuditLog } from './AuditLog.tsx';
import { BoundaryImport } from './BoundaryImport.tsx';
import { ThemeImport } from './ThemeImport.tsx';

export function StaffPanel({ tools, onSignedIn }: { tools: PlannerStaffTools; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const role = useStaffRole();
  const signedIn = useAuth((s) => s.user !== null);
  const planner = role === 'admin' || role === 'planner';
  return (
    <section className="planner-section staff-panel" aria-labelledby="staff-heading">
      <h2 id="staff-heading" tabIndex={-1}>
        {t('explorer.staff.heading')}
      </h2>
      {signedIn && !planner ? <p className="planner-hint">{t('explorer.staff.notPlanner')}</p> : null}
      {!signedIn ? <p className="planner-hint">{t('explorer.staff.why')}</p> : null}
      <SignInForm onSignedIn={onSignedIn} />
      {planner ? (
        <>
          <p className="planner-hint">{t('explorer.staff.moderateHere')}</p>
          <BoundaryImport tools={tools} />
          <ThemeImport tools={tools} />
          <AuditLog tools={tools} />
        </>
      ) : null}
    </section>
  );
}
