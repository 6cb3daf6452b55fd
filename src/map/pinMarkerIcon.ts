// marker icons: theme colour plus a kind shape (circle = keep, diamond with "!" = change), static svg only.
import { divIcon } from 'leaflet';
import type { DivIcon } from 'leaflet';
import type { PinKind } from '../core/types.ts';
import { themeIconPath } from '../core/themeIconPaths.ts';

const HEX = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOUR = '#5a6472';
const cache = new Map<string, DivIcon>();

function shapeMarkup(kind: PinKind, colour: string, icon: string, selected: boolean): string {
  // WARNING: this string goes to Leaflet as html; it may only contain the checked colour and static path data, never user text.
  const fill = HEX.test(colour) ? colour : FALLBACK_COLOUR;
  const ring = selected ? '#111' : '#fff';
  const glyph = `<path d="${themeIconPath(icon)}" fill="#fff" transform="translate(12 12) scale(0.75)"/>`;
  if (kind === 'asset') {
    return `<svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
<circle cx="24" cy="24" r="19" fill="${fill}" stroke="${ring}" stroke-width="3"/>
<circle cx="24" cy="24" r="20.5" fill="none" stroke="#1b1f24" stroke-width="1"/>${glyph}</svg>`;
  }
  return `<svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
<path d="M24 2 46 24 24 46 2 24Z" fill="${fill}" stroke="${ring}" stroke-width="3" stroke-linejoin="round"/>
<path d="M24 0.5 47.5 24 24 47.5 0.5 24Z" fill="none" stroke="#1b1f24" stroke-width="1" stroke-linejoin="round"/>${glyph}
<circle cx="39" cy="9" r="8" fill="#1b1f24" stroke="#fff" stroke-width="2"/>
<path d="M38 4h2v6.5h-2zM38 12h2v2h-2z" fill="#fff"/></svg>`;
}

/** The (cached) divIcon for a kind, theme colour and icon name. */
export function pinMarkerIcon(kind: PinKind, colour: string, icon: string, selected = false): DivIcon {
  const key = `${kind}|${colour}|${icon}|${selected}`;
  let made = cache.get(key);
  if (!made) {
    made = divIcon({
      html: shapeMarkup(kind, colour, icon, selected),
      className: `pin-marker pin-marker--${kind}`,
      iconSize: [44, 44],
      iconAnchor: [22, 22],
      popupAnchor: [0, -20],
    });
    cache.set(key, made);
  }
  return made;
}
