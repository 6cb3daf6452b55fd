// what an import (or a server export) did: an alert naming every problem, or a status with the message and any warnings;
// plus the labelled file field both Data menus use to pick the file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportedProblem } from '../store/appState.ts';
import { ProblemList } from './ProblemList.tsx';
import './residentPanelsEnglish.ts';

export type ImportReportValue =
  | { ok: true; message: string; warnings: readonly ReportedProblem[] }
  | { ok: false; message: string; errors: readonly ReportedProblem[]; warnings?: readonly ReportedProblem[] };

/**
 * The report's state for one menu: `fileImported` reads the file, hands its text to `check` and shows what that says;
 * a file that cannot be read is reported as such. `busy` is true meanwhile (to disable the file fields).
 */
export function useImportReport() {
  const { t } = useTranslation();
  const [report, setReport] = useState<ImportReportValue | null>(null);
  const [busy, setBusy] = useState(false);

  async function fileImported(file: File, check: (text: string) => Promise<ImportReportValue>): Promise<void> {
    setBusy(true);
    setReport(null);
    try {
      setReport(await check(await file.text()));
    } catch (error) {
      setReport({ ok: false, message: t('data.readFailed', { file: file.name }), errors: [{ path: '(file)', rule: 'unreadable', message: String(error) }] });
    } finally {
      setBusy(false);
    }
  }
  return { report, busy, reportShown: setReport, fileImported };
}

function Warnings({ warnings }: { warnings: readonly ReportedProblem[] | undefined }) {
  const { t } = useTranslation();
  if (!warnings || warnings.length === 0) return null;
  return (
    <>
      <p>{t('data.warnings')}</p>
      <ProblemList problems={warnings} />
    </>
  );
}

/** The status region is always in the page, so screen readers hear a success message the moment it appears. */
export function ImportReport({ report }: { report: ImportReportValue | null }) {
  return (
    <>
      {report?.ok === false ? (
        <div className="import-report import-report--error" role="alert">
          <p>
            <strong>{report.message}</strong>
          </p>
          <ProblemList problems={report.errors} />
          <Warnings warnings={report.warnings} />
        </div>
      ) : null}
      <div className="import-report" role="status">
        {report?.ok ? (
          <>
            <p>
              <strong>{report.message}</strong>
            </p>
            <Warnings warnings={report.warnings} />
          </>
        ) : null}
      </div>
    </>
  );
}

interface FileFieldProps {
  id: string;
  label: string;
  accept: string;
  disabled: boolean;
  hint?: string;
  /** the chosen file; the field is cleared when this settles, so the same file can be chosen again after fixing it */
  onFile(file: File): Promise<void>;
}

export function FileField({ id, label, accept, disabled, hint, onFile }: FileFieldProps) {
  return (
    <div className="file-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          const input = event.target;
          const file = input.files?.[0];
          if (!file) return;
          void onFile(file).finally(() => {
            input.value = '';
          });
        }}
      />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
