// skip link straight to the list view, the keyboard-friendly equal of the map.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/useAppStore.ts';

export function SkipLink() {
  const { t } = useTranslation();
  const viewChanged = useAppStore((s) => s.viewChanged);
  return (
    <a
      className="skip-link"
      href="#pin-list"
      onClick={(event) => {
        event.preventDefault();
        viewChanged('list');
        // the list panel is unhidden on the next render; focus it after that
        window.requestAnimationFrame(() => document.getElementById('pin-list')?.focus());
      }}
    >
      {t('skip.toList')}
    </a>
  );
}
