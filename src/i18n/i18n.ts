// i18next setup: every user-visible string comes from locales/<lang>/<part>.json, so a new language is a new folder.
import i18next from 'i18next';
import type { Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

// each part of the app (resident, planner, table, sync, …) keeps its strings in its own file so work on
// one part never edits another's; the files of one language merge into one namespace.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

/** Merges locales/<lang>/*.json into one resource per language. */
export function buildResources(modules: Record<string, Record<string, unknown>>): Resource {
  const resources: Resource = {};
  for (const [file, strings] of Object.entries(modules)) {
    const lang = /\.\/locales\/([^/]+)\//.exec(file)?.[1];
    if (!lang) continue;
    const translation = (resources[lang]?.translation ?? {}) as Record<string, unknown>;
    resources[lang] = { translation: { ...translation, ...strings } };
  }
  return resources;
}

export const SUPPORTED_LANGUAGES = ['en'] as const;

// WARNING: escaping is off because React renders every string as text; never pass t() output to innerHTML.
void i18next.use(initReactI18next).init({
  resources: buildResources(files),
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
