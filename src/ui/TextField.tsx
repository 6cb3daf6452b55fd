// a labelled text input or textarea with a live character count and its error beside it.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import './residentPanelsEnglish.ts';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  max: number;
  onChange: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, value, max, onChange, error, multiline = false, required = false, inputRef }: TextFieldProps) {
  const { t } = useTranslation();
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const over = value.length > max;
  const describedBy = [error ? errorId : null, countId].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" ref={inputRef} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      <p id={countId} className={over ? 'char-count char-count--over' : 'char-count'}>
        {t('form.charCount', { used: value.length, max })}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
