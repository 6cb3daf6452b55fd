// a labelled radio group (fieldset + legend) with its error tied to every option.
import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  label: string;
  icon?: ReactNode;
}

interface ChoiceGroupProps {
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  layout?: 'row' | 'grid';
}

export function ChoiceGroup({ name, legend, choices, value, onChange, error, layout = 'row' }: ChoiceGroupProps) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={`choice-group choice-group--${layout}`} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            {choice.icon}
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
