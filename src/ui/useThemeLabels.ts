// theme labels come from themes.json (with its own translations), not from the locale files.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../core/types.ts';
import { useAppStore } from '../store/useAppStore.ts';

export interface ThemeView {
  theme: Theme;
  label: string;
  /** the plain-language description in the current language, falling back to English */
  description: string | undefined;
}

/** Themes with their label in the current language, and a lookup by id. */
export function useThemeLabels(): { themes: ThemeView[]; byId: Map<string, ThemeView> } {
  const { i18n } = useTranslation();
  const themes = useAppStore((s) => s.themes);
  const language = i18n.language;
  return useMemo(() => {
    const views = themes.map((theme) => ({ theme, label: theme.labels?.[language] ?? theme.label, description: theme.descriptions?.[language] ?? theme.description }));
    return { themes: views, byId: new Map(views.map((v) => [v.theme.id, v])) };
  }, [themes, language]);
}

/** Area names by id, for popups and the list. */
export function useAreaNames(): Map<string, string> {
  const areas = useAppStore((s) => s.areas);
  return useMemo(() => new Map(areas.features.map((f) => [f.properties.id, f.properties.name])), [areas]);
}
