// "what we heard": a full-screen summary of one session, readable from every side (columns for the long sides, a
// headline along each short end), saved as png or printed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionPins, summariseSession } from '../../core/sessionSummary.ts';
import type { TableSession } from '../../core/tableSession.ts';
import type { Theme } from '../../core/types.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useAreaNames, useThemeLabels } from '../useThemeLabels.ts';
import { canvasToPng, drawSummaryCanvas } from './drawSummaryCanvas.ts';
import { BudgetGameHeard } from './budgetGame/BudgetGameHeard.tsx';
import { SummaryColumn } from './SummaryColumn.tsx';
import { SummaryMap } from './SummaryMap.tsx';
import { summaryText } from './summaryText.ts';
import { useTableStore } from './useTableStore.ts';

function fileName(session: TableSession): string {
  const safe = session.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'session';
  return `coplan-what-we-heard-${session.date}-${safe}.png`;
}

export function WhatWeHeard({ session }: { session: TableSession }) {
  const { t, i18n } = useTranslation();
  // the layout stays left to right so each copy sits at the side it faces; the words inside keep the page's direction
  const dir = i18n.dir();
  const pins = useAppStore((s) => s.pins);
  const areas = useAppStore((s) => s.areas);
  const closed = useTableStore((s) => s.summaryClosed);
  const { byId } = useThemeLabels();
  const areaNames = useAreaNames();
  const [pngError, setPngError] = useState<string | null>(null);

  const { text, mine, themes } = useMemo(() => {
    const hidden = new Set(session.hiddenPinIds);
    const summary = summariseSession(pins, session.id, { hiddenIds: hidden });
    const names = {
      theme: (id: string) => byId.get(id)?.label ?? id,
      colour: (id: string) => byId.get(id)?.theme.colour,
      area: (id: string) => areaNames.get(id) ?? id,
    };
    const themes = new Map<string, Theme>([...byId.values()].map((v) => [v.theme.id, v.theme]));
    return { text: summaryText(t, summary, session, names), mine: sessionPins(pins, session.id, hidden), themes };
  }, [pins, session, byId, areaNames, t]);

  async function savePng() {
    try {
      const canvas = document.createElement('canvas');
      drawSummaryCanvas(canvas, { text, areas, pins: mine, themes });
      const blob = await canvasToPng(canvas);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName(session);
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setPngError(null);
    } catch (error) {
      setPngError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="summary" dir="ltr" role="dialog" aria-modal="true" aria-label={t('table.summary.label', { name: session.name })} data-drop-obstacle="summary">
      {/* the short ends get the headline along their edge, turned to face them; the long sides read the columns */}
      <div className="summary-end summary-end--left" dir={dir} aria-hidden="true">
        {text.endLines.map((line, i) => <p key={i}>{line}</p>)}
      </div>
      <div className="summary-end summary-end--right" dir={dir} aria-hidden="true">
        {text.endLines.map((line, i) => <p key={i}>{line}</p>)}
      </div>
      <div className="summary-column summary-column--top" dir={dir} aria-hidden="true">
        <SummaryColumn text={text} headingLevel={3} />
      </div>
      <div className="summary-centre" dir={dir}>
        <SummaryMap areas={areas} pins={mine} themes={themes} label={t('table.summary.mapLabel', { count: mine.length })} />
        <BudgetGameHeard sessionId={session.id} />
        <div className="summary-actions">
          <button type="button" className="table-button" onClick={() => void savePng()}>
            {t('table.summary.png')}
          </button>
          <button type="button" className="table-button" onClick={() => window.print()}>
            {t('table.summary.print')}
          </button>
          <button type="button" className="table-button table-button--primary" onClick={closed}>
            {t('table.summary.close')}
          </button>
        </div>
        {pngError ? <p role="alert">{t('table.summary.pngFailed', { message: pngError })}</p> : null}
      </div>
      <div className="summary-column summary-column--bottom" dir={dir}>
        <SummaryColumn text={text} headingLevel={2} />
      </div>
    </div>
  );
}
