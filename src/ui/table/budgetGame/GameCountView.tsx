// "count": what the room funded under greedy and Equal Shares, shown to both long sides, and saved once for the planners.
import '../../budget/budgetEnglish.ts';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countGame } from '../../../core/budget/budgetGame.ts';
import type { BudgetGameState } from '../../../core/budget/budgetGame.ts';
import { TABLE_SIDES } from '../../../core/pointerTracker.ts';
import { recordGame, rememberGame } from '../../../persistence/budget/budgetGameApi.ts';
import { getDeviceToken } from '../../../persistence/deviceToken.ts';
import { TableStoreContext } from '../TableStoreContext.tsx';

type Save = { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string } | { kind: 'nothing' };

interface GameCountViewProps {
  slug: string;
  sessionId: string;
  game: BudgetGameState;
  money(n: number): string;
  /** this very allocation was saved by an earlier count */
  alreadySaved: boolean;
  onSaved(): void;
  onBack(): void;
  onClose(): void;
}

export function GameCountView({ slug, sessionId, game, money, alreadySaved, onSaved, onBack, onClose }: GameCountViewProps) {
  const { t } = useTranslation();
  const count = useMemo(() => countGame(game), [game]);
  const [save, setSave] = useState<Save>(count.ballots === 0 ? { kind: 'nothing' } : alreadySaved ? { kind: 'saved' } : { kind: 'saving' });
  const sent = useRef(false);
  // the session's name goes with the game, so planners read it beside the vote instead of the session's id
  // (read once: the name does not change while the count is shown; a game outside a table store sends none)
  const sessionName = useContext(TableStoreContext)?.getState().sessions.find((x) => x.id === sessionId)?.name ?? null;
  const titles = (ids: readonly string[]) => ids.map((id) => game.projects.find((p) => p.id === id)?.title ?? id);

  useEffect(
    function saveOnce() {
      if (count.ballots === 0 || alreadySaved || sent.current) return;
      sent.current = true;
      const sides = Object.fromEntries(TABLE_SIDES.map((side) => [side, game.sides[side]]));
      recordGame(slug, getDeviceToken(), { sessionId, sessionName, sides }).then(
        () => {
          rememberGame(sessionId, { greedy: titles(count.greedy.selected), equalShares: titles(count.equalShares.selected) });
          setSave({ kind: 'saved' });
          onSaved();
        },
        (error: unknown) => setSave({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one save per count view
    [],
  );

  const line = (rule: 'greedy' | 'equalShares') => {
    const outcome = count[rule];
    const names = titles(outcome.selected);
    return t('budgetGame.funded', { spent: money(outcome.spent), amount: money(game.budget), projects: names.length ? names.join(', ') : t('budgetGame.fundedNone') });
  };
  const status = save.kind === 'saving' ? t('budgetGame.saving') : save.kind === 'saved' ? t('budgetGame.saved') : save.kind === 'failed' ? t('budgetGame.saveFailed', { message: save.message }) : t('budgetGame.nothingToCount');
  const copy = (faces: 'top' | 'bottom') => (
    <section className={`game-count game-count--faces-${faces}`} aria-hidden={faces === 'top' ? true : undefined} data-testid={`game-count-${faces}`}>
      <h2>{t('budgetGame.counted')}</h2>
      <p>{t('budgetGame.sidesVoted', { count: count.ballots })}</p>
      <h3>{t('budget.results.greedy')}</h3>
      <p data-testid={faces === 'bottom' ? 'game-greedy' : undefined}>{line('greedy')}</p>
      <h3>{t('budget.results.equalShares')}</h3>
      <p data-testid={faces === 'bottom' ? 'game-equal-shares' : undefined}>{line('equalShares')}</p>
      {faces === 'bottom' ? (
        <>
          <p role={save.kind === 'failed' ? 'alert' : 'status'} data-testid="game-save">{status}</p>
          <div className="game-actions">
            <button type="button" className="table-button" onClick={onBack}>{t('budgetGame.back')}</button>
            <button type="button" className="table-button table-button--primary" onClick={onClose}>{t('budgetGame.close')}</button>
          </div>
        </>
      ) : <p>{status}</p>}
    </section>
  );
  return (
    <div className="game-count-backdrop">
      {copy('top')}
      {copy('bottom')}
    </div>
  );
}
