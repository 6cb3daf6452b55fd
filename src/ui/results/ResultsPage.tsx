// the public results page at /c/<slug>/results: read from the public API, re-read when the live stream says something
// changed (a pin added, answered, hidden), and printable (results.css has the print stylesheet).
import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { groupAnsweredPins, overallTotals, themeTotals } from '../../core/results/resultsSummary.ts';
import { connectLiveEvents } from '../../persistence/liveEvents.ts';
import { consultationApi, loadResults } from '../../persistence/resultsApi.ts';
import type { ResultsData } from '../../persistence/resultsApi.ts';
import { PlainHeader } from '../consultations/FrontPage.tsx';
import { formatPublished } from '../planner/formatPublished.ts';
import { DatesSection, Figure, HeardSection, NextSection, QuotesSection } from './ResultsSections.tsx';
import './results.css';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: ResultsData };

/** live changes come in bursts (a planner answers three pins at once): one re-read per burst */
const REREAD_MS = 400;

export function ResultsPage({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(
    function readAndFollow() {
      let live = true;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const read = () =>
        loadResults(slug).then(
          (data) => live && setLoad({ kind: 'ready', data }),
          (error: unknown) => live && setLoad((was) => (was.kind === 'ready' ? was : { kind: 'failed', message: error instanceof Error ? error.message : String(error) })),
        );
      const soon = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void read(), REREAD_MS);
      };
      void read();
      const connection = connectLiveEvents(
        { pinChanged: soon, pinRemoved: soon, catalogChanged: soon, statusChanged: () => undefined, reconnected: soon },
        { url: `${consultationApi(slug)}/events` },
      );
      return function stopFollowing() {
        live = false;
        if (timer) clearTimeout(timer);
        connection.close();
      };
    },
    [slug],
  );
  const data = load.kind === 'ready' ? load.data : null;
  const language = i18n.language;
  const themeLabel = useMemo(() => {
    const labels = new Map((data?.themes ?? []).map((th) => [th.id, th.labels?.[language] ?? th.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [data, language]);
  const base = `/c/${encodeURIComponent(slug)}`;
  const counts = data ? data.areas.map((a) => a.counts) : [];
  const total = overallTotals(counts).total;
  return (
    <>
      <PlainHeader title={data?.title || t('results.title')} tagline={t('results.title')} links={[{ href: base, label: t('results.backToMap') }]} />
      <main className="page-main results-page" id="main">
        {load.kind === 'loading' && <p role="status">{t('results.loading')}</p>}
        {load.kind === 'failed' && <p role="alert">{t('results.failed', { message: load.message })}</p>}
        {data && (
          <>
            <p className="results-lead" data-testid="results-total">
              <Trans i18nKey="results.total" values={{ figure: formatPublished(t, total) }} components={{ figure: <Figure c={total} /> }} />
            </p>
            <p className="results-note">{t('privacy.audience.public', { k: data.minCount })}</p>
            <HeardSection data={data} themes={themeTotals(counts)} themeLabel={themeLabel} lead={total} />
            <QuotesSection quotes={data.quotes} themeLabel={themeLabel} />
            <NextSection groups={groupAnsweredPins(data.pins)} />
            <DatesSection data={data} slug={slug} />
            <p className="results-live" role="status">{t('results.live', { status: data.status === 'open' ? t('results.open') : t('results.closed') })}</p>
          </>
        )}
      </main>
    </>
  );
}
