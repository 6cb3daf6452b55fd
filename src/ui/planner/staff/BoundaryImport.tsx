// replace the consultation's boundaries: a file is checked and shown first (areas listed and outlined), then replaced only when confirmed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAreas } from '../../../core/parseAreas.ts';
import type { AreaCollection } from '../../../core/types.ts';
import type { PlannerStaffTools } from '../../../persistence/plannerStaffTools.ts';
import type { ReportedProblem } from '../../../store/appState.ts';
import { nameProblems } from '../../../store/nameProblems.ts';
import { useAppStoreApi } from '../../../store/useAppStore.ts';
import { ProblemList } from '../../ProblemList.tsx';
import { AreaOutlinePreview } from './AreaOutlinePreview.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; file: string; areas: AreaCollection; warnings: number }
  | { kind: 'refused'; file: string; problems: ReportedProblem[] }
  | { kind: 'done'; count: number; reassigned: number } | { kind: 'failed'; message: string };

export function BoundaryImport({ tools }: { tools: PlannerStaffTools }) {
  const { t } = useTranslation();
  const id = useId();
  const app = useAppStoreApi();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  async function fileChosen(file: File) {
    const text = await file.text();
    const parsed = parseAreas(text);
    setStep(parsed.ok ? { kind: 'preview', file: file.name, areas: parsed.value, warnings: parsed.warnings.length } : { kind: 'refused', file: file.name, problems: nameProblems(text, parsed.errors) });
  }

  async function confirm(areas: AreaCollection) {
    setBusy(true);
    try {
      const { reassigned } = await tools.replaceAreas(areas);
      // the planner view counts in the new areas at once; residents' maps hear it from the server
      app.getState().catalogLoaded({ areas, themes: app.getState().themes });
      setStep({ kind: 'done', count: areas.features.length, reassigned });
    } catch (error) {
      setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="planner-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('explorer.staff.boundaries.heading')}</h3>
      <label className="planner-file">
        {t('explorer.staff.boundaries.file')}
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void fileChosen(file);
          }}
        />
      </label>
      <p className="planner-hint">{t('explorer.staff.boundaries.hint')}</p>
      {step.kind === 'preview' ? (
        <div className="boundary-preview" role="group" aria-labelledby={`${id}-preview`}>
          <p id={`${id}-preview`}>
            <strong>{t('explorer.staff.boundaries.preview', { number: step.areas.features.length, file: step.file })}</strong>
          </p>
          {step.warnings > 0 ? <p className="planner-hint">{t('explorer.staff.boundaries.repaired', { number: step.warnings })}</p> : null}
          <AreaOutlinePreview areas={step.areas} label={t('explorer.staff.boundaries.outline', { file: step.file })} />
          <ul className="boundary-preview__names">
            {step.areas.features.map((a) => (
              <li key={a.properties.id}>{a.properties.name}</li>
            ))}
          </ul>
          <p>{t('explorer.staff.boundaries.warning')}</p>
          <div className="planner-row planner-row--wrap">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm(step.areas)}>
              {t('explorer.staff.boundaries.confirm', { number: step.areas.features.length })}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {t('explorer.staff.boundaries.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'refused' ? (
        <div className="form-alert" role="alert">
          <p>{t('explorer.staff.boundaries.refused', { file: step.file })}</p>
          <ProblemList problems={step.problems} />
        </div>
      ) : null}
      {step.kind === 'done' ? <p role="status">{t('explorer.staff.boundaries.done', { number: step.count, reassigned: step.reassigned })}</p> : null}
      {step.kind === 'failed' ? (
        <p className="form-alert" role="alert">
          {t('explorer.staff.boundaries.failed', { reason: step.message })}
        </p>
      ) : null}
    </section>
  );
}
