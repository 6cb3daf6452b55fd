// one pin's "feature its words on the results page" switch in the planner's answer panel (a toggle button, so a screen
// reader says whether it is on); a refusal (the pin was hidden meanwhile) is said beside it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../dialogue/loopEnglish.ts';

export function QuoteToggle({ title, featured, onChange }: { title: string; featured: boolean; onChange: (featured: boolean) => Promise<string | null> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(await onChange(!featured));
    setBusy(false);
  };
  return (
    <>
      <button type="button" className="comment-link" aria-pressed={featured} disabled={busy}
        aria-label={t('loop.planner.quoteFor', { title })} onClick={() => void toggle()}>
        {/* the same word either way (it is in the accessible name); aria-pressed and the tick say whether it is on */}
        {featured ? <span aria-hidden="true">✓ </span> : null}
        {t('loop.planner.quoteOff')}
      </button>
      {error ? <span role="alert" className="field-error"> {error}</span> : null}
    </>
  );
}
