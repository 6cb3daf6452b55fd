// dates as residents read them: in the interface language, with the reader's own regional form of it where the
// browser says so (English in Britain gives "23 May 2026", in the United States "May 23, 2026").

/** the locale to format in: the first browser locale of the interface language, else the language itself */
export function readerLocale(language: string, browserLocales: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const base = language.split('-')[0]!.toLowerCase();
  return browserLocales.find((locale) => locale.split('-')[0]!.toLowerCase() === base) ?? language;
}

export function formatDate(iso: string, language: string, browserLocales?: readonly string[]): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(readerLocale(language, browserLocales), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
