// the legend of the current layer: scale with its ends in words, the hatch for withheld counts, and no-pin areas.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_FILL, gapColour, scaleStops, sequentialColour } from '../../core/layerScales.ts';
import { usePlannerLayer } from '../../store/usePlannerLayer.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';

function gradient(colours: string[]): string {
  return `linear-gradient(to right, ${colours.join(', ')})`;
}

/** `extraKeys`: keys of layers the page adds over the figures (the quiet areas) */
export function PlannerLegend({ extraKeys }: { extraKeys?: ReactNode } = {}) {
  const { t } = useTranslation();
  const layer = usePlannerStore((s) => s.layer);
  const measure = usePlannerStore((s) => s.areaMeasure);
  const gapTheme = usePlannerStore((s) => s.gapTheme);
  const shareTheme = usePlannerStore((s) => s.shareTheme);
  const k = usePlannerStore((s) => s.minCount);
  const metres = usePlannerStore((s) => s.hexMetres);
  const themes = usePlannerStore((s) => s.summary?.themes ?? null);
  const { areaMax, hexMax, gapDomain } = usePlannerLayer();
  const themeOf = usePlannerThemes();
  const title = legendTitle();

  function legendTitle(): string {
    if (layer === 'gaps') return t('planner.legend.gapTitle', { theme: gapTheme === 'all' ? t('planner.gap.allThemes') : themeOf(gapTheme).label });
    if (layer === 'hex') return t('planner.legend.hexTitle', { size: metres });
    if (layer === 'clusters') return t('planner.legend.clusterTitle');
    if (measure === 'share') return t('planner.legend.shareTitle', { theme: themeOf(shareTheme).label });
    return t(`planner.legend.${measure}Title`);
  }

  const max = layer === 'hex' ? hexMax : areaMax;
  const maxText = measure === 'share' && layer === 'areas' ? `${Math.round(max * 100)}%` : measure === 'density' && layer === 'areas' ? max.toFixed(1) : String(max);
  return (
    <div className="planner-legend" role="group" aria-label={t('planner.legend.label')}>
      <p className="planner-legend-title">{title}</p>
      {layer === 'gaps' ? (
        <>
          <div className="planner-ramp" style={{ background: gradient(scaleStops((x) => gapColour(1 - 2 * x), 9)) }} aria-hidden="true" />
          <div className="planner-ramp-ends">
            <span>{t('planner.legend.needs', { value: `+${gapDomain.toFixed(1)}` })}</span>
            <span>{t('planner.legend.balanced')}</span>
            <span>{t('planner.legend.assets', { value: `−${gapDomain.toFixed(1)}` })}</span>
          </div>
        </>
      ) : null}
      {layer === 'areas' || layer === 'hex' ? (
        <>
          <div className="planner-ramp" style={{ background: gradient(scaleStops((x) => sequentialColour(x, 1), 9)) }} aria-hidden="true" />
          <div className="planner-ramp-ends">
            <span>{t('planner.legend.few')}</span>
            <span>{t('planner.legend.max', { value: maxText })}</span>
          </div>
        </>
      ) : null}
      {layer === 'clusters' && themes ? (
        <ul className="planner-legend-themes">
          {themes.map((id) => (
            <li key={id}>
              <span className="planner-swatch" style={{ background: themeOf(id).colour }} aria-hidden="true" />
              {themeOf(id).label}
            </li>
          ))}
        </ul>
      ) : null}
      {layer !== 'clusters' ? (
        <ul className="planner-legend-keys">
          {/* raw counts (staff, k = 1) hide nothing, so there is no hatching to explain */}
          {k > 1 ? (
            <li>
              <svg width="18" height="14" aria-hidden="true">
                <rect width="18" height="14" fill="url(#planner-hatch)" stroke="#555" />
              </svg>
              {t('planner.legend.fewer', { k })}
            </li>
          ) : null}
          <li>
            <span className="planner-swatch planner-swatch--box" style={{ background: EMPTY_FILL }} aria-hidden="true" />
            {t('planner.legend.none')}
          </li>
        </ul>
      ) : (
        <p className="planner-hint">{t('planner.legend.clusterHint', { k })}</p>
      )}
      {extraKeys}
    </div>
  );
}
