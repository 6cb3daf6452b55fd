// admins: a new consultation from a form (slug from the title, summary, dates, boundaries checked here, themes, k, parts).
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAreas } from '../../core/parseAreas.ts';
import type { AreaCollection, Theme } from '../../core/types.ts';
import type { Consultation, StaffApi } from '../../persistence/staffApi.ts';
import { nameProblems } from '../../store/nameProblems.ts';
import { FileField, ImportReport, useImportReport } from '../ImportReport.tsx';
import { describedBy, FormAlert, StaffField, useRefusalText } from './staffForm.tsx';
import { slugFromTitle, slugProblem } from '../../core/consultations/slug.ts';
import { TEMPLATE_FORMAT, TEMPLATE_VERSION } from '../../core/consultations/template.ts';
import './staffEnglish.ts';
import '../planner-tools/staffToolsEnglish.ts';

interface Props {
  api: Pick<StaffApi, 'createConsultation' | 'updateConsultation'>;
  /** the server's default themes (data/themes.json), each kept or dropped here */
  themes: Theme[];
  onCreated(consultation: Consultation): void;
}

/** a date field's yyyy-mm-dd as the start of that day in the reader's time zone */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);

export function CreateConsultationForm({ api, themes, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const refusal = useRefusalText();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [summary, setSummary] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [areas, setAreas] = useState<AreaCollection | null>(null);
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set(themes.map((th) => th.id)));
  const [minCount, setMinCount] = useState('5');
  const [parts, setParts] = useState({ map: true, table: true });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { report, busy: reading, fileImported } = useImportReport();
  const titleInput = useRef<HTMLInputElement>(null);

  function areasChosen(file: File) {
    return fileImported(file, async (text) => {
      // the same checks (and the same report) as the planner view's boundary import, before anything is sent
      const parsed = parseAreas(text);
      if (!parsed.ok) {
        setAreas(null);
        return { ok: false, message: t('sync.data.refused', { file: file.name, what: t('sync.data.kind.areas') }), errors: nameProblems(text, parsed.errors), warnings: nameProblems(text, parsed.warnings) };
      }
      setAreas(parsed.value);
      return { ok: true, message: t('staff.create.areasRead', { file: file.name, count: parsed.value.features.length }), warnings: nameProblems(text, parsed.warnings) };
    });
  }

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('staff.create.needTitle');
    if (slugProblem(slug)) found.slug = t('staff.create.needSlug');
    if (opensOn && closesOn && closesOn <= opensOn) found.closesAt = t('staff.create.datesOrder');
    if (kept.size === 0) found.themes = t('staff.create.noThemes');
    const k = Number(minCount);
    if (!Number.isInteger(k) || k < 0 || k > 100) found.minCount = t('staff.create.minCountHint');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const chosenThemes = themes.filter((th) => kept.has(th.id));
    const settings = { minCount: Number(minCount), parts };
    const base = { slug, title: title.trim(), summary: summary.trim(), opensAt: dayStart(opensOn), closesAt: dayStart(closesOn) };
    try {
      // with boundaries the whole design goes in one request, as a template; without, the server's default themes
      // come with it and the choices here follow as a change
      let created = await api.createConsultation(
        areas ? { ...base, template: { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, title: base.title, summary: base.summary, areas, themes: chosenThemes, settings } } : base,
      );
      if (!areas) created = await api.updateConsultation(slug, { settings });
      onCreated(created);
      setTitle('');
      setSlug('');
      setSlugEdited(false);
      setSummary('');
      setOpensOn('');
      setClosesOn('');
      setAreas(null);
      titleInput.current?.focus();
    } catch (error) {
      setFailure(refusal(error));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, hint?: string) => ({ id: `${id}-${name}`, ...describedBy(`${id}-${name}`, Boolean(hint), errors[name]) });
  return (
    <section className="staff-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('staff.create.heading')}</h2>
      <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <StaffField id={`${id}-title`} label={t('staff.create.title')} error={errors.title}>
          <input
            ref={titleInput}
            {...field('title')}
            type="text"
            autoComplete="off"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slugEdited) setSlug(slugFromTitle(e.target.value));
            }}
          />
        </StaffField>
        <StaffField id={`${id}-slug`} label={t('staff.create.slug')} hint={t('staff.create.slugHint')} error={errors.slug}>
          <input
            {...field('slug', 'hint')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
          />
        </StaffField>
        <StaffField id={`${id}-summary`} label={t('staff.create.summary')}>
          <textarea {...field('summary')} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </StaffField>
        <div className="staff-row">
          <StaffField id={`${id}-opensAt`} label={t('staff.create.opensAt')}>
            <input {...field('opensAt')} type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />
          </StaffField>
          <StaffField id={`${id}-closesAt`} label={t('staff.create.closesAt')} error={errors.closesAt}>
            <input {...field('closesAt')} type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
          </StaffField>
        </div>
        <FileField id={`${id}-areas`} label={t('staff.create.boundaries')} accept=".geojson,.json,application/geo+json,application/json" disabled={reading || busy} hint={t('staff.create.boundariesHint')} onFile={areasChosen} />
        <ImportReport report={report} />
        <fieldset aria-describedby={`${id}-themes-hint${errors.themes ? ` ${id}-themes-error` : ''}`}>
          <legend>{t('staff.create.themes')}</legend>
          <p className="hint" id={`${id}-themes-hint`}>
            {t('staff.create.themesHint')}
          </p>
          <div className="theme-choices">
            {themes.map((theme, index) => (
              <label key={theme.id} className="choice">
                <input
                  id={index === 0 ? `${id}-themes` : undefined}
                  type="checkbox"
                  checked={kept.has(theme.id)}
                  onChange={(e) => {
                    const next = new Set(kept);
                    if (e.target.checked) next.add(theme.id);
                    else next.delete(theme.id);
                    setKept(next);
                  }}
                />
                {theme.labels?.[i18n.language] ?? theme.label}
              </label>
            ))}
          </div>
          {errors.themes ? (
            <p className="field-error" id={`${id}-themes-error`}>
              {errors.themes}
            </p>
          ) : null}
        </fieldset>
        <StaffField id={`${id}-minCount`} label={t('staff.create.minCount')} hint={t('staff.create.minCountHint')} error={errors.minCount}>
          <input {...field('minCount', 'hint')} type="number" min={0} max={100} step={1} inputMode="numeric" value={minCount} onChange={(e) => setMinCount(e.target.value)} />
        </StaffField>
        <fieldset>
          <legend>{t('staff.create.parts')}</legend>
          <label className="choice">
            <input type="checkbox" checked={parts.map} onChange={(e) => setParts({ ...parts, map: e.target.checked })} />
            {t('staff.create.partMap')}
          </label>
          <label className="choice">
            <input type="checkbox" checked={parts.table} onChange={(e) => setParts({ ...parts, table: e.target.checked })} />
            {t('staff.create.partTable')}
          </label>
        </fieldset>
        <FormAlert text={failure} />
        <div>
          <button type="submit" className="button button--primary" disabled={busy || reading}>
            {busy ? t('staff.create.creating') : t('staff.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
