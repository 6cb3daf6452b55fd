// the results at /c/<slug>/budget/results: both rules side by side, each project won or lost and why, counted in a web worker.
import './budgetEnglish.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetResults } from '../../core/budget/budgetResults.ts';
import { countInBrowserWorker } from '../../persistence/budget/budgetCount.ts';
import type { BudgetApi } from '../../persistence/budget/budgetApi.ts';
import { PlainHeader } from '../consultations/FrontPage.tsx';
import type { SpreadMapSlot } from './BudgetSpreadMapPart.tsx';
import { BudgetSpreadSection } from './BudgetSpreadSection.tsx';
import { formatMoney } from './money.ts';
import './budget.css';

type Load = { kind: 'loading' } | { kind: 'not-public' } | { kind: 'failed'; message: string } | { kind: 'ready'; results: BudgetResults };

function RuleSection({ results, which }: { results: BudgetResults; which: 'greedy' | 'equal-shares' }) {
  const { t, i18n } = useTranslation();
  const money = (n: number) => formatMoney(Math.round(n), results.currency, i18n.language);
  const titles = new Map(results.projects.map((p) => [p.id, p.title]));
  const key = which === 'greedy' ? 'greedy' : 'equalShares';
  const outcome = which === 'greedy' ? results.greedy : results.equalShares;
  const rows = which === 'greedy'
    ? results.greedy.projects.map((p) => ({
        id: p.id, approvals: p.approvals, funded: p.funded,
        why: p.funded ? t('budget.results.greedyWon', { rank: p.rank, total: money(p.runningTotal) }) : p.skipped?.reason === 'no-approvals' ? t('budget.results.noVotes') : t('budget.results.greedyLost', { rank: p.rank, left: money(p.skipped?.reason === 'does-not-fit' ? p.skipped.left : 0) }),
      }))
    // funded projects in the order they were bought, then the others by votes
    : [...results.equalShares.projects].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || b.approvals - a.approvals).map((p) => ({
        id: p.id, approvals: p.approvals, funded: p.funded,
        why: p.funded ? t('budget.results.esWon', { count: p.payers ?? 0, paid: money(p.paid ?? 0), max: money(p.maxPayment ?? 0) }) : p.approvals === 0 ? t('budget.results.noVotes') : t('budget.results.esLost', { lacked: money(p.lacked ?? 0) }),
      }));
  const heading = `results-${which}`;
  return (
    <section aria-labelledby={heading} data-testid={`results-${which}`}>
      <h2 id={heading}>
        {t(`budget.results.${key}`)}
        {results.rule === which && <span className="budget-official">{t('budget.results.official')}</span>}
      </h2>
      <p>{t(`budget.results.${key}Intro`)}</p>
      <p><strong>{t('budget.results.spentOf', { spent: money(outcome.spent), amount: money(results.budget) })}</strong></p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('budget.results.project')}</th>
            <th scope="col">{t('budget.results.votes')}</th>
            <th scope="col">{t('budget.results.outcome')}</th>
            <th scope="col">{t('budget.results.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{titles.get(r.id) ?? r.id}</th>
              <td>{r.approvals}</td>
              <td className={r.funded ? 'budget-won' : 'budget-lost'}>{r.funded ? t('budget.results.won') : t('budget.results.lost')}</td>
              <td>{r.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function BudgetResultsPage({ slug, api, spreadMap }: { slug: string; api: BudgetApi; spreadMap?: SpreadMapSlot }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(
    function countResults() {
      let live = true;
      (async () => {
        const view = await api.getBudget();
        const pb = await api.exportPb();
        return countInBrowserWorker(pb, view.rule, view.currency);
      })().then(
        (results) => live && setLoad({ kind: 'ready', results }),
        (error: unknown) => {
          if (!live) return;
          const e = error as { status?: number; message?: string };
          setLoad(e.status === 403 ? { kind: 'not-public' } : { kind: 'failed', message: e.message ?? String(error) });
        },
      );
      return function stopCounting() {
        live = false;
      };
    },
    [api],
  );
  const base = `/c/${encodeURIComponent(slug)}`;
  return (
    <>
      <PlainHeader title={t('budget.results.title')} tagline={load.kind === 'ready' ? t('budget.results.voters', { count: load.results.voters }) : ''} links={[{ href: `${base}/budget`, label: t('budget.results.back') }, { href: base, label: t('budget.backToMap') }]} />
      <main className="page-main budget-page" id="main">
        {load.kind === 'loading' && <p role="status">{t('budget.results.counting')}</p>}
        {load.kind === 'not-public' && <p role="status">{t('budget.results.notPublic')}</p>}
        {load.kind === 'failed' && <p role="alert">{t('budget.results.failed', { message: load.message })}</p>}
        {load.kind === 'ready' && (
          <div className="budget-results">
            <RuleSection results={load.results} which={load.results.rule} />
            <RuleSection results={load.results} which={load.results.rule === 'greedy' ? 'equal-shares' : 'greedy'} />
          </div>
        )}
        {load.kind === 'ready' && <BudgetSpreadSection slug={slug} currency={load.results.currency} map={spreadMap ? { api, officialRule: load.results.rule, spreadMap } : undefined} />}
      </main>
    </>
  );
}
