// admins: a new draft consultation from a template file; the server's refusal is shown naming each field and rule.
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/types.ts';
import { ApiRequestError } from '../../persistence/httpRepository.ts';
import type { Consultation, StaffApi } from '../../persistence/staffApi.ts';
import { ImportReport } from '../ImportReport.tsx';
import type { ImportReportValue } from '../ImportReport.tsx';
import { describedBy, StaffField, useRefusalText } from './staffForm.tsx';
import { slugFromTitle, slugProblem } from '../../core/consultations/slug.ts';
import './staffEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'createConsultation'>;
  onCreated(consultation: Consultation): void;
}

const isProblem = (p: unknown): p is Problem => typeof p === 'object' && p !== null && typeof (p as Problem).message === 'string';

export function TemplateForm({ api, onCreated }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const refusal = useRefusalText();
  const [template, setTemplate] = useState<{ file: string; value: unknown } | null>(null);
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<{ file?: string; slug?: string }>({});
  const [report, setReport] = useState<ImportReportValue | null>(null);
  const [busy, setBusy] = useState(false);
  // a file is read asynchronously: until the latest chosen one is read, the form cannot send (it would send the file
  // chosen before), and a slower earlier read never overwrites a later choice
  const [reading, setReading] = useState(false);
  const lastChoice = useRef(0);

  async function fileChosen(file: File) {
    const choice = ++lastChoice.current;
    setReport(null);
    setTemplate(null);
    setReading(true);
    try {
      const value: unknown = JSON.parse(await file.text());
      if (choice !== lastChoice.current) return;
      setTemplate({ file: file.name, value });
      setErrors({});
      const title = (value as { title?: unknown } | null)?.title;
      if (!slug && typeof title === 'string') setSlug(slugFromTitle(title));
    } catch {
      if (choice !== lastChoice.current) return;
      setTemplate(null);
      setErrors({ file: t('staff.create.templateNotJson', { file: file.name }) });
    } finally {
      if (choice === lastChoice.current) setReading(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { ...(template ? {} : { file: errors.file ?? t('staff.create.needTemplate') }), ...(slugProblem(slug) ? { slug: t('staff.create.needSlug') } : {}) };
    setErrors(found);
    setReport(null);
    if (found.file || found.slug) {
      document.getElementById(`${id}-${found.file ? 'file' : 'slug'}`)?.focus();
      return;
    }
    const value = template!.value as { title?: unknown; summary?: unknown };
    setBusy(true);
    try {
      const created = await api.createConsultation({
        slug,
        title: typeof value.title === 'string' && value.title.trim() ? value.title.trim() : slug,
        ...(typeof value.summary === 'string' ? { summary: value.summary } : {}),
        template: template!.value,
      });
      onCreated(created);
      setTemplate(null);
      setSlug('');
    } catch (error) {
      const details = error instanceof ApiRequestError && Array.isArray(error.details) ? error.details.filter(isProblem) : [];
      const errorsList = details.length > 0 ? details : [{ path: '(file)', rule: error instanceof ApiRequestError ? error.code : 'failed', message: refusal(error) }];
      setReport({ ok: false, message: t('staff.create.templateRefused'), errors: errorsList });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="staff-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('staff.create.fromTemplate')}</h2>
      <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <StaffField id={`${id}-file`} label={t('staff.create.templateFile')} error={errors.file}>
          <input
            id={`${id}-file`}
            {...describedBy(`${id}-file`, false, errors.file)}
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void fileChosen(file);
            }}
          />
        </StaffField>
        <StaffField id={`${id}-slug`} label={t('staff.create.templateSlug')} hint={t('staff.create.slugHint')} error={errors.slug}>
          <input id={`${id}-slug`} {...describedBy(`${id}-slug`, true, errors.slug)} type="text" autoComplete="off" spellCheck={false} value={slug} onChange={(e) => setSlug(e.target.value)} />
        </StaffField>
        <ImportReport report={report} />
        <div>
          <button type="submit" className="button button--primary" disabled={busy || reading}>
            {busy ? t('staff.create.creating') : t('staff.create.templateSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
