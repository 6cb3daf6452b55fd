// the list view's share of the context layers: every feature of the layers switched on, by name (text), with its
// category's colour, and for existing assets what residents said and the three answers, so the list equals the map.
import { useTranslation } from 'react-i18next';
import { categoryColours } from '../../core/layers/layerStyle.ts';
import type { ContextLayer } from '../../persistence/contextLayerClient.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { AssetVerdicts } from './AssetVerdicts.tsx';
import { useLayerLegend } from './LayerLegend.tsx';

/** more rows than this would make the list unusable on a phone; the note says how many there are */
const LIST_LIMIT = 200;

function LayerSection({ layer }: { layer: ContextLayer }) {
  const { t } = useTranslation();
  const colours = categoryColours(useLayerLegend(layer));
  const rows = layer.features.slice(0, LIST_LIMIT);
  const headingId = `layer-list-${layer.id}`;
  return (
    <section className="layer-list" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('layers.list.heading', { name: layer.name })}</h3>
      {layer.features.length > LIST_LIMIT ? <p>{t('layers.list.shown', { shown: LIST_LIMIT, count: layer.features.length })}</p> : null}
      <ul>
        {rows.map((f) => (
          <li key={f.id} className="layer-list-item">
            <span className={`layer-swatch layer-swatch--${layer.kind}`} style={{ borderColor: colours.get(f.category) ?? '#555555' }} aria-hidden="true" />
            <span className="layer-list-name">{f.name}</span>
            {f.category ? <span className="layer-list-category"> · {f.category}</span> : null}
            {layer.kind === 'assets' ? <AssetVerdicts layerId={layer.id} feature={f} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LayerFeatureList() {
  const shown = useContextLayers((s) => s.shown);
  const layers = useContextLayers((s) => s.layers);
  return (
    <>
      {shown.map((id) => {
        const layer = layers[id];
        return layer ? <LayerSection key={id} layer={layer} /> : null;
      })}
    </>
  );
}
