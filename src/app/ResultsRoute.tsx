// the public results page at /c/<slug>/results as its own chunk, so the resident's first load does not grow.
import { ResultsPage } from '../ui/results/ResultsPage.tsx';

export default function ResultsRoute({ slug }: { slug: string }) {
  return <ResultsPage slug={slug} />;
}
