// which layers the table map shows: this session's pins, other pins, boundaries, neighbourhood names, the council's layers.
import { useTranslation } from 'react-i18next';
import type { TableLayers } from '../../store/tableStore.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { LayerSwitcher } from '../layers/LayerSwitcher.tsx';
import { useTableStore } from './useTableStore.ts';

const LAYERS = ['sessionPins', 'otherPins', 'boundaries', 'labels'] as const satisfies readonly (keyof TableLayers)[];

export function LayerChoices() {
  const { t } = useTranslation();
  const layers = useTableStore((s) => s.layers);
  const changed = useTableStore((s) => s.layersChanged);
  const councilLayers = useContextLayers((s) => s.summaries.length);
  return (
    <fieldset className="panel-section panel-layers">
      <legend>{t('table.layers.heading')}</legend>
      {LAYERS.map((layer) => (
        <label key={layer} className="panel-check">
          <input type="checkbox" checked={layers[layer]} onChange={(event) => changed({ [layer]: event.target.checked })} />
          {t(`table.layers.${layer}`)}
        </label>
      ))}
      {/* the council's context layers (asset registers, conservation areas), when the consultation has any */}
      {councilLayers ? <LayerSwitcher asked={false} /> : null}
    </fieldset>
  );
}
