// the planner's answer panel: select every shown pin of the area chosen on the map (or in the areas table), or every
// shown pin in the map view (zoom to a cluster first), to answer them at once.
import { useTranslation } from 'react-i18next';
import { pinIdsInArea, pinIdsInBbox } from '../../core/dialogue/selectPins.ts';
import type { PinFeature } from '../../core/types.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import '../dialogue/loopEnglish.ts';

export function MapSelection({ shown, onSelect }: { shown: readonly PinFeature[]; onSelect: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const area = usePlannerStore((s) => (s.selectedArea === null ? null : (s.areas.features[s.selectedArea] ?? null)));
  const view = usePlannerStore((s) => s.view);
  const inArea = area ? pinIdsInArea(shown, String(area.properties.id)) : [];
  const inView = view ? pinIdsInBbox(shown, view.bbox) : [];
  return (
    <div className="answer-map-selection" role="group" aria-label={t('loop.planner.mapSelection')}>
      {area ? (
        <button type="button" className="button button--secondary" disabled={inArea.length === 0} onClick={() => onSelect(inArea)}>
          {t('loop.planner.selectArea', { count: inArea.length, area: String(area.properties.name) })}
        </button>
      ) : (
        <p className="comment__meta">{t('loop.planner.chooseArea')}</p>
      )}
      {view ? (
        <button type="button" className="button button--secondary" disabled={inView.length === 0} onClick={() => onSelect(inView)}>
          {t('loop.planner.selectView', { count: inView.length })}
        </button>
      ) : null}
    </div>
  );
}
