// theme labels and colours for planner layers, including themes found only in an opened pins file.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './useAppStore.ts';

export interface PlannerTheme {
  label: string;
  colour: string;
}

const FALLBACK_COLOUR = '#777777';

/** Label (current language, else the id) and colour (else grey) of any theme id. */
export function usePlannerThemes(): (id: string) => PlannerTheme {
  const { i18n } = useTranslation();
  const themes = useAppStore((s) => s.themes);
  const language = i18n.language;
  return useMemo(() => {
    const byId = new Map(themes.map((t) => [t.id, { label: t.labels?.[language] ?? t.label, colour: t.colour }]));
    return (id: string) => byId.get(id) ?? { label: id, colour: FALLBACK_COLOUR };
  }, [themes, language]);
}
