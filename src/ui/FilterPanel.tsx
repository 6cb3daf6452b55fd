// the kind and theme filter; it applies to the map and the list alike.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_KINDS } from '../core/types.ts';
import type { PinKind } from '../core/types.ts';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { ThemeIcon } from './ThemeIcon.tsx';
import { useThemeLabels } from './useThemeLabels.ts';
import { DisclosureHeading } from './DisclosureHeading.tsx';

function toggled<T>(list: readonly T[], item: T, hide: boolean): T[] {
  return hide ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function FilterPanel() {
  const { t } = useTranslation();
  const filter = useAppStore((s) => s.filter);
  const filterChanged = useAppStore((s) => s.filterChanged);
  const shown = useAppStore((s) => selectVisiblePins(s).length);
  const total = useAppStore((s) => s.pins.length);
  // in a consultation too big to load whole, the pins here are those near the map view
  const near = useAppStore((s) => s.pinScope === 'view');
  const { themes } = useThemeLabels();
  const [open, setOpen] = useState(() => globalThis.matchMedia?.('(min-width: 900px)').matches ?? true);
  const panelId = useId();

  return (
    <section className="filter-panel" aria-labelledby="filter-heading">
      <DisclosureHeading id="filter-heading" controls={panelId} open={open} onToggle={() => setOpen(!open)}>
        {t('filter.heading')}
      </DisclosureHeading>
      <p className="filter-count" role="status">
        {t(near ? 'filter.countNear' : 'filter.count', { shown, total })}
      </p>
      <div id={panelId} hidden={!open}>
        <fieldset className="filter-group">
          <legend>{t('filter.kinds')}</legend>
          {PIN_KINDS.map((kind: PinKind) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                checked={!filter.hiddenKinds.includes(kind)}
                onChange={(e) => filterChanged({ hiddenKinds: toggled(filter.hiddenKinds, kind, !e.target.checked) })}
              />
              <span className={`kind-swatch kind-swatch--${kind}`} aria-hidden="true" />
              <span>{t(`kind.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('filter.themes')}</legend>
          <div className="filter-themes">
            {themes.map(({ theme, label }) => (
              <label key={theme.id} className="choice">
                <input
                  type="checkbox"
                  checked={!filter.hiddenThemes.includes(theme.id)}
                  onChange={(e) => filterChanged({ hiddenThemes: toggled(filter.hiddenThemes, theme.id, !e.target.checked) })}
                />
                <ThemeIcon icon={theme.icon} colour={theme.colour} />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <div className="filter-bulk">
            <button type="button" className="button button--small" onClick={() => filterChanged({ hiddenThemes: [] })}>
              {t('filter.allThemes')}
            </button>
            <button type="button" className="button button--small" onClick={() => filterChanged({ hiddenThemes: themes.map((v) => v.theme.id) })}>
              {t('filter.noThemes')}
            </button>
          </div>
        </fieldset>
      </div>
    </section>
  );
}
