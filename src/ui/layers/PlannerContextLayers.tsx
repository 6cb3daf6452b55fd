// the planner panel's context layers: switch them on (with their keys), delete them, download the residents'
// confirmations per area, and upload new ones (staff of the consultation only).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetConfirmationsCsv } from '../../core/layers/assetConfirmationsCsv.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { downloadText } from '../downloadText.ts';
import { LayerSwitcher } from './LayerSwitcher.tsx';
import { LayerUploadForm } from './LayerUploadForm.tsx';
import { useOpenContextLayers } from './ResidentLayers.tsx';
import { useAreaConfirmations } from './useAreaConfirmations.ts';

export function PlannerContextLayers({ slug }: { slug: string }) {
  const { t } = useTranslation();
  useOpenContextLayers(slug);
  const consultation = useConsultation();
  const canManage = consultation?.viewerRole === 'admin' || consultation?.viewerRole === 'planner';
  const client = useContextLayers((s) => s.client);
  const summaries = useContextLayers((s) => s.summaries);
  const refreshed = useContextLayers((s) => s.refreshed);
  const areas = useAppStore((s) => s.areas);
  const confirmations = useAreaConfirmations(areas);
  const [note, setNote] = useState('');

  async function remove(id: string, name: string) {
    if (!client) return;
    try {
      await client.remove(id);
      setNote(t('layers.planner.deleted', { name }));
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
    await refreshed();
  }

  return (
    <section className="panel-section planner-context-layers" aria-labelledby="planner-context-layers-heading">
      <h2 id="planner-context-layers-heading">{t('layers.planner.heading')}</h2>
      {summaries.length === 0 ? <p>{t('layers.planner.empty')}</p> : <LayerSwitcher asked={false} />}
      {canManage && summaries.length ? (
        <ul className="layer-manage">
          {summaries.map((layer) => (
            <li key={layer.id}>
              <button type="button" className="link-button" onClick={() => void remove(layer.id, layer.name)}>
                {t('layers.planner.delete', { name: layer.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {confirmations ? (
        <button type="button" onClick={() => downloadText(assetConfirmationsCsv(areas, confirmations, consultation?.settings.minCount ?? 5), `coplan-asset-confirmations-${slug}.csv`, 'text/csv;charset=utf-8')}>
          {t('layers.planner.exportConfirmations')}
        </button>
      ) : null}
      <p role="status">{note}</p>
      {canManage && client ? <LayerUploadForm client={client} onUploaded={() => void refreshed()} /> : null}
    </section>
  );
}
