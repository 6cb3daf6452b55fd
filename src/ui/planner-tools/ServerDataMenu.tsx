// the "Data" menu in server mode: residents see why it is for planners and can sign in; planners export from the server,
// import pins (sent like any other), replace boundaries or themes for everyone, and restore hidden pins.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_BOM } from '../../core/exportPins.ts';
import type { ServerActionResult } from '../../store/appState.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import { useAuth, useStaffRole } from '../../store/useAuth.ts';
import { downloadText, exportFilename } from '../downloadText.ts';
import { FileField, ImportReport, useImportReport } from '../ImportReport.tsx';
import type { ImportReportValue } from '../ImportReport.tsx';
import { SignInForm } from '../SignInForm.tsx';
import { HiddenPins } from './HiddenPins.tsx';
import './sync.css';
import { DisclosureHeading } from '../DisclosureHeading.tsx';

type FileKind = 'pins' | 'areas' | 'themes';

export function ServerDataMenu() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const role = useStaffRole();
  const planner = role === 'admin' || role === 'planner';
  const signedIn = useAuth((s) => s.user !== null);
  const [open, setOpen] = useState(false);
  const { report, busy, reportShown: setReport, fileImported } = useImportReport();
  const panelId = useId();

  function refusal(what: FileKind, file: string, result: Extract<ServerActionResult, { ok: false }>): ImportReportValue {
    if (result.code === 'pins-outside-areas') return { ok: false, message: t('sync.data.areasRefusedPins'), errors: [] };
    if (result.code === 'themes-in-use') return { ok: false, message: t('sync.data.themesInUse'), errors: [] };
    if (result.code === 'planner-sign-in-required') return { ok: false, message: t('sync.data.signInAgain'), errors: [] };
    const errors = result.errors.length > 0 ? result.errors : [{ path: '(file)', rule: result.code, message: result.message }];
    return { ok: false, message: t('sync.data.refused', { file, what: t(`sync.data.kind.${what}`) }), errors };
  }

  async function exportPins(format: 'geojson' | 'csv') {
    setReport(null);
    const result = await store.getState().serverExportRequested(format);
    if (!result.ok) {
      setReport({ ok: false, message: t('sync.data.exportFailed'), errors: [{ path: '(server)', rule: result.code, message: result.message }] });
      return;
    }
    // reading the answer as text drops the server's byte-order mark (UTF-8 decoding does): the file gets it back
    const text = format === 'csv' && !result.text.startsWith(CSV_BOM) ? CSV_BOM + result.text : result.text;
    downloadText(text, exportFilename(format), format === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json');
  }

  function importFile(file: File, what: FileKind) {
    return fileImported(file, async (text): Promise<ImportReportValue> => {
      if (what === 'pins') {
        const result = await store.getState().pinsImported(text);
        return result.ok
          ? { ok: true, message: t('sync.data.pinsQueued', { count: result.added, duplicates: result.duplicates }), warnings: result.warnings }
          : { ok: false, message: t('sync.data.refused', { file: file.name, what: t('sync.data.kind.pins') }), errors: result.errors };
      }
      const result = await store.getState().serverCatalogReplaced(what, text);
      return result.ok ? { ok: true, message: t(what === 'areas' ? 'sync.data.areasReplaced' : 'sync.data.themesReplaced'), warnings: [] } : refusal(what, file.name, result);
    });
  }

  const fileField = (what: FileKind, label: string, accept: string, hint?: string) => (
    <FileField id={`${panelId}-${what}`} label={label} accept={accept} disabled={busy} hint={hint} onFile={(file) => importFile(file, what)} />
  );
  const geojson = '.geojson,.json,application/geo+json,application/json';

  return (
    <section className="data-menu" aria-labelledby="data-heading">
      <DisclosureHeading id="data-heading" controls={panelId} open={open} onToggle={() => setOpen(!open)}>
        {t('data.heading')}
      </DisclosureHeading>
      <div id={panelId} hidden={!open} className="data-menu__body">
        {planner ? null : <p className="hint">{t(signedIn ? 'sync.auth.notMember' : 'sync.data.residentHint')}</p>}
        <SignInForm />
        {planner ? (
          <>
            <div className="data-menu__row">
              <button type="button" className="button" onClick={() => void exportPins('geojson')}>
                {t('data.exportGeoJson')}
              </button>
              <button type="button" className="button" onClick={() => void exportPins('csv')}>
                {t('data.exportCsv')}
              </button>
            </div>
            {fileField('pins', t('data.importPins'), geojson)}
            {fileField('areas', t('data.importAreas'), geojson, t('data.importAreasHint'))}
            {fileField('themes', t('sync.data.replaceThemes'), '.json,application/json')}
            <HiddenPins />
          </>
        ) : null}
      </div>
      <ImportReport report={report} />
    </section>
  );
}
