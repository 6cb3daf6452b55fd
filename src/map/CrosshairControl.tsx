// keyboard placement: a crosshair at the map centre, a live region naming the area under it, Enter or a button to place.
// only for keyboard users: a tap places the one draft pin directly, and the card would only cover the map.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { useAreaLocator } from '../store/areaLocatorFor.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { visibleCentre } from './coveredPadding.ts';
import { fromLatLng } from './lngLat.ts';
import type { Map as LeafletMap } from 'leaflet';

// on a phone the sheet covers the map's lower part: the crosshair sits at the centre of what still shows
function crosshairLatLng(map: LeafletMap) {
  const centre = visibleCentre(map);
  return map.containerPointToLatLng([centre.x, centre.y]);
}

function useAreaNameUnderCentre(active: boolean): string | null | undefined {
  const map = useMap();
  const areas = useAppStore((s) => s.areas);
  const locate = useAreaLocator(areas);
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(
    function trackCentre() {
      // (no locator yet: its code is still on the way, and the effect runs again when it is in)
      if (!active || !locate) return;
      const locateArea = locate;
      const names = new Map(areas.features.map((f) => [f.properties.id, f.properties.name]));
      function update() {
        const id = locateArea(fromLatLng(crosshairLatLng(map)));
        setName(id === null ? null : (names.get(id) ?? id));
      }
      update();
      // moveend, not move: the live region should speak once per pan, not on every frame
      map.on('moveend', update);
      return function stopTrackingCentre() {
        map.off('moveend', update);
      };
    },
    [active, areas, locate, map],
  );
  return active ? name : undefined;
}

/** true while the map (or the crosshair card beside it) has focus that came from the keyboard */
function useKeyboardOnMap(): boolean {
  const map = useMap();
  const [keyboard, setKeyboard] = useState(false);
  useEffect(
    function watchHowTheMapIsUsed() {
      const container = map.getContainer();
      const frame = container.parentElement;
      const onFocus = () => {
        if (container.matches(':focus-visible')) setKeyboard(true);
      };
      const onKey = () => setKeyboard(true);
      const onPointer = (event: PointerEvent) => {
        // a click on the card's own button keeps the card until the click lands
        if (event.target instanceof Element && event.target.closest('.crosshair-panel')) return;
        setKeyboard(false);
      };
      const onFocusOut = (event: FocusEvent) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !frame?.contains(next)) setKeyboard(false);
      };
      container.addEventListener('focus', onFocus);
      container.addEventListener('keydown', onKey);
      frame?.addEventListener('pointerdown', onPointer);
      frame?.addEventListener('focusout', onFocusOut);
      return function stopWatching() {
        container.removeEventListener('focus', onFocus);
        container.removeEventListener('keydown', onKey);
        frame?.removeEventListener('pointerdown', onPointer);
        frame?.removeEventListener('focusout', onFocusOut);
      };
    },
    [map],
  );
  return keyboard;
}

export function CrosshairControl() {
  const { t } = useTranslation();
  const map = useMap();
  const placing = useAppStore((s) => s.placing && s.editor !== null);
  const placementPicked = useAppStore((s) => s.placementPicked);
  const keyboard = useKeyboardOnMap();
  const areaName = useAreaNameUnderCentre(placing && keyboard);

  useEffect(
    function placeOnEnter() {
      if (!placing) return;
      const container = map.getContainer();
      function onKeyDown(event: KeyboardEvent) {
        if (event.key !== 'Enter' || event.target !== container) return;
        event.preventDefault();
        placementPicked(fromLatLng(crosshairLatLng(map)));
      }
      container.addEventListener('keydown', onKeyDown);
      return function stopPlacingOnEnter() {
        container.removeEventListener('keydown', onKeyDown);
      };
    },
    [placing, map, placementPicked],
  );

  // rendered beside the leaflet container, not inside it, so leaflet's own click and key handling never sees it
  const frame = map.getContainer().parentElement;
  if (!placing || !keyboard || !frame) return null;
  return createPortal(
    <>
      <div className="crosshair" aria-hidden="true" style={{ top: `${visibleCentre(map).y}px` }} />
      <div className="crosshair-panel">
        <p className="crosshair-status" role="status" aria-live="polite">
          {areaName === undefined ? '' : areaName === null ? t('crosshair.outside') : t('crosshair.over', { name: areaName })}
        </p>
        <p className="crosshair-hint">{t('crosshair.hint')}</p>
        <button type="button" className="button button--primary" onClick={() => placementPicked(fromLatLng(crosshairLatLng(map)))}>
          {t('crosshair.placeHere')}
        </button>
      </div>
    </>,
    frame,
  );
}
