// the consultation's context layers as checkboxes, each with its key when switched on, and the asset tapped on the map.
import { useTranslation } from 'react-i18next';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { AssetVerdicts } from './AssetVerdicts.tsx';
import { LayerLegend } from './LayerLegend.tsx';
import './layerStrings.ts';

/** `asked`: residents may answer about an asset; planners and the table see the counts only */
export function LayerSwitcher({ asked = true }: { asked?: boolean }) {
  const { t } = useTranslation();
  const status = useContextLayers((s) => s.status);
  const summaries = useContextLayers((s) => s.summaries);
  const shown = useContextLayers((s) => s.shown);
  const layers = useContextLayers((s) => s.layers);
  const failures = useContextLayers((s) => s.failures);
  const toggled = useContextLayers((s) => s.layerToggled);
  if (status === 'loading') return <p role="status">{t('layers.loading')}</p>;
  if (status === 'failed') return <p role="alert">{t('layers.failed', { message: failures[''] ?? '' })}</p>;
  return (
    <div className="layer-switcher-body">
      <fieldset className="layer-choices">
        <legend>{t('layers.heading')}</legend>
        {summaries.map((layer) => (
          <label key={layer.id} className="layer-choice">
            <input type="checkbox" checked={shown.includes(layer.id)} onChange={(event) => void toggled(layer.id, event.target.checked)} />
            {t('layers.option', { name: layer.name, kind: t(`layers.kind.${layer.kind}`), count: layer.featureCount })}
          </label>
        ))}
      </fieldset>
      {shown.map((id) => {
        const layer = layers[id];
        const name = summaries.find((l) => l.id === id)?.name ?? id;
        if (failures[id]) return <p key={id} role="alert">{t('layers.readFailed', { name, message: failures[id] })}</p>;
        return layer ? <LayerLegend key={id} layer={layer} /> : null;
      })}
      <FocusedAsset asked={asked} />
    </div>
  );
}

/** the asset tapped on the map, with its name as text and the residents' answers (`asked`: the resident may answer) */
function FocusedAsset({ asked }: { asked: boolean }) {
  const { t } = useTranslation();
  const focused = useContextLayers((s) => s.focused);
  const layer = useContextLayers((s) => (s.focused ? s.layers[s.focused.layerId] : undefined));
  const focus = useContextLayers((s) => s.featureFocused);
  const feature = layer?.features.find((f) => f.id === focused?.featureId);
  if (!layer || !feature) return null;
  return (
    <section className="focused-asset" aria-labelledby="focused-asset-heading">
      <h3 id="focused-asset-heading">{t('layers.asset.heading', { name: feature.name })}</h3>
      {feature.category ? <p className="asset-category">{feature.category}</p> : null}
      {layer.kind === 'assets' ? <AssetVerdicts layerId={layer.id} feature={feature} readOnly={!asked} /> : null}
      <button type="button" className="link-button" onClick={() => focus(null)}>
        {t('layers.asset.close')}
      </button>
    </section>
  );
}
