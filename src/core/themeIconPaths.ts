// static svg path data (24×24 viewbox) for the theme icon names themes.json may use; shared by ui and map markers.

export const THEME_ICON_PATHS: Readonly<Record<string, string>> = {
  tree: 'M12 2a6 6 0 0 0-5.6 8.2A4.5 4.5 0 0 0 9 18h2v4h2v-4h2a4.5 4.5 0 0 0 2.6-7.8A6 6 0 0 0 12 2z',
  play: 'M4 22V4h2l6 8 6-8h2v18h-2V8l-5 7h-2L6 8v14z',
  bus: 'M5 3h14a2 2 0 0 1 2 2v12a2 2 0 0 1-1 1.7V21h-3v-2H7v2H4v-2.3A2 2 0 0 1 3 17V5a2 2 0 0 1 2-2zm0 3v5h14V6zm2 8a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm10 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  shield: 'M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z',
  home: 'M12 3l9 8h-3v10h-5v-6h-2v6H6V11H3z',
  heart: 'M12 21l-1.5-1.3C5 15 2 12.2 2 8.6 2 5.7 4.3 3.5 7.1 3.5c1.9 0 3.7.9 4.9 2.3 1.2-1.4 3-2.3 4.9-2.3 2.8 0 5.1 2.2 5.1 5.1 0 3.6-3 6.4-8.5 11.1z',
  shop: 'M4 4h16l1 6a3 3 0 0 1-2 2.8V21H5v-8.2A3 3 0 0 1 3 10zm6 11v6h4v-6z',
  people: 'M8 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.9 3.1-7 7-7s7 3.1 7 7zm15 0c0-2.2-.8-4.3-2.2-5.8.7-.2 1.4-.2 2.2-.2 3.3 0 6 2.7 6 6z',
  landmark: 'M12 2l10 5v2H2V7zM4 10h3v8H4zm6.5 0h3v8h-3zm6.5 0h3v8h-3zM2 19h20v3H2z',
  leaf: 'M20 3C9 3 4 8 4 15c0 1.6.4 3 1 4.2L3 21l1.4 1.4 2-2C7.7 21.5 9.3 22 11 22c7 0 10-7 9-19zM8 18c2-5 5-8 9-10-3 3-6 6-9 10z',
};

/** A neutral dot for unknown icon names, so a typo in themes.json never breaks a marker. */
export const FALLBACK_ICON_PATH = 'M12 6a6 6 0 1 0 0 12 6 6 0 0 0 0-12z';

/**
 * The svg path for a theme's icon name, or a neutral dot for a name this build does not draw.
 * @example
 * themeIconPath('tree'); // 'M12 2a6 6 0 0 0-5.6 8.2…'
 * themeIconPath('no-such-icon') === FALLBACK_ICON_PATH; // true
 */
export function themeIconPath(icon: string): string {
  return Object.hasOwn(THEME_ICON_PATHS, icon) ? THEME_ICON_PATHS[icon]! : FALLBACK_ICON_PATH;
}
