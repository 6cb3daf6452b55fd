// one project on the ballot: a checkbox with its title and cost, its description, theme and places; greyed when it no longer fits.
import './budgetEnglish.ts';
import { useTranslation } from 'react-i18next';
import type { BudgetProjectRecord } from '../../core/budget/budgetWire.ts';
import { formatMoney } from './money.ts';

interface BallotProjectProps {
  project: BudgetProjectRecord;
  currency: string;
  checked: boolean;
  /** false when choosing it would spend more than there is */
  fits: boolean;
  disabled: boolean;
  themeLabel: string | null;
  places: string[];
  onToggle(id: string): void;
}

export function BallotProject({ project, currency, checked, fits, disabled, themeLabel, places, onToggle }: BallotProjectProps) {
  const { t, i18n } = useTranslation();
  const id = `project-${project.id}`;
  const blocked = !checked && !fits;
  return (
    <li className={`ballot-project${checked ? ' ballot-project--chosen' : ''}`}>
      <input type="checkbox" id={id} checked={checked} disabled={disabled || blocked} onChange={() => onToggle(project.id)} aria-describedby={`${id}-details`} />
      <div>
        <label htmlFor={id} className="ballot-project-title" dir="auto">
          {project.title}
        </label>
        <div id={`${id}-details`}>
          <p className="ballot-project-cost">{t('budget.cost', { cost: formatMoney(project.cost, currency, i18n.language) })}</p>
          {blocked && <p className="ballot-project-blocked">{t('budget.doesNotFit')}</p>}
          {/* the planners' own words, in whatever language they wrote them */}
          {project.description && <p dir="auto">{project.description}</p>}
          <p className="ballot-project-meta">
            {themeLabel && <span>{themeLabel}</span>}
            {places.length > 0 && <span>{t('budget.where', { places: places.join(', ') })}</span>}
          </p>
        </div>
      </div>
    </li>
  );
}
