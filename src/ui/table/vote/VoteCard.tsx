// one project on the table's ballot: the whole card is the checkbox's label, so a finger anywhere on it chooses it.
import { useTranslation } from 'react-i18next';
import type { BudgetProjectRecord } from '../../../core/budget/budgetWire.ts';

interface VoteCardProps {
  project: BudgetProjectRecord;
  cost: string;
  themeLabel: string | null;
  checked: boolean;
  /** false when choosing it would spend more than there is */
  fits: boolean;
  disabled: boolean;
  onToggle(id: string): void;
}

export function VoteCard({ project, cost, themeLabel, checked, fits, disabled, onToggle }: VoteCardProps) {
  const { t } = useTranslation();
  const id = `table-vote-${project.id}`;
  const blocked = !checked && !fits;
  const off = disabled || blocked;
  return (
    <li>
      <label className={`vote-card${checked ? ' vote-card--chosen' : ''}${off ? ' vote-card--off' : ''}`} data-testid={`vote-card-${project.id}`}>
        <input type="checkbox" id={id} checked={checked} disabled={off} onChange={() => onToggle(project.id)} aria-labelledby={`${id}-title ${id}-cost`} aria-describedby={`${id}-details`} />
        <span className="vote-card-top">
          {/* the planners' own words, in whatever language they wrote them */}
          <span id={`${id}-title`} className="vote-card-title" dir="auto">{project.title}</span>
          <span id={`${id}-cost`} className="vote-card-cost">{cost}</span>
        </span>
        <span id={`${id}-details`} className="vote-card-details">
          {blocked ? <span className="vote-card-blocked">{t('budget.doesNotFit')}</span> : null}
          {checked ? <span className="vote-card-chosen">{t('tableVote.chosen')}</span> : null}
          {themeLabel ? <span className="vote-card-theme">{themeLabel}</span> : null}
          {project.description ? <span className="vote-card-description" dir="auto">{project.description}</span> : null}
        </span>
      </label>
    </li>
  );
}
