// the visible pins as keyboard-focusable markers; each opens a popup whose content the app supplies as react children.
// markers that would pile on each other at the current zoom are spread apart so each can be tapped on its own.
import type { Marker as LeafletMarker, PopupEvent } from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Marker, Popup, useMap, useMapEvents } from 'react-leaflet';
import { spreadMarkers } from '../core/pins/spreadMarkers.ts';
import type { Offset } from '../core/pins/spreadMarkers.ts';
import type { PinFeature, Theme } from '../core/types.ts';
import { selectVisiblePins } from '../store/selectVisiblePins.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { toLatLng } from './lngLat.ts';
import { pinMarkerIcon } from './pinMarkerIcon.ts';
import { usePinMarkerLabel } from './usePinMarkerLabel.ts';

export type RenderPinPopup = (pin: PinFeature) => ReactNode;

// a marker's touch target is 44 px: closer than that, two markers cannot each be tapped
const MARKER_SPACING = 44;

interface PinMarkerProps {
  pin: PinFeature;
  theme: Theme | undefined;
  renderPopup: RenderPinPopup;
  register: (id: string, marker: LeafletMarker | null) => void;
  /** pixels to shift the marker by at `zoom`, when it would sit on another */
  offset: Offset | undefined;
  zoom: number;
  highlighted: boolean;
}

function PinMarker({ pin, theme, renderPopup, register, offset, zoom, highlighted }: PinMarkerProps) {
  const map = useMap();
  const markerRef = useRef<LeafletMarker | null>(null);
  const label = usePinMarkerLabel(pin, theme);
  const icon = pinMarkerIcon(pin.properties.kind, theme?.colour ?? '', theme?.icon ?? '', highlighted);
  const [lng, lat] = pin.geometry.coordinates;
  const dx = offset?.dx ?? 0;
  const dy = offset?.dy ?? 0;
  // WARNING: a new LatLng on every render makes react-leaflet call setLatLng, which re-inserts an open popup's
  // content and drops keyboard focus inside it; any pin arriving from the server re-renders every marker.
  const at = useMemo(() => toLatLng([lng!, lat!]), [lng, lat]);
  const spread = dx !== 0 || dy !== 0;
  // an unspread marker keeps its position object through zooms, so an open popup is left alone
  const spreadZoom = spread ? zoom : null;
  const position = useMemo(() => (spreadZoom === null ? at : map.unproject(map.project(at, spreadZoom).add([dx, dy]), spreadZoom)), [at, dx, dy, spreadZoom, map]);

  useEffect(
    function labelMarker() {
      // leaflet rebuilds the element when the icon changes, so the accessible name is set after every change
      const element = markerRef.current?.getElement();
      element?.setAttribute('aria-label', label);
      element?.setAttribute('title', label);
      element?.classList.toggle('pin-marker--thanked', highlighted);
      register(pin.id, markerRef.current);
      return function unregisterMarker() {
        register(pin.id, null);
      };
    },
    [label, icon, pin.id, register, highlighted],
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
  const thankedPinId = useAppStore((s) => s.thankedPinId);
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({
    zoomend() {
      setZoom(map.getZoom());
    },
  });
  useEffect(
    function readZoomOnMount() {
      // the map may have been fitted to the boundaries before this layer listened for zoomend
      setZoom(map.getZoom());
    },
    [map],
  );
  const offsets = useMemo(
    () =>
      spreadMarkers(
        pins.map((pin) => {
          const [lng, lat] = pin.geometry.coordinates;
          const point = map.project(toLatLng([lng!, lat!]), zoom);
          return { id: pin.id, x: point.x, y: point.y };
        }),
        { spacing: MARKER_SPACING },
      ),
    [pins, zoom, map],
  );
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
        <PinMarker
          key={pin.id}
          pin={pin}
          theme={themeById.get(pin.properties.theme)}
          renderPopup={renderPopup}
          register={register}
          offset={offsets.get(pin.id)}
          zoom={zoom}
          highlighted={pin.id === thankedPinId}
        />
      ))}
    </>
  );
}
