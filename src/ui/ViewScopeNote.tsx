// in a consultation too big to load whole, says what the map and the list show: the pins near the view, or groups.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/useAppStore.ts';

export function ViewScopeNote({ where }: { where: 'map' | 'list' }) {
  const { t } = useTranslation();
  const scope = useAppStore((s) => s.pinScope);
  const tooMany = useAppStore((s) => s.viewScope.tooMany);
  if (scope !== 'view') return null;
  const key = tooMany ? (where === 'map' ? 'viewScope.mapTooMany' : 'viewScope.listTooMany') : where === 'list' ? 'viewScope.listNear' : null;
  return (
    <p className={`view-scope-note view-scope-note--${where}`} role="status">
      {key ? t(key) : null}
    </p>
  );
}
