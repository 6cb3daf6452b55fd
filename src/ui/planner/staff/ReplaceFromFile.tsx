// replace something of the consultation from a file (its boundaries, its themes): the file is checked here and shown
// first, and replaces what everyone sees only when confirmed; the server's refusal is shown as it came.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Validated } from '../../../core/types.ts';
import type { ReportedProblem } from '../../../store/appState.ts';
import { nameProblems } from '../../../store/nameProblems.ts';
import { ProblemList } from '../../ProblemList.tsx';

type Step<T> =
  | { kind: 'idle' }
  | { kind: 'preview'; file: string; value: T; warnings: number }
  | { kind: 'refused'; file: string; problems: ReportedProblem[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

export interface ReplaceFromFileProps<T> {
  /** the translation keys' prefix, e.g. 'explorer.staff.boundaries': heading, file, hint, preview, repaired, warning, confirm, cancel, refused, failed */
  keys: string;
  accept: string;
  parse(text: string): Validated<T>;
  /** how many things the file holds (areas, themes), for the preview and the confirm button */
  count(value: T): number;
  /** what the file holds, shown before anything changes */
  preview(value: T, file: string): ReactNode;
  /** replaces for everyone; resolves to the message that says what changed */
  confirm(value: T): Promise<string>;
}

export function ReplaceFromFile<T>({ keys, accept, parse, count, preview, confirm }: ReplaceFromFileProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const [step, setStep] = useState<Step<T>>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  async function fileChosen(file: File) {
    const text = await file.text();
    const parsed = parse(text);
    setStep(parsed.ok ? { kind: 'preview', file: file.name, value: parsed.value, warnings: parsed.warnings.length } : { kind: 'refused', file: file.name, problems: nameProblems(text, parsed.errors) });
  }

  async function confirmed(value: T) {
    setBusy(true);
    try {
      setStep({ kind: 'done', message: await confirm(value) });
    } catch (error) {
      setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="planner-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t(`${keys}.heading`)}</h3>
      <label className="planner-file">
        {t(`${keys}.file`)}
        <input
          type="file"
          accept={accept}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void fileChosen(file);
          }}
        />
      </label>
      <p className="planner-hint">{t(`${keys}.hint`)}</p>
      {step.kind === 'preview' ? (
        <div className="boundary-preview" role="group" aria-labelledby={`${id}-preview`}>
          <p id={`${id}-preview`}>
            <strong>{t(`${keys}.preview`, { number: count(step.value), file: step.file })}</strong>
          </p>
          {step.warnings > 0 ? <p className="planner-hint">{t(`${keys}.repaired`, { number: step.warnings })}</p> : null}
          {preview(step.value, step.file)}
          <p>{t(`${keys}.warning`)}</p>
          <div className="planner-row planner-row--wrap">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirmed(step.value)}>
              {t(`${keys}.confirm`, { number: count(step.value) })}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {t(`${keys}.cancel`)}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'refused' ? (
        <div className="form-alert" role="alert">
          <p>{t(`${keys}.refused`, { file: step.file })}</p>
          <ProblemList problems={step.problems} />
        </div>
      ) : null}
      {step.kind === 'done' ? <p role="status">{step.message}</p> : null}
      {step.kind === 'failed' ? (
        <p className="form-alert" role="alert">
          {t(`${keys}.failed`, { reason: step.message })}
        </p>
      ) : null}
    </section>
  );
}
