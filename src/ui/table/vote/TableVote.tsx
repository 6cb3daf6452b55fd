// one voter at a time at the table: their voter code on the on-screen keyboard, the ballot, a thank-you, and a reset
// that leaves nothing of them on the screen. The ballot's state and sending are the phone ballot's own (useBallot).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotOutbox } from '../../../persistence/budget/ballotOutbox.ts';
import { createBudgetApi } from '../../../persistence/budget/budgetApi.ts';
import { getDeviceToken } from '../../../persistence/deviceToken.ts';
import { ballotRefusalText } from '../../budget/ballotRefusal.ts';
import { formatMoney } from '../../budget/money.ts';
import { useBallot } from '../../budget/useBallot.ts';
import type { SendStatus } from '../../budget/useBallot.ts';
import { useTableStore } from '../useTableStore.ts';
import { TableBallot } from './TableBallot.tsx';
import { VoterCodeStep } from './VoterCodeStep.tsx';

// a code's ballot goes straight to the server (useBallot's code mode): the table's own device ballot is never touched
const NO_OUTBOX: BallotOutbox = { put: async () => undefined, pending: async () => null, flush: async () => null };
/** refusals about the code itself send the voter back to the code, keeping their choice */
const CODE_PROBLEMS = new Set(['unknown-voter-code', 'voter-code-used']);
const THANKS_MS = 8000;

export function TableVote({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => createBudgetApi(slug, getDeviceToken()), [slug]);
  const { load, chosen, toggle, submitWithCode, nextVoter, status } = useBallot(slug, api, NO_OUTBOX, true);
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'code' | 'ballot'>('code');
  // a refusal the voter has already read (and answered by changing the code) is not shown again
  const [dismissed, setDismissed] = useState<SendStatus | null>(null);
  const attract = useTableStore((s) => s.attract);

  const reset = useCallback(() => {
    nextVoter();
    setCode('');
    setDismissed(null);
    setStep('code');
  }, [nextVoter]);

  const refused = status.kind === 'refused' && status !== dismissed ? status : null;
  const codeRefused = refused !== null && CODE_PROBLEMS.has(refused.code);
  const view = status.kind === 'sent' ? 'thanks' : step === 'code' || codeRefused ? 'code' : 'ballot';

  useEffect(
    function forgetAnIdleVoter() {
      // someone walked away: the attract screen comes, and whoever comes next finds no code and no choice
      if (attract) reset();
    },
    [attract, reset],
  );
  useEffect(
    function resetAfterThanks() {
      if (view !== 'thanks') return;
      const timer = window.setTimeout(reset, THANKS_MS);
      return function keepThanks() {
        window.clearTimeout(timer);
      };
    },
    [view, reset],
  );

  if (load.kind !== 'ready') {
    const text = load.kind === 'loading' ? t('tableVote.loading') : load.status === 404 ? t('tableVote.noBudget') : t('tableVote.loadFailed', { message: load.message });
    return (
      <section className="table-vote table-vote--message" aria-label={t('tableVote.title')} data-table-side="bottom">
        <p role={load.kind === 'failed' ? 'alert' : 'status'}>{text}</p>
      </section>
    );
  }
  const { view: budget } = load;
  const money = (n: number) => formatMoney(n, budget.currency, i18n.language);
  const refusal = refused ? t('tableVote.refused', { message: ballotRefusalText(t, refused, money) }) : null;

  return (
    <section className="table-vote" aria-label={t('tableVote.title')} data-table-side="bottom" data-drop-obstacle="table-vote" data-testid="table-vote">
      {view === 'thanks' ? (
        <div className="table-vote-thanks">
          <div role="status">
            <h2>{t('tableVote.thanks')}</h2>
            <p>{t('tableVote.thanksNext')}</p>
          </div>
          <button type="button" className="table-button table-button--primary" onClick={reset}>
            {t('tableVote.nextVoter')}
          </button>
        </div>
      ) : view === 'code' ? (
        <VoterCodeStep
          code={code}
          onCode={setCode}
          open={budget.votingOpen}
          refusal={codeRefused ? refusal : null}
          onContinue={() => {
            setDismissed(status.kind === 'refused' ? status : null);
            setStep('ballot');
          }}
        />
      ) : (
        <TableBallot
          view={budget}
          themes={load.themes}
          chosen={chosen}
          onToggle={toggle}
          sending={status.kind === 'sending'}
          refusal={refusal}
          onSend={() => void submitWithCode(code.trim())}
          onStartAgain={reset}
        />
      )}
    </section>
  );
}
