// the planner's answer panel: select the pins of the area chosen on the map (or in the areas table), or those in the
// map view, or of the cluster chosen on the map (its popup asks, see clusterPickStore.ts), to answer them at once. The server counts and lists them, so the page never
// holds the consultation's pins; one answer takes at most BULK_RESPONSE_MAX pins.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_RESPONSE_MAX } from '../../core/dialogue/pinResponse.ts';
import { DEFAULT_RESPONSE_QUERY } from '../../core/responses/responseQuery.ts';
import type { ResponseAnswerFilter, ResponseFilter } from '../../core/responses/responseQuery.ts';
import type { ResponseSource } from '../../persistence/responseExplorer/responseSource.ts';
import { useClusterRequest } from '../../store/clusterPickStore.ts';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import '../dialogue/loopEnglish.ts';

type Place = Partial<Pick<ResponseFilter, 'area' | 'bbox'>>;

interface Props {
  source: ResponseSource;
  answer: ResponseAnswerFilter | null;
  /** moves when pins or answers changed, so the counts are asked again */
  changes: number;
  onSelect(ids: string[]): void;
}

/** how many pins a place holds for the answer filter (null until the server says), asked again when either changes */
function usePlaceCount(source: ResponseSource, answer: ResponseAnswerFilter | null, place: Place | null, changes: number): number | null {
  const [count, setCount] = useState<number | null>(null);
  const key = JSON.stringify([answer, place, changes]);
  useEffect(function askForTheCount() {
    setCount(null);
    if (!place) return;
    let live = true;
    // a map being panned moves its view many times a second: ask once it rests
    const timer = setTimeout(() => {
      source.page({ ...DEFAULT_RESPONSE_QUERY, ...place, answer, limit: 1 }).then((p) => live && setCount(p.total), () => undefined);
    }, 250);
    return function forgetTheCount() {
      live = false;
      clearTimeout(timer);
    };
    // the key holds every input that changes the answer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key]);
  return count;
}

export function MapSelection({ source, answer, changes, onSelect }: Props) {
  const { t } = useTranslation();
  const area = usePlannerStore((s) => (s.selectedArea === null ? null : (s.areas.features[s.selectedArea] ?? null)));
  const bbox = usePlannerStore((s) => s.view?.bbox ?? null);
  const areaId = area ? String(area.properties.id) : null;
  const inArea = usePlaceCount(source, answer, areaId === null ? null : { area: areaId }, changes);
  const inView = usePlaceCount(source, answer, bbox ? { bbox } : null, changes);
  const [cut, setCut] = useState<{ count: number; total: number } | null>(null);
  // what became of the cluster chosen on the map; it takes the focus, so the choice made in the popup is heard
  const [clusterNote, setClusterNote] = useState<{ text: string; focus: boolean } | null>(null);
  const noteLine = useRef<HTMLParagraphElement>(null);
  useEffect(function focusTheClusterNote() {
    // once it is drawn (an empty note is not shown, so it cannot take the focus before)
    if (clusterNote?.focus) noteLine.current?.focus();
  }, [clusterNote]);
  const select = async (place: Place): Promise<number> => {
    const page = await source.page({ ...DEFAULT_RESPONSE_QUERY, ...place, answer, limit: BULK_RESPONSE_MAX });
    setCut(page.total > page.rows.length ? { count: page.rows.length, total: page.total } : null);
    onSelect(page.rows.map((r) => r.id));
    return page.rows.length;
  };
  const selectPlace = (place: Place) => {
    setClusterNote(null);
    void select(place);
  };
  useClusterRequest('answer', ({ bbox: clusterBox }) => {
    select({ bbox: clusterBox }).then(
      (n) => setClusterNote({ text: n > 0 ? t('clusterPick.selected', { count: n }) : t('clusterPick.none'), focus: true }),
      (error: unknown) => setClusterNote({ text: t('clusterPick.failed', { message: error instanceof Error ? error.message : String(error) }), focus: true }),
    );
  });
  const shown = (n: number | null) => Math.min(n ?? 0, BULK_RESPONSE_MAX);
  return (
    <div className="answer-map-selection" role="group" aria-label={t('loop.planner.mapSelection')}>
      {area ? (
        <button type="button" className="button button--secondary" disabled={!inArea} onClick={() => selectPlace({ area: areaId })}>
          {t('loop.planner.selectArea', { count: shown(inArea), area: String(area.properties.name) })}
        </button>
      ) : (
        <p className="comment__meta">{t('loop.planner.chooseArea')}</p>
      )}
      {bbox ? (
        <button type="button" className="button button--secondary" disabled={!inView} onClick={() => selectPlace({ bbox })}>
          {t('loop.planner.selectView', { count: shown(inView) })}
        </button>
      ) : null}
      <p ref={noteLine} role="status" tabIndex={-1} className="comment__meta answer-cluster-note">{clusterNote?.text}</p>
      {cut ? <p className="comment__meta">{t('plannerQueries.firstOnly', { count: cut.count, total: cut.total.toLocaleString() })}</p> : null}
    </div>
  );
}
