// export all pins (GeoJSON, CSV) and import pins or boundaries, reporting exactly what is wrong with a bad file.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinsToCsv, pinsToGeoJson } from '../core/exportPins.ts';
import { useAppStoreApi } from '../store/useAppStore.ts';
import { downloadText, exportFilename } from './downloadText.ts';
import { FileField, ImportReport, useImportReport } from './ImportReport.tsx';
import type { ImportReportValue } from './ImportReport.tsx';
import { DisclosureHeading } from './DisclosureHeading.tsx';
import './residentPanelsEnglish.ts';

const GEOJSON_FILES = '.geojson,.json,application/geo+json,application/json';

export function DataMenu() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const { report, busy, fileImported } = useImportReport();
  const panelId = useId();

  function exportGeoJson() {
    downloadText(pinsToGeoJson(store.getState().pins), exportFilename('geojson'), 'application/geo+json');
  }
  function exportCsv() {
    const { pins, themes, areas } = store.getState();
    downloadText(pinsToCsv(pins, { themes, areas }), exportFilename('csv'), 'text/csv;charset=utf-8');
  }

  function importFile(file: File, what: 'pins' | 'areas') {
    return fileImported(file, async (text): Promise<ImportReportValue> => {
      if (what === 'pins') {
        const result = await store.getState().pinsImported(text);
        return result.ok
          ? { ok: true, message: t('data.pinsImported', { count: result.added, duplicates: result.duplicates }), warnings: result.warnings }
          : { ok: false, message: t('data.pinsRefused', { file: file.name }), errors: result.errors, warnings: result.warnings };
      }
      const result = await store.getState().areasImported(text);
      if (result.ok) return { ok: true, message: t('data.areasImported', { count: result.areaCount, reassigned: result.reassigned }), warnings: result.warnings };
      return {
        ok: false,
        message: result.pinsOutside.length > 0 ? t('data.areasRefusedPins', { count: result.pinsOutside.length }) : t('data.areasRefused', { file: file.name }),
        errors: result.errors,
        warnings: result.warnings,
      };
    });
  }

  return (
    <section className="data-menu" aria-labelledby="data-heading">
      <DisclosureHeading id="data-heading" controls={panelId} open={open} onToggle={() => setOpen(!open)}>
        {t('data.heading')}
      </DisclosureHeading>
      <div id={panelId} hidden={!open} className="data-menu__body">
        <div className="data-menu__row">
          <button type="button" className="button" onClick={exportGeoJson}>
            {t('data.exportGeoJson')}
          </button>
          <button type="button" className="button" onClick={exportCsv}>
            {t('data.exportCsv')}
          </button>
        </div>
        <FileField id={`${panelId}-pins`} label={t('data.importPins')} accept={GEOJSON_FILES} disabled={busy} onFile={(file) => importFile(file, 'pins')} />
        <FileField id={`${panelId}-areas`} label={t('data.importAreas')} accept={GEOJSON_FILES} disabled={busy} hint={t('data.importAreasHint')} onFile={(file) => importFile(file, 'areas')} />
      </div>
      <ImportReport report={report} />
    </section>
  );
}
