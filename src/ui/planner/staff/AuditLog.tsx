// the consultation's audit log for its planners: who hid, restored or replaced what, when and why.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, PlannerStaffTools } from '../../../persistence/plannerStaffTools.ts';

export function AuditLog({ tools }: { tools: PlannerStaffTools }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function load() {
    setProblem(null);
    try {
      setEntries(await tools.readAudit());
    } catch (error) {
      setProblem(t('explorer.staff.audit.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <section className="planner-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('explorer.staff.audit.heading')}</h3>
      <button type="button" className="button" onClick={() => void load()}>
        {t(entries ? 'explorer.staff.audit.reload' : 'explorer.staff.audit.load')}
      </button>
      {problem ? (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      ) : null}
      {entries?.length === 0 ? <p>{t('explorer.staff.audit.none')}</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="audit-log">
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{Number.isNaN(Date.parse(e.at)) ? e.at : when.format(new Date(e.at))}</time>{' '}
              {t('explorer.staff.audit.entry', { actor: e.actor, action: t(`explorer.staff.audit.actions.${e.action}`, { defaultValue: e.action }) })}
              {e.reason ? <span className="audit-log__reason"> — {e.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
