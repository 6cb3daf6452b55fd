// the touch-table budget game over the whole table: project cards in the middle, a tray of tokens on each side, and
// "count" for what the room funded under both rules, saved for the planners as a workshop allocation.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveToken, newBudgetGame, placeToken, sideSpent, takeBackToken } from '../../../core/budget/budgetGame.ts';
import type { BudgetGameState, PlaceOutcome } from '../../../core/budget/budgetGame.ts';
import { TABLE_SIDES } from '../../../core/pointerTracker.ts';
import type { TableSide } from '../../../core/pointerTracker.ts';
import { createBudgetApi } from '../../../persistence/budget/budgetApi.ts';
import { getDeviceToken } from '../../../persistence/deviceToken.ts';
import { useBudgetGameFlag } from '../../../store/budgetGameStore.ts';
import { formatMoney } from '../../budget/money.ts';
import { GameCard } from './GameCard.tsx';
import { GameCountView } from './GameCountView.tsx';
import { GameTray } from './GameTray.tsx';
import type { TrayNote } from './GameTray.tsx';
import { useTokenDrag } from './useTokenDrag.ts';
import type { TokenSource } from './useTokenDrag.ts';
import './budgetGame.css';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'no-budget' } | { kind: 'ready'; currency: string };

export function BudgetGame({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t, i18n } = useTranslation();
  const closed = useBudgetGameFlag((s) => s.gameClosed);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [game, setGame] = useState<BudgetGameState | null>(null);
  // the newest state, for several hands whose drops arrive one after another before react re-renders
  const latest = useRef<BudgetGameState | null>(null);
  const [notes, setNotes] = useState<Partial<Record<TableSide, TrayNote>>>({});
  const [counting, setCounting] = useState(false);
  // the sides as last saved: counting again without a change shows the count but records no second allocation
  const [savedSides, setSavedSides] = useState<string | null>(null);

  useEffect(
    function loadBudget() {
      let live = true;
      createBudgetApi(slug, getDeviceToken()).getBudget().then(
        (view) => {
          if (!live) return;
          const state = newBudgetGame(view.budget, view.projects.map((p) => ({ id: p.id, title: p.title, cost: p.cost })));
          latest.current = state;
          setGame(state);
          setLoad({ kind: 'ready', currency: view.currency });
        },
        (error: unknown) => {
          if (!live) return;
          const e = error as { status?: number; message?: string };
          setLoad(e.status === 404 ? { kind: 'no-budget' } : { kind: 'failed', message: e.message ?? String(error) });
        },
      );
      return function stopLoading() {
        live = false;
      };
    },
    [slug],
  );

  const currency = load.kind === 'ready' ? load.currency : 'GBP';
  const money = useCallback((n: number) => formatMoney(n, currency, i18n.language), [currency, i18n.language]);
  const titleOf = (state: BudgetGameState, id: string) => state.projects.find((p) => p.id === id)?.title ?? id;

  const apply = useCallback(
    (side: TableSide, project: string, outcome: PlaceOutcome | BudgetGameState, done: 'placed' | 'returned') => {
      const state = latest.current!;
      if ('ok' in outcome && !outcome.ok) {
        const text = outcome.reason === 'over-budget' ? t('budgetGame.overBudget', { cost: money(outcome.cost), left: money(outcome.left) }) : t('budgetGame.alreadyPlaced');
        setNotes((n) => ({ ...n, [side]: { text, refused: true } }));
        return;
      }
      const next = 'ok' in outcome ? outcome.state : outcome;
      latest.current = next;
      setGame(next);
      setNotes((n) => ({ ...n, [side]: { text: t(`budgetGame.${done}`, { title: titleOf(state, project) }), refused: false } }));
    },
    [money, t],
  );

  const onDrop = useCallback(
    ({ side, from }: TokenSource, card: string | null) => {
      const state = latest.current;
      if (!state) return;
      if (from === null && card !== null) apply(side, card, placeToken(state, side, card), 'placed');
      else if (from !== null && card === null) apply(side, from, takeBackToken(state, side, from), 'returned');
      else if (from !== null && card !== null && card !== from) apply(side, card, moveToken(state, side, from, card), 'placed');
    },
    [apply],
  );
  const onKeyboard = useCallback(
    (side: TableSide, project: string) => {
      const state = latest.current;
      if (!state) return;
      if (state.sides[side].includes(project)) apply(side, project, takeBackToken(state, side, project), 'returned');
      else apply(side, project, placeToken(state, side, project), 'placed');
    },
    [apply],
  );
  const { bind, ghosts, ghostRef } = useTokenDrag({ onDrop });

  if (load.kind !== 'ready' || !game) {
    const text = load.kind === 'loading' ? t('budgetGame.loading') : load.kind === 'no-budget' ? t('budgetGame.noBudget') : t('budgetGame.loadFailed', { message: load.kind === 'failed' ? load.message : '' });
    return (
      <div className="budget-game budget-game--message" role="dialog" aria-modal="true" aria-label={t('budgetGame.title')} data-drop-obstacle="budget-game">
        <p role={load.kind === 'failed' ? 'alert' : 'status'}>{text}</p>
        <button type="button" className="table-button" onClick={closed}>{t('budgetGame.close')}</button>
      </div>
    );
  }
  const half = Math.ceil(game.projects.length / 2);
  const rows = [game.projects.slice(0, half), game.projects.slice(half)] as const;
  const onCard = (id: string) => TABLE_SIDES.filter((side) => game.sides[side].includes(id));
  return (
    <div className="budget-game" role="dialog" aria-modal="true" aria-label={t('budgetGame.title')} data-drop-obstacle="budget-game" data-testid="budget-game">
      {TABLE_SIDES.map((side) => (
        <GameTray key={side} side={side} left={money(game.budget - sideSpent(game, side))} amount={money(game.budget)} note={notes[side]} bind={bind} />
      ))}
      <div className="game-middle">
        {rows.map((row, r) => (
          <ul key={r} className={`game-cards game-cards--${r === 0 ? 'top' : 'bottom'}`}>
            {row.map((project) => (
              <GameCard key={project.id} project={project} cost={money(project.cost)} total={money(project.cost * onCard(project.id).length)} placed={onCard(project.id)} faces={r === 0 ? 'top' : 'bottom'} bind={bind} onKeyboard={onKeyboard} />
            ))}
          </ul>
        ))}
        <div className="game-actions">
          <button type="button" className="table-button table-button--primary" onClick={() => setCounting(true)} data-testid="game-count">{t('budgetGame.count')}</button>
          <button type="button" className="table-button" onClick={closed}>{t('budgetGame.close')}</button>
        </div>
      </div>
      <div className="drag-ghosts" aria-hidden="true">
        {ghosts.map((g) => (
          <span key={g.pointerId} ref={ghostRef(g.pointerId)} className={`game-token game-token--ghost game-token--${g.source.side}`}>£</span>
        ))}
      </div>
      {counting ? <GameCountView slug={slug} sessionId={sessionId} game={game} money={money} alreadySaved={savedSides === JSON.stringify(game.sides)} onSaved={() => setSavedSides(JSON.stringify(game.sides))} onBack={() => setCounting(false)} onClose={closed} /> : null}
    </div>
  );
}
