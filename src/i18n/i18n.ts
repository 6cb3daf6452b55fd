// i18next setup: every user-visible string comes from locales/<lang>/<part>.json, so a new language is a new folder.
import i18next from 'i18next';
import type { Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage } from './detectLanguage.ts';
import { LANGUAGES, LANGUAGE_STORAGE_KEY, LANGUAGE_URL_PARAM, languageInfo } from './languages.ts';

// each part of the app (resident, planner, table, sync, …) keeps its strings in its own file so work on
// one part never edits another's; the files of one language merge into one namespace.
// English is in the first load (it is every language's fallback); the other languages are chunks fetched when chosen
// or detected, so a resident downloads one language, not four (the service worker still precaches them all).
// (the results page's, the touch table's, the budget's and the context layers' English strings come with their own
// chunks: src/app/ResultsRoute.tsx, TableRoute.tsx and BudgetRoute.tsx add them, the table's formal voting
// src/ui/table/vote/tableVoteEnglish.ts, src/ui/layers/layerStrings.ts, the
// budget game's and results spread's src/ui/budget/budgetGameEnglish.ts, the budget planner's and ballot's
// src/app/budgetPlannerStrings.ts, the planner view's src/app/plannerStrings.ts, closing the loop's
// src/ui/dialogue/loopEnglish.ts, the staff console's src/ui/admin/staffEnglish.ts, the resident map's later
// panels' src/ui/residentPanelsEnglish.ts, the staff tools' src/ui/planner-tools/staffToolsEnglish.ts and the privacy
// notice's src/ui/resident/privacyNoticeEnglish.ts)
const files = import.meta.glob<Record<string, unknown>>(
  [
    './locales/en/*.json',
    '!./locales/en/results.json',
    '!./locales/en/table.json',
    '!./locales/en/table17.json',
    '!./locales/en/tableVote.json',
    '!./locales/en/budget.json',
    '!./locales/en/layers.json',
    '!./locales/en/budgetGame.json',
    '!./locales/en/budgetPlanner.json',
    '!./locales/en/budgetAllocations.json',
    '!./locales/en/planner.json',
    '!./locales/en/explorer.json',
    '!./locales/en/hardening11.json',
    '!./locales/en/plannerQueries.json',
    '!./locales/en/clusterPick.json',
    '!./locales/en/loop.json',
    '!./locales/en/staff.json',
    '!./locales/en/residentPanels.json',
    '!./locales/en/staffTools.json',
    '!./locales/en/privacyNotice.json',
  ],
  { eager: true, import: 'default' },
);
const otherFiles = import.meta.glob<Record<string, unknown>>(['./locales/*/*.json', '!./locales/en/*.json'], { import: 'default' });

/** an i18next backend reading the other languages' chunks; changeLanguage resolves once they are in */
const localeChunks = {
  type: 'backend' as const,
  init: () => undefined,
  read(language: string, _namespace: string, done: (error: Error | null, data: Resource[string]['translation'] | false) => void) {
    const loads = Object.entries(otherFiles).filter(([file]) => file.startsWith(`./locales/${language}/`));
    Promise.all(loads.map(async ([file, load]) => [file, await load()] as const))
      .then((loaded) => done(null, (buildResources(Object.fromEntries(loaded))[language]?.translation ?? {}) as Resource[string]['translation']))
      .catch((error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false));
  },
};

type Strings = { [key: string]: unknown };
const isObject = (value: unknown): value is Strings => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge, so two parts' files that both add under one top-level key (e.g. "table") keep each other's strings. */
function mergeStrings(into: Strings, from: Strings): Strings {
  const out: Strings = { ...into };
  for (const [key, value] of Object.entries(from)) out[key] = isObject(out[key]) && isObject(value) ? mergeStrings(out[key], value) : value;
  return out;
}

/** Merges locales/<lang>/*.json into one resource per language. */
export function buildResources(modules: Record<string, Record<string, unknown>>): Resource {
  const resources: Resource = {};
  for (const [file, strings] of Object.entries(modules)) {
    const lang = /\.\/locales\/([^/]+)\//.exec(file)?.[1];
    if (!lang) continue;
    const translation = (resources[lang]?.translation ?? {}) as Strings;
    resources[lang] = { translation: mergeStrings(translation, strings) };
  }
  return resources;
}

export const SUPPORTED_LANGUAGES = LANGUAGES.map((l) => l.code);

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // storage can be blocked (private mode, kiosk policies); the browser language still works
    return null;
  }
}

function startLanguage(): string {
  return detectLanguage({
    search: globalThis.location?.search ?? '',
    stored: readStored(),
    browser: globalThis.navigator?.languages ?? (globalThis.navigator?.language ? [globalThis.navigator.language] : []),
  });
}

/** Puts lang and dir on <html>, so screen readers pick the right voice and the layout mirrors for right-to-left. */
function markDocument(language: string): void {
  if (typeof document === 'undefined') return;
  const info = languageInfo(language);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
  document.title = i18next.t('common.documentTitle');
}

/**
 * The resident picked a language in the switcher: show it, remember it on this device, and keep a ?lang= in the
 * address in step so a reload or shared link shows the same language.
 */
export async function languageChosen(code: string): Promise<void> {
  const info = languageInfo(code);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, info.code);
  } catch {
    // not remembered, but still switched
  }
  if (typeof location !== 'undefined' && typeof history !== 'undefined') {
    const url = new URL(location.href);
    if (url.searchParams.has(LANGUAGE_URL_PARAM)) {
      url.searchParams.set(LANGUAGE_URL_PARAM, info.code);
      history.replaceState(history.state, '', url);
    }
  }
  await i18next.changeLanguage(info.code);
}

i18next.on('languageChanged', markDocument);

// WARNING: escaping is off because React renders every string as text; never pass t() output to innerHTML.
/** resolves once the start language's strings are in (main waits for it before the first render) */
export const i18nReady = i18next.use(localeChunks).use(initReactI18next).init({
  resources: buildResources(files),
  partialBundledLanguages: true,
  lng: startLanguage(),
  fallbackLng: 'en',
  supportedLngs: SUPPORTED_LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18next;
