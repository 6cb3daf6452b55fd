// the public results page at /c/<slug>/results as its own chunk, so the resident's first load does not grow: its
// English strings come with it (the other languages' strings load with their language, as every part's do).
import i18next from 'i18next';
import english from '../i18n/locales/en/results.json';
import { ResultsPage } from '../ui/results/ResultsPage.tsx';

i18next.addResourceBundle('en', 'translation', english, true, false);

export default function ResultsRoute({ slug }: { slug: string }) {
  return <ResultsPage slug={slug} />;
}
