// the flagship layer: per area, (priorities − assets) / (priorities + assets) on a diverging colour-blind-safe scale.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerLayer } from '../../store/usePlannerLayer.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { AreaFillLayer } from './AreaFillLayer.tsx';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';

export function PriorityGapLayer() {
  const { t } = useTranslation();
  const areas = usePlannerStore((s) => s.areas);
  const gapTheme = usePlannerStore((s) => s.gapTheme);
  const selected = usePlannerStore((s) => s.selectedArea);
  const areaSelected = usePlannerStore((s) => s.areaSelected);
  const { areaValues, areaFills } = usePlannerLayer();
  const themeOf = usePlannerThemes();
  const labels = useMemo(() => {
    const themeLine = gapTheme === 'all' ? t('planner.gap.allThemes') : themeOf(gapTheme).label;
    return areas.features.map((f, i) => {
      const v = areaValues[i];
      let line: string;
      if (!v || v.kind === 'empty') line = t('planner.value.none');
      else if (v.kind === 'suppressed') line = t('planner.value.gapWithheld');
      else line = t(v.value > 0 ? 'planner.value.gapNeeds' : v.value < 0 ? 'planner.value.gapAssets' : 'planner.value.gapBalanced', { value: (v.value > 0 ? '+' : '') + v.value.toFixed(2) });
      return [f.properties.name, themeLine, line];
    });
  }, [areas, areaValues, gapTheme, themeOf, t]);
  return <AreaFillLayer name={`gaps:${gapTheme}`} areas={areas} fills={areaFills} labels={labels} selected={selected} onSelect={areaSelected} />;
}
