// the results page's sections: what we heard (counts by theme and area, the map, the most supported), what happens
// next (answered pins by status), and the dates. Every hidden figure is a short word in its cell, explained once above
// the tables and in full to screen readers; user text is text.
import { useTranslation } from 'react-i18next';
import type { AnsweredGroup, SupportedPin, ThemeRow } from '../../core/results/resultsSummary.ts';
import { isSuppressed } from '../../core/smallCounts.ts';
import type { PublishedCount } from '../../core/smallCounts.ts';
import type { ResultsArea, ResultsData } from '../../persistence/resultsApi.ts';
import { formatDate } from '../formatDate.ts';
import { describePublished, formatPublished, hiddenFigureNotes } from '../planner/formatPublished.ts';
import { AreaMapSvg } from './AreaMapSvg.tsx';

/** a table cell's figure: the number, or a short word ("<5 hidden") whose reason is in the note above the tables and,
 * for screen readers, in the cell itself (the full sentence, visually hidden) */
export function Figure({ c }: { c: PublishedCount }) {
  const { t } = useTranslation();
  if (!isSuppressed(c)) return <span className="results-figure">{formatPublished(t, c)}</span>;
  return (
    <>
      <span className="results-figure" aria-hidden="true">{formatPublished(t, c)}</span>
      <sup className="results-footnote-mark" aria-hidden="true">*</sup>
      <span className="visually-hidden">{describePublished(t, c)}</span>
    </>
  );
}

const NOTES_ID = 'results-hidden-notes';

/** `lead` is the page's overall figure, shown above: its hidden word is explained in the same notes */
export function HeardSection({ data, themes, themeLabel, lead }: { data: ResultsData; themes: ThemeRow[]; themeLabel: (id: string) => string; lead: PublishedCount }) {
  const { t } = useTranslation();
  const shown = [lead, ...themes.flatMap((r) => [r.asset, r.priority]), ...data.areas.flatMap((a) => [a.counts.total, a.counts.asset, a.counts.priority])];
  const describeArea = (a: ResultsArea) => `${a.name}: ${describePublished(t, a.counts.total)}`;
  const notes = hiddenFigureNotes(t, shown);
  const describedBy = notes.length ? NOTES_ID : undefined;
  return (
    <section className="results-section" aria-labelledby="results-heard">
      <h2 id="results-heard">{t('results.heard.heading')}</h2>
      {notes.length ? (
        <div id={NOTES_ID} className="results-hidden-notes" data-testid="results-hidden-notes">
          <p>{t('results.heard.hiddenIntro')}</p>
          <ul>
            {notes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        </div>
      ) : null}
      <h3>{t('results.heard.byTheme')}</h3>
      <table data-testid="results-themes" aria-describedby={describedBy}>
        <thead>
          <tr>
            <th scope="col">{t('results.heard.theme')}</th>
            <th scope="col">{t('results.heard.priorities')}</th>
            <th scope="col">{t('results.heard.assets')}</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((r) => (
            <tr key={r.theme}>
              <th scope="row">{themeLabel(r.theme)}</th>
              <td><Figure c={r.priority} /></td>
              <td><Figure c={r.asset} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('results.heard.byArea')}</h3>
      <AreaMapSvg areas={data.areas} label={t('results.heard.mapLabel')} describe={describeArea} />
      <table data-testid="results-areas" aria-describedby={describedBy}>
        <thead>
          <tr>
            <th scope="col">{t('results.heard.area')}</th>
            <th scope="col">{t('results.heard.total')}</th>
            <th scope="col">{t('results.heard.priorities')}</th>
            <th scope="col">{t('results.heard.assets')}</th>
          </tr>
        </thead>
        <tbody>
          {data.areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td><Figure c={a.counts.total} /></td>
              <td><Figure c={a.counts.priority} /></td>
              <td><Figure c={a.counts.asset} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <TopList heading={t('results.heard.topPriorities')} pins={data.top.priority} themeLabel={themeLabel} testId="results-top-priorities" />
      <TopList heading={t('results.heard.topAssets')} pins={data.top.asset} themeLabel={themeLabel} testId="results-top-assets" />
    </section>
  );
}

function TopList({ heading, pins, themeLabel, testId }: { heading: string; pins: SupportedPin[]; themeLabel: (id: string) => string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{heading}</h3>
      {pins.length === 0 ? (
        <p>{t('results.heard.noneSupported')}</p>
      ) : (
        <ol data-testid={testId}>
          {pins.map((p, i) => (
            <li key={`${i}-${p.title}`}>
              <span className="results-pin-title">{p.title}</span> ({themeLabel(p.theme)}) — {t('results.heard.supports', { count: p.supports })}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** residents' own words, chosen by planners; always text */
export function QuotesSection({ quotes, themeLabel }: { quotes: ResultsData['quotes']; themeLabel: (id: string) => string }) {
  const { t } = useTranslation();
  if (quotes.length === 0) return null;
  return (
    <section className="results-section results-quotes-section" aria-labelledby="results-quotes" data-testid="results-quotes">
      <h2 id="results-quotes">{t('results.quotes.heading')}</h2>
      <ul className="results-quotes">
        {quotes.map((q) => (
          <li key={q.pinId}>
            <figure>
              <blockquote>
                <p>{q.text}</p>
              </blockquote>
              <figcaption>{t('results.quotes.caption', { theme: themeLabel(q.theme) })}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NextSection({ groups }: { groups: AnsweredGroup[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="results-section" aria-labelledby="results-next" data-testid="results-next">
      <h2 id="results-next">{t('results.next.heading')}</h2>
      {groups.length === 0 && <p>{t('results.next.none')}</p>}
      {groups.map((g) => (
        <div key={g.status}>
          <h3>{t(`results.status.${g.status}`)} ({g.pins.length})</h3>
          <ul className="results-answers">
            {g.pins.map((p) => (
              <li key={p.id}>
                <p className="results-pin-title">{p.title}</p>
                <p>{p.text}</p>
                <p className="results-note">{t('results.next.answeredOn', { date: formatDate(p.at, i18n.language) })}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function DatesSection({ data, slug }: { data: ResultsData; slug: string }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : t('results.dates.notSet'));
  return (
    <section className="results-section" aria-labelledby="results-dates">
      <h2 id="results-dates">{t('results.dates.heading')}</h2>
      <dl>
        <dt>{t('results.dates.opens')}</dt>
        <dd>{date(data.opensAt)}</dd>
        <dt>{t('results.dates.closes')}</dt>
        <dd>{date(data.closedAt ?? data.closesAt)}</dd>
      </dl>
      {data.hasBudget && (
        <p>
          <a href={`/c/${encodeURIComponent(slug)}/budget/results`}>{t('results.budgetLink')}</a>
        </p>
      )}
    </section>
  );
}
