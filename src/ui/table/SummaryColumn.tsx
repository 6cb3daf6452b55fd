// one reading of the summary: headline, counts, what to keep and what to change (each with people's own words),
// by neighbourhood and by theme. Keep and change differ by heading, mark and border, not by colour alone.
import type { SummaryKindText, SummaryRowText, SummaryText } from './summaryText.ts';

function Rows({ rows, max }: { rows: SummaryRowText[]; max: number }) {
  return (
    <ul className="summary-rows">
      {rows.map((row) => (
        <li key={row.id} className="summary-row">
          {row.colour ? <span className="summary-swatch" style={{ background: row.colour }} aria-hidden="true" /> : null}
          <span className="summary-row-label">{row.label}</span>
          <span className="summary-bar" aria-hidden="true" style={{ width: `${Math.max(4, (row.total / Math.max(1, max)) * 100)}px` }} />
          <span className="summary-row-counts">{row.counts}</span>
        </li>
      ))}
    </ul>
  );
}

function KindBlock({ kind, text, Sub }: { kind: 'keep' | 'change'; text: SummaryKindText; Sub: 'h3' | 'h4' }) {
  return (
    <section className={`summary-kind summary-kind--${kind}`}>
      <Sub className="summary-kind-heading">
        <span className="summary-kind-mark" aria-hidden="true">{kind === 'keep' ? '♥' : '!'}</span>
        {text.heading}
      </Sub>
      {text.none ? <p className="summary-kind-none">{text.none}</p> : null}
      <ol className="summary-kind-items">{text.items.map((line, i) => <li key={i}>{line}</li>)}</ol>
      {text.quotes.length > 0 ? (
        <ul className="summary-quotes">
          {text.quotes.map((q) => (
            <li key={q.id}>
              <blockquote className="summary-quote">“{q.note}”</blockquote>
              <span className="summary-quote-where">{q.where}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function SummaryColumn({ text, headingLevel }: { text: SummaryText; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const max = Math.max(1, ...text.byTheme.map((r) => r.total), ...text.byArea.map((r) => r.total));
  return (
    <div className="summary-column-inner">
      <Heading className="summary-heading">{text.heading}</Heading>
      <p className="summary-subheading">{text.subheading}</p>
      <p className="summary-totals">{text.totals}</p>
      {text.empty ? <p>{text.empty}</p> : null}
      <div className="summary-kinds">
        <KindBlock kind="keep" text={text.keep} Sub={Sub} />
        <KindBlock kind="change" text={text.change} Sub={Sub} />
      </div>
      <div className="summary-grid">
        <section>
          <Sub>{text.byAreaHeading}</Sub>
          <Rows rows={text.byArea} max={max} />
          {text.moreAreas ? <p className="summary-more">{text.moreAreas}</p> : null}
        </section>
        <section>
          <Sub>{text.byThemeHeading}</Sub>
          <Rows rows={text.byTheme} max={max} />
        </section>
      </div>
    </div>
  );
}
