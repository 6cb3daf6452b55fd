// one reading of the summary: headline, counts, by theme, by neighbourhood, top priorities and assets.
import type { SummaryRowText, SummaryText } from './summaryText.ts';

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
      <div className="summary-grid">
        <section>
          <Sub>{text.byThemeHeading}</Sub>
          <Rows rows={text.byTheme} max={max} />
        </section>
        <section>
          <Sub>{text.byAreaHeading}</Sub>
          <Rows rows={text.byArea} max={max} />
          {text.moreAreas ? <p className="summary-more">{text.moreAreas}</p> : null}
        </section>
        <section>
          <Sub>{text.topPrioritiesHeading}</Sub>
          <ol className="summary-top">{text.topPriorities.map((line, i) => <li key={i}>{line}</li>)}</ol>
        </section>
        <section>
          <Sub>{text.topAssetsHeading}</Sub>
          <ol className="summary-top">{text.topAssets.map((line, i) => <li key={i}>{line}</li>)}</ol>
        </section>
      </div>
    </div>
  );
}
