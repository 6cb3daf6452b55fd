// the workshop-session filter: all pins, the pins made online, or one touch-table session's pins.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerStore } from '../../store/usePlannerStore.ts';

// option values carry a prefix so that a session id can never be mistaken for "all pins"
const ALL = 'all';
const SESSION = 'session:';

export function PlannerSessionFilter() {
  const { t } = useTranslation();
  const id = useId();
  const session = usePlannerStore((s) => s.filter.session);
  const sessions = usePlannerStore((s) => s.summary?.sessions ?? null);
  const total = usePlannerStore((s) => s.summary?.pins ?? 0);
  const filterChanged = usePlannerStore((s) => s.filterChanged);
  if (!sessions) return null;

  const label = (name: string, count: number) => t('planner.filters.sessionOption', { name, pins: t('planner.value.count', { count }) });

  return (
    <>
      <label className="planner-field">
        {t('planner.filters.session')}
        <select
          value={session === null ? ALL : SESSION + session}
          onChange={(e) => filterChanged({ session: e.target.value === ALL ? null : e.target.value.slice(SESSION.length) })}
          aria-describedby={`${id}-hint`}
        >
          <option value={ALL}>{label(t('planner.filters.sessionAll'), total)}</option>
          {sessions.map((s) => (
            <option key={s.id} value={SESSION + s.id}>
              {label(s.id === '' ? t('planner.filters.sessionOnline') : s.id, s.pins)}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-hint`} className="planner-hint">
        {t('planner.filters.sessionHint')}
      </p>
    </>
  );
}
