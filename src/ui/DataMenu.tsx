// export all pins (GeoJSON, CSV) and import pins or boundaries, reporting exactly what is wrong with a bad file.
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pinsToCsv, pinsToGeoJson } from '../core/exportPins.ts';
import type { ReportedProblem } from '../store/appState.ts';
import { useAppStoreApi } from '../store/useAppStore.ts';
import { downloadText, exportFilename } from './downloadText.ts';
import { ProblemList } from './ProblemList.tsx';

type Report =
  | { ok: true; message: string; warnings: ReportedProblem[] }
  | { ok: false; message: string; errors: ReportedProblem[]; warnings: ReportedProblem[] };

export function DataMenu() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const panelId = useId();

  function exportGeoJson() {
    downloadText(pinsToGeoJson(store.getState().pins), exportFilename('geojson'), 'application/geo+json');
  }
  function exportCsv() {
    const { pins, themes, areas } = store.getState();
    downloadText(pinsToCsv(pins, { themes, areas }), exportFilename('csv'), 'text/csv;charset=utf-8');
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>, what: 'pins' | 'areas') {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setReport(null);
    try {
      const text = await file.text();
      if (what === 'pins') {
        const result = await store.getState().pinsImported(text);
        setReport(
          result.ok
            ? { ok: true, message: t('data.pinsImported', { count: result.added, duplicates: result.duplicates }), warnings: result.warnings }
            : { ok: false, message: t('data.pinsRefused', { file: file.name }), errors: result.errors, warnings: result.warnings },
        );
      } else {
        const result = await store.getState().areasImported(text);
        setReport(
          result.ok
            ? { ok: true, message: t('data.areasImported', { count: result.areaCount, reassigned: result.reassigned }), warnings: result.warnings }
            : {
                ok: false,
                message: result.pinsOutside.length > 0 ? t('data.areasRefusedPins', { count: result.pinsOutside.length }) : t('data.areasRefused', { file: file.name }),
                errors: result.errors,
                warnings: result.warnings,
              },
        );
      }
    } catch (error) {
      setReport({ ok: false, message: t('data.readFailed', { file: file.name }), errors: [{ path: '(file)', rule: 'unreadable', message: String(error) }], warnings: [] });
    } finally {
      setBusy(false);
      // let the same file be chosen again after fixing it
      input.value = '';
    }
  }

  return (
    <section className="data-menu" aria-labelledby="data-heading">
      <h2 id="data-heading" className="panel-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {t('data.heading')}
        </button>
      </h2>
      <div id={panelId} hidden={!open} className="data-menu__body">
        <div className="data-menu__row">
          <button type="button" className="button" onClick={exportGeoJson}>
            {t('data.exportGeoJson')}
          </button>
          <button type="button" className="button" onClick={exportCsv}>
            {t('data.exportCsv')}
          </button>
        </div>
        <div className="file-field">
          <label htmlFor={`${panelId}-pins`}>{t('data.importPins')}</label>
          <input id={`${panelId}-pins`} type="file" accept=".geojson,.json,application/geo+json,application/json" disabled={busy} onChange={(e) => void importFile(e, 'pins')} />
        </div>
        <div className="file-field">
          <label htmlFor={`${panelId}-areas`}>{t('data.importAreas')}</label>
          <input id={`${panelId}-areas`} type="file" accept=".geojson,.json,application/geo+json,application/json" disabled={busy} onChange={(e) => void importFile(e, 'areas')} />
          <p className="hint">{t('data.importAreasHint')}</p>
        </div>
      </div>
      {report?.ok === false ? (
        <div className="import-report import-report--error" role="alert">
          <p>
            <strong>{report.message}</strong>
          </p>
          <ProblemList problems={report.errors} />
          {report.warnings.length > 0 ? (
            <>
              <p>{t('data.warnings')}</p>
              <ProblemList problems={report.warnings} />
            </>
          ) : null}
        </div>
      ) : null}
      <div className="import-report" role="status">
        {report?.ok ? (
          <>
            <p>
              <strong>{report.message}</strong>
            </p>
            {report.warnings.length > 0 ? (
              <>
                <p>{t('data.warnings')}</p>
                <ProblemList problems={report.warnings} />
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
