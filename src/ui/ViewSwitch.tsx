// "Map | List" tabs: two equal views of the same filtered pins.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { View } from '../store/appState.ts';
import { useAppStore } from '../store/useAppStore.ts';

const VIEWS: readonly View[] = ['map', 'list'];

export function ViewSwitch() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const viewChanged = useAppStore((s) => s.viewChanged);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = view === 'map' ? 'list' : 'map';
    viewChanged(next);
    document.getElementById(`tab-${next}`)?.focus();
  }

  return (
    <div className="view-switch" role="tablist" aria-label={t('view.label')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={view === v}
          aria-controls={`panel-${v}`}
          tabIndex={view === v ? 0 : -1}
          onClick={() => viewChanged(v)}
          onKeyDown={onKeyDown}
        >
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}
