// picks the interface language: the url's ?lang= wins, then the resident's saved choice, then the browser's languages.
import { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_URL_PARAM } from './languages.ts';

export interface LanguageSources {
  /** location.search, e.g. "?lang=ur" */
  search?: string | null;
  /** what the switcher saved in localStorage */
  stored?: string | null;
  /** navigator.languages, most preferred first */
  browser?: readonly string[] | null;
}

const SUPPORTED: readonly string[] = LANGUAGES.map((l) => l.code);

/**
 * The supported language a tag asks for, or null: "ur-PK" and "UR" give "ur"; unknown or malformed tags give null.
 * @example
 * supportedLanguage('pl-PL') // => 'pl'
 */
export function supportedLanguage(tag: string | null | undefined, supported: readonly string[] = SUPPORTED): string | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return supported.includes(primary) ? primary : null;
}

/**
 * The language to start in. Sources that name an unsupported language are skipped, never an error.
 * @example
 * detectLanguage({ search: '?lang=ur', stored: 'cy', browser: ['pl-PL'] }) // => 'ur'
 * detectLanguage({ search: '', stored: null, browser: ['de-DE', 'pl'] }) // => 'pl'
 */
export function detectLanguage(sources: LanguageSources, supported: readonly string[] = SUPPORTED): string {
  const fromUrl = new URLSearchParams(sources.search ?? '').get(LANGUAGE_URL_PARAM);
  const candidates = [fromUrl, sources.stored, ...(sources.browser ?? [])];
  for (const candidate of candidates) {
    const found = supportedLanguage(candidate, supported);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}
