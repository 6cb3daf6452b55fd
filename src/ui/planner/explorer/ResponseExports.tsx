// the explorer's files: every response passing the filters (not just this page) as CSV or GeoJSON, with the filters stated.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseFileFormat } from '../../../persistence/responseExplorer/responseSource.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';
import { downloadText } from '../../downloadText.ts';

const FORMATS: readonly ResponseFileFormat[] = ['csv', 'geojson', 'caption'];

export function ResponseExports({ statedFilters }: { statedFilters: string }) {
  const { t, i18n } = useTranslation();
  const total = useResponseExplorer((s) => s.page?.total ?? null);
  const exportRequested = useResponseExplorer((s) => s.exportRequested);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(format: ResponseFileFormat) {
    setProblem(null);
    setBusy(true);
    try {
      const file = await exportRequested(format);
      downloadText(file.text, file.name, file.type);
    } catch (error) {
      setProblem(t('explorer.exports.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="explorer-exports" aria-labelledby="explorer-exports-heading">
      <h3 id="explorer-exports-heading">{t('explorer.exports.heading')}</h3>
      <p className="explorer-exports__caption" data-testid="explorer-export-caption">
        {t('explorer.exports.statement', { total: new Intl.NumberFormat(i18n.language).format(total ?? 0), filters: statedFilters })}
      </p>
      <p className="planner-hint">{t('explorer.exports.hint')}</p>
      <div className="planner-row planner-row--wrap">
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={busy || total === null} onClick={() => void download(format)}>
            {t(`explorer.exports.${format}`)}
          </button>
        ))}
      </div>
      {problem ? (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
