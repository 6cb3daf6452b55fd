// areas coloured by pin count, density per km² or share of a theme; click an area to select it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerValue } from '../../core/layerValues.ts';
import { usePlannerLayer } from '../../store/usePlannerLayer.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { AreaFillLayer } from './AreaFillLayer.tsx';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';

export function AreaChoroplethLayer() {
  const { t } = useTranslation();
  const areas = usePlannerStore((s) => s.areas);
  const measure = usePlannerStore((s) => s.areaMeasure);
  const shareTheme = usePlannerStore((s) => s.shareTheme);
  const selected = usePlannerStore((s) => s.selectedArea);
  const areaSelected = usePlannerStore((s) => s.areaSelected);
  const { areaValues, areaFills } = usePlannerLayer();
  const themeOf = usePlannerThemes();
  const labels = useMemo(() => {
    const describe = (v: LayerValue | undefined): string => {
      if (!v || v.kind === 'empty') return t('planner.value.none');
      if (v.kind === 'suppressed') return v.lessThan ? t('privacy.hidden.fewerThan', { k: v.lessThan }) : t('privacy.hidden.withheld');
      if (measure === 'density') return t('planner.value.density', { value: v.value.toFixed(1) });
      if (measure === 'share') return t('planner.value.share', { value: Math.round(v.value * 100), theme: themeOf(shareTheme).label });
      return t('planner.value.count', { count: v.value });
    };
    return areas.features.map((f, i) => [f.properties.name, describe(areaValues[i])]);
  }, [areas, areaValues, measure, shareTheme, themeOf, t]);
  return <AreaFillLayer name={`areas:${measure}`} areas={areas} fills={areaFills} labels={labels} selected={selected} onSelect={areaSelected} />;
}
