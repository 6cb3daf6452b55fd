// what residents said about one existing asset (protected counts) and this device's own answer: "I value this too",
// "it is missing" or "it has closed", as three toggle buttons.
import { useTranslation } from 'react-i18next';
import { ASSET_VERDICTS } from '../../core/layers/assetConfirmationsByArea.ts';
import type { ContextFeature } from '../../persistence/contextLayerClient.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { useAcceptsContributions } from '../../store/useConsultation.ts';
import { formatPublished } from '../planner/formatPublished.ts';

/** `readOnly`: the counts only (the planner's view of an asset) */
export function AssetVerdicts({ layerId, feature, readOnly = false }: { layerId: string; feature: ContextFeature; readOnly?: boolean }) {
  const { t } = useTranslation();
  const open = useAcceptsContributions();
  const sending = useContextLayers((s) => s.sending === feature.id);
  const failure = useContextLayers((s) => (s.focused?.featureId === feature.id ? s.confirmFailure : null));
  const given = useContextLayers((s) => s.verdictGiven);
  const focus = useContextLayers((s) => s.featureFocused);
  const counts = feature.confirmations;
  return (
    <div className="asset-verdicts">
      {counts ? (
        <p className="asset-counts">
          <span className="visually-hidden">{t('layers.asset.countsLabel')}: </span>
          {ASSET_VERDICTS.map((v) => t(`layers.asset.counts.${v}`, { n: formatPublished(t, counts[v]) })).join(' · ')}
        </p>
      ) : null}
      {readOnly ? null : open ? (
        <div role="group" aria-label={t('layers.asset.question')} className="asset-verdict-buttons">
          {ASSET_VERDICTS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={feature.myVerdict === v}
              disabled={sending}
              onClick={() => {
                focus({ layerId, featureId: feature.id });
                void given(layerId, feature.id, v);
              }}
            >
              {t(`layers.asset.verdict.${v}`)}
            </button>
          ))}
        </div>
      ) : (
        <p>{t('layers.asset.closedConsultation')}</p>
      )}
      {readOnly ? null : <p role="status" className="asset-status">
        {sending ? t('layers.asset.sending') : failure ? t('layers.asset.failed', { message: failure }) : feature.myVerdict ? t('layers.asset.sent') : ''}
      </p>}
    </div>
  );
}
