// start a workshop session: name, place, date and facilitator; checked by core's validateSessionInput.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsByField } from '../../core/tableSession.ts';
import { useTableStore } from './useTableStore.ts';

const FIELDS = ['name', 'place', 'date', 'facilitator'] as const;
type Field = (typeof FIELDS)[number];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function SessionStartForm() {
  const { t } = useTranslation();
  const id = useId();
  const started = useTableStore((s) => s.sessionStarted);
  const [values, setValues] = useState<Record<Field, string>>({ name: '', place: '', date: today(), facilitator: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="panel-section"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await started(values);
        if (!result.ok) setErrors(problemsByField(result.errors));
      }}
    >
      <h3 id={`${id}-heading`}>{t('table.session.startHeading')}</h3>
      {FIELDS.map((field) => (
        <div key={field} className="panel-field">
          <label htmlFor={`${id}-${field}`} className="panel-label">
            {t(`table.session.${field}`)}
          </label>
          <input
            id={`${id}-${field}`}
            className="panel-input"
            type={field === 'date' ? 'date' : 'text'}
            value={values[field]}
            maxLength={80}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
            onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
          />
          {errors[field] ? (
            <p id={`${id}-${field}-error`} className="panel-error">
              {t(`table.session.error.${field}`, { message: errors[field] })}
            </p>
          ) : null}
        </div>
      ))}
      <button type="submit" className="table-button table-button--primary">
        {t('table.session.start')}
      </button>
    </form>
  );
}
