// the ballot at the table, large and facing the bottom side: project cards with their cost, the spend bar with what is
// left, the ballot's rules, and sending. A card that would overspend (or pass the most projects) cannot be chosen.
import { useTranslation } from 'react-i18next';
import type { BudgetView } from '../../../core/budget/budgetWire.ts';
import type { Theme } from '../../../core/types.ts';
import { formatMoney } from '../../budget/money.ts';
import { SpendBar } from '../../budget/SpendBar.tsx';
import { VoteCard } from './VoteCard.tsx';

interface TableBallotProps {
  view: BudgetView;
  themes: readonly Theme[];
  chosen: readonly string[];
  onToggle(id: string): void;
  sending: boolean;
  /** why the server refused the ballot, in the reader's language */
  refusal: string | null;
  onSend(): void;
  onStartAgain(): void;
}

export function TableBallot({ view, themes, chosen, onToggle, sending, refusal, onSend, onStartAgain }: TableBallotProps) {
  const { t, i18n } = useTranslation();
  const money = (n: number) => formatMoney(n, view.currency, i18n.language);
  const cost = new Map(view.projects.map((p) => [p.id, p.cost]));
  const spent = chosen.reduce((sum, id) => sum + (cost.get(id) ?? 0), 0);
  const full = view.maxProjects !== null && chosen.length >= view.maxProjects;
  const themeLabel = new Map(themes.map((th) => [th.id, th.labels?.[i18n.language] ?? th.label]));
  const { minProjects: min, maxProjects: max } = view;
  const limits = min !== null && max !== null ? t('budget.minMax', { min, max }) : min !== null ? t('budget.minOnly', { min }) : max !== null ? t('budget.maxOnly', { max }) : null;
  return (
    <form
      className="table-ballot"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <header className="table-ballot-head">
        <div>
          <h2 id="table-ballot-heading">{t('tableVote.ballotTitle')}</h2>
          <p>
            {t('tableVote.amount', { amount: money(view.budget) })}
            {limits ? ` ${limits}` : ''}
          </p>
        </div>
        <SpendBar spent={spent} amount={view.budget} currency={view.currency} chosen={chosen.length} />
      </header>
      <ul className="table-ballot-cards" aria-labelledby="table-ballot-heading">
        {view.projects.map((p) => (
          <VoteCard
            key={p.id}
            project={p}
            cost={money(p.cost)}
            themeLabel={p.theme ? (themeLabel.get(p.theme) ?? p.theme) : null}
            checked={chosen.includes(p.id)}
            fits={spent + p.cost <= view.budget}
            disabled={!view.votingOpen || sending || (full && !chosen.includes(p.id))}
            onToggle={onToggle}
          />
        ))}
      </ul>
      <footer className="table-ballot-foot">
        <p role="status" className="table-vote-refusal" data-testid="table-vote-refusal">
          {sending ? t('budget.sending') : (refusal ?? '')}
        </p>
        <button type="button" className="table-button" onClick={onStartAgain}>
          {t('tableVote.startAgain')}
        </button>
        <button type="submit" className="table-button table-button--primary table-vote-go" disabled={!view.votingOpen || sending}>
          {t('tableVote.send')}
        </button>
      </footer>
    </form>
  );
}
