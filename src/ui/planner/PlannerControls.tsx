// the layer panel: which layer, what it measures, hex cell size and the small-count threshold k.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaMeasure } from '../../core/layerValues.ts';
import { HEX_SIZES, PLANNER_LAYERS } from '../../store/plannerStore.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';

const MEASURES: readonly AreaMeasure[] = ['count', 'density', 'share'];

export function PlannerControls() {
  const { t } = useTranslation();
  const id = useId();
  const s = usePlannerStore((state) => state);
  const themeOf = usePlannerThemes();
  const themes = s.summary?.themes ?? [];
  return (
    <section className="planner-section" aria-labelledby={`${id}-layers`}>
      <h2 id={`${id}-layers`}>{t('planner.layers.heading')}</h2>
      <fieldset className="planner-choices">
        <legend>{t('planner.layers.legend')}</legend>
        {PLANNER_LAYERS.map((layer) => (
          <label key={layer}>
            <input type="radio" name={`${id}-layer`} checked={s.layer === layer} onChange={() => s.layerChosen(layer)} />
            {t(`planner.layers.${layer}`)}
          </label>
        ))}
      </fieldset>
      {s.layer === 'areas' ? (
        <>
          <label className="planner-field">
            {t('planner.measure.label')}
            <select value={s.areaMeasure} onChange={(e) => s.areaMeasureChosen(e.target.value as AreaMeasure)}>
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`planner.measure.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {s.areaMeasure === 'share' ? (
            <label className="planner-field">
              {t('planner.measure.shareTheme')}
              <select value={s.shareTheme} onChange={(e) => s.shareThemeChosen(e.target.value)}>
                {themes.map((theme) => (
                  <option key={theme} value={theme}>
                    {themeOf(theme).label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </>
      ) : null}
      {s.layer === 'gaps' ? (
        <label className="planner-field">
          {t('planner.gap.themeLabel')}
          <select value={s.gapTheme} onChange={(e) => s.gapThemeChosen(e.target.value)}>
            <option value="all">{t('planner.gap.allThemes')}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {themeOf(theme).label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {s.layer === 'hex' ? (
        <label className="planner-field">
          {t('planner.hex.size')}
          <select value={s.hexMetres} onChange={(e) => s.hexSizeChosen(Number(e.target.value))}>
            {HEX_SIZES.map((m) => (
              <option key={m} value={m}>
                {m >= 1000 ? t('planner.hex.km', { value: m / 1000 }) : t('planner.hex.metres', { value: m })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="planner-field">
        {t('planner.minCount.label')}
        <input type="number" min={1} max={100} step={1} value={s.minCount} onChange={(e) => s.minCountChanged(Number(e.target.value))} aria-describedby={`${id}-k`} />
      </label>
      <p id={`${id}-k`} className="planner-hint">
        {t('planner.minCount.hint', { k: s.minCount })}
      </p>
    </section>
  );
}
