// one side's tray in the budget game: turned to face that side, its pot (what is left of its budget), its token to
// drag, and the last thing that happened to its tokens (an over-spend refused, a token placed).
import { useTranslation } from 'react-i18next';
import type { TableSide } from '../../../core/pointerTracker.ts';
import type { TokenSource } from './useTokenDrag.ts';

export interface TrayNote {
  text: string;
  refused: boolean;
}

interface GameTrayProps {
  side: TableSide;
  left: string;
  amount: string;
  note: TrayNote | undefined;
  bind(source: TokenSource): Record<string, unknown>;
}

export function GameTray({ side, left, amount, note, bind }: GameTrayProps) {
  const { t } = useTranslation();
  const name = t(`budgetGame.sides.${side}`);
  return (
    <section className={`game-tray game-tray--${side}`} aria-label={t('budgetGame.tray', { side: name })} data-testid={`game-tray-${side}`}>
      <p className="game-pot" data-testid={`game-pot-${side}`}>{t('budgetGame.pot', { left, amount })}</p>
      <button type="button" className={`game-token game-token--${side}`} aria-label={`${t('budgetGame.token')}: ${name}`} aria-description={t('budgetGame.tokenHint')} data-testid={`game-token-${side}`} {...bind({ side, from: null })}>
        <span aria-hidden="true">£</span>
      </button>
      <p className="game-hint" aria-hidden="true">{t('budgetGame.tokenHint')}</p>
      <p role="status" className={note?.refused ? 'game-note game-note--refused' : 'game-note'} data-testid={`game-note-${side}`}>
        {note?.text ?? ''}
      </p>
    </section>
  );
}
