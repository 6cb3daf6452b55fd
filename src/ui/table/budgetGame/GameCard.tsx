// one project card in the budget game: title and cost facing the nearer long side, a slot per side of the table for its
// token (a placed token drags off to go back, or onto another card to move), and the money the table put on it.
import { useTranslation } from 'react-i18next';
import { TABLE_SIDES } from '../../../core/pointerTracker.ts';
import type { TableSide } from '../../../core/pointerTracker.ts';
import type { GameProject } from '../../../core/budget/budgetGame.ts';
import type { TokenSource } from './useTokenDrag.ts';

interface GameCardProps {
  project: GameProject;
  cost: string;
  total: string;
  /** the sides with a token here */
  placed: readonly TableSide[];
  faces: 'top' | 'bottom';
  bind(source: TokenSource): Record<string, unknown>;
  /** a keyboard (or assistive technology) press on a side's slot: place or take back that side's token */
  onKeyboard(side: TableSide, project: string): void;
}

export function GameCard({ project, cost, total, placed, faces, bind, onKeyboard }: GameCardProps) {
  const { t } = useTranslation();
  return (
    <li className={`game-card game-card--faces-${faces}`} data-game-card={project.id} data-testid={`game-card-${project.id}`}>
      <h3 className="game-card-title">{project.title}</h3>
      <p className="game-card-cost">{cost}</p>
      <div className="game-slots">
        {TABLE_SIDES.map((side) => {
          const here = placed.includes(side);
          const label = `${t(`budgetGame.sides.${side}`)}: ${project.title}`;
          return here ? (
            <button key={side} type="button" className={`game-token game-token--small game-token--${side}`} aria-label={label} aria-pressed="true" data-testid={`game-slot-${project.id}-${side}`}
              {...bind({ side, from: project.id })} onClick={(event) => event.detail === 0 && onKeyboard(side, project.id)}>
              <span aria-hidden="true">£</span>
            </button>
          ) : (
            <button key={side} type="button" className={`game-slot game-slot--${side}`} aria-label={label} aria-pressed="false" data-testid={`game-slot-${project.id}-${side}`}
              onClick={(event) => event.detail === 0 && onKeyboard(side, project.id)} />
          );
        })}
      </div>
      <p className="game-card-total" data-testid={`game-total-${project.id}`}>{t('budgetGame.cardTotal', { amount: total })}</p>
    </li>
  );
}
