// the interface languages coplan ships, with their own names and writing direction; pure data, no i18next.

export interface LanguageInfo {
  /** BCP 47 primary language subtag, also the locales/<code>/ folder name */
  code: string;
  /** the language's name in itself (an endonym), shown the same in every interface language */
  name: string;
  dir: 'ltr' | 'rtl';
}

// WARNING: the names are deliberately not translated: a resident looks for their own language written their own way.
export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'cy', name: 'Cymraeg', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
];

export const DEFAULT_LANGUAGE = 'en';

/** localStorage key for the resident's own choice. */
export const LANGUAGE_STORAGE_KEY = 'coplan.language';

/** URL parameter that picks a language for shared links and kiosks, e.g. `?lang=ur`. */
export const LANGUAGE_URL_PARAM = 'lang';

export function languageInfo(code: string): LanguageInfo {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!;
}
