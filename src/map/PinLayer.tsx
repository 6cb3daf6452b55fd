// the visible pins as keyboard-focusable markers; each opens a popup whose content the app supplies as react children.
import type { Marker as LeafletMarker, PopupEvent } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { Marker, Popup, useMap } from 'react-leaflet';
import type { PinFeature, Theme } from '../core/types.ts';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { toLatLng } from './lngLat.ts';
import { pinMarkerIcon } from './pinMarkerIcon.ts';
import { usePinMarkerLabel } from './usePinMarkerLabel.ts';

export type RenderPinPopup = (pin: PinFeature) => ReactNode;

interface PinMarkerProps {
  pin: PinFeature;
  theme: Theme | undefined;
  renderPopup: RenderPinPopup;
  register: (id: string, marker: LeafletMarker | null) => void;
}

function PinMarker({ pin, theme, renderPopup, register }: PinMarkerProps) {
  const map = useMap();
  const markerRef = useRef<LeafletMarker | null>(null);
  const label = usePinMarkerLabel(pin, theme);
  const icon = pinMarkerIcon(pin.properties.kind, theme?.colour ?? '', theme?.icon ?? '');
  const [lng, lat] = pin.geometry.coordinates;
  // WARNING: a new LatLng on every render makes react-leaflet call setLatLng, which re-inserts an open popup's
  // content and drops keyboard focus inside it; any pin arriving from the server re-renders every marker.
  const position = useMemo(() => toLatLng([lng!, lat!]), [lng, lat]);

  useEffect(
    function labelMarker() {
      // leaflet rebuilds the element when the icon changes, so the accessible name is set after every change
      const element = markerRef.current?.getElement();
      element?.setAttribute('aria-label', label);
      element?.setAttribute('title', label);
      register(pin.id, markerRef.current);
      return function unregisterMarker() {
        register(pin.id, null);
      };
    },
    [label, icon, pin.id, register],
  );

  const eventHandlers = useMemo(
    () => ({
      popupopen(event: PopupEvent) {
        // leaflet only closes popups on Escape while the map itself has focus; the popup's buttons need it too
        const element = event.popup.getElement();
        if (element && !element.dataset.escapeBound) {
          element.dataset.escapeBound = 'true';
          element.addEventListener('keydown', (key) => {
            if (key.key === 'Escape') markerRef.current?.closePopup();
          });
        }
      },
      popupclose(event: PopupEvent) {
        // give focus back to the marker (or the map, if the pin was deleted) instead of dropping it on <body>.
        // WARNING: leaflet fades the popup out and removes it 200 ms later, so focus may still be inside it here.
        const popupElement = event.popup.getElement();
        window.setTimeout(() => {
          const active = document.activeElement;
          const lost = !active || active === document.body || (popupElement?.contains(active) ?? false);
          if (!lost) return;
          const element = markerRef.current?.getElement();
          if (element?.isConnected) element.focus();
          else map.getContainer().focus();
        }, 0);
      },
    }),
    [map],
  );

  return (
    <Marker ref={markerRef} position={position} icon={icon} keyboard eventHandlers={eventHandlers}>
      {/* the zoom buttons sit in the top corner: keep an opened popup clear of them */}
      <Popup minWidth={240} maxWidth={320} autoPanPaddingTopLeft={[24, 96]} autoPanPaddingBottomRight={[24, 24]}>
        {renderPopup(pin)}
      </Popup>
    </Marker>
  );
}

export function PinLayer({ renderPopup }: { renderPopup: RenderPinPopup }) {
  const map = useMap();
  const pins = useAppStore(selectVisiblePins);
  const themes = useAppStore((s) => s.themes);
  const focusedPinId = useAppStore((s) => s.focusedPinId);
  const editor = useAppStore((s) => s.editor);
  const pinFocusHandled = useAppStore((s) => s.pinFocusHandled);
  const themeById = useMemo(() => new Map(themes.map((t) => [t.id, t])), [themes]);
  const markers = useRef(new Map<string, LeafletMarker>());
  const register = useMemo(
    () => (id: string, marker: LeafletMarker | null) => {
      if (marker) markers.current.set(id, marker);
      else markers.current.delete(id);
    },
    [],
  );

  useEffect(
    function showFocusedPin() {
      if (!focusedPinId) return;
      const marker = markers.current.get(focusedPinId);
      map.invalidateSize();
      if (marker) {
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15), { animate: false });
        marker.getElement()?.focus();
        marker.openPopup();
      }
      pinFocusHandled();
    },
    [focusedPinId, map, pinFocusHandled],
  );

  useEffect(
    function closePopupWhenEditing() {
      if (editor) map.closePopup();
    },
    [editor, map],
  );

  return (
    <>
      {pins.map((pin) => (
        <PinMarker key={pin.id} pin={pin} theme={themeById.get(pin.properties.theme)} renderPopup={renderPopup} register={register} />
      ))}
    </>
  );
}
