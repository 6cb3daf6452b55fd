// the key of one context layer: a swatch per category, in the colour the map draws it, with how many features it has.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layerLegend } from '../../core/layers/layerStyle.ts';
import type { ContextLayer } from '../../persistence/contextLayerClient.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useThemeLabels } from '../useThemeLabels.ts';

export function useLayerLegend(layer: ContextLayer | undefined) {
  const themes = useAppStore((s) => s.themes);
  return useMemo(() => (layer ? layerLegend(layer.features, Object.fromEntries(themes.map((t) => [t.id, t.colour]))) : []), [layer, themes]);
}

export function LayerLegend({ layer }: { layer: ContextLayer }) {
  const { t } = useTranslation();
  const legend = useLayerLegend(layer);
  const { byId } = useThemeLabels();
  return (
    <div className="layer-legend">
      <p className="layer-legend-title">{t('layers.legend', { name: layer.name })}</p>
      <ul>
        {legend.map((entry) => {
          const theme = entry.theme !== undefined ? byId.get(entry.theme)?.label : undefined;
          const category = entry.category || t('layers.noCategory');
          return (
            <li key={entry.category}>
              <span className={`layer-swatch layer-swatch--${layer.kind}`} style={{ borderColor: entry.colour }} aria-hidden="true" />
              {t('layers.categoryCount', { category: theme ? `${category} · ${theme}` : category, count: entry.count })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
