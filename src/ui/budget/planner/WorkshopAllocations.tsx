// the planner's "Workshop allocations": what each touch-table group put its budget on in the budget game, per project
// beside that project's approvals in the vote. Shown beside the vote and never counted as ballots.
import '../budgetAllocationsEnglish.ts';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationsView } from '../../../core/budget/allocationsWire.ts';
import { fetchAllocations } from '../../../persistence/budget/allocationsApi.ts';
import type { HttpRepository } from '../../../persistence/httpRepository.ts';
import { formatMoney } from '../money.ts';

type Load = { kind: 'loading' } | { kind: 'ready'; view: AllocationsView } | { kind: 'failed'; message: string };
type Allocation = AllocationsView['allocations'][number];

interface Props {
  api: HttpRepository;
  /** changes whenever the planner's budget was read again (a saved project, new settings): the allocations follow */
  budgetRead: unknown;
}

export function WorkshopAllocations({ api, budgetRead }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const reload = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', view: await fetchAllocations(api) });
    } catch (error) {
      setLoad({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api]);

  useEffect(function readAllocations() {
    void reload();
  }, [reload, budgetRead]);

  return (
    <section className="budget-allocations" aria-labelledby={`${id}-h`} data-testid="workshop-allocations">
      <h3 id={`${id}-h`}>{t('budgetAllocations.heading')}</h3>
      <p className="planner-hint">{t('budgetAllocations.intro')}</p>
      {load.kind === 'loading' ? <p role="status">{t('budgetAllocations.loading')}</p> : null}
      {load.kind === 'failed' ? <p role="alert">{t('budgetAllocations.loadFailed', { message: load.message })}</p> : null}
      {load.kind === 'ready' ? (
        <>
          <p data-testid="workshop-allocations-vote">{t('budgetAllocations.vote', { count: load.view.vote.ballots })}</p>
          {load.view.allocations.length === 0 ? <p>{t('budgetAllocations.none')}</p> : null}
          {[...load.view.allocations].reverse().map((a) => <AllocationTable key={a.id} allocation={a} view={load.view} />)}
        </>
      ) : null}
      <button type="button" className="button" onClick={() => void reload()}>{t('budgetAllocations.reload')}</button>
    </section>
  );
}

/** one allocation: every project on the ballot (and any the table funded that has been removed since) */
function AllocationTable({ allocation, view }: { allocation: Allocation; view: AllocationsView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const money = (n: number) => formatMoney(n, view.currency, i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(allocation.createdAt));
  const amounts = new Map(allocation.projects.map((p) => [p.id, p.amount]));
  const removed = allocation.projects.filter((p) => p.title === null);
  const titles = new Map(view.vote.projects.map((p) => [p.id, p.title]));
  const funded = (ids: readonly string[]) => (ids.length ? ids.map((p) => titles.get(p) ?? p).join(', ') : t('budgetAllocations.outcomeNone'));
  const { outcome } = allocation;
  return (
    <div className="budget-allocation" data-allocation-id={allocation.id}>
      <h4 id={`${id}-h`} dir="auto">{allocation.sessionId ? t('budgetAllocations.session', { session: allocation.sessionName ?? allocation.sessionId, date }) : t('budgetAllocations.noSession', { date })}</h4>
      <div className="answer-table-wrap budget-planner-table-wrap">
        <table className="answer-table budget-allocation-table">
          <caption className="visually-hidden">{t('budgetAllocations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budgetAllocations.project')}</th>
              <th scope="col">{t('budgetAllocations.amount')}</th>
              <th scope="col">{t('budgetAllocations.approvals')}</th>
            </tr>
          </thead>
          <tbody>
            {view.vote.projects.map((p) => (
              <tr key={p.id} data-project-id={p.id}>
                <th scope="row" dir="auto">{p.title}</th>
                <td data-testid="allocation-amount">{money(amounts.get(p.id) ?? 0)}</td>
                <td data-testid="allocation-approvals">{p.approvals}</td>
              </tr>
            ))}
            {removed.map((p) => (
              <tr key={p.id} data-project-id={p.id}>
                <th scope="row" dir="auto">{t('budgetAllocations.removed', { id: p.id })}</th>
                <td data-testid="allocation-amount">{money(p.amount)}</td>
                <td data-testid="allocation-approvals">0</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('budgetAllocations.total')}</th>
              <td data-testid="allocation-total">{money(allocation.total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p dir="auto" data-testid="allocation-outcome">
        {outcome ? t('budgetAllocations.outcome', { ballots: outcome.ballots, greedy: funded(outcome.greedy.selected), equalShares: funded(outcome.equalShares.selected) }) : t('budgetAllocations.outcomeUnknown')}
      </p>
    </div>
  );
}
