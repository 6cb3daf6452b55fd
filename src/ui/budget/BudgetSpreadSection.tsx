// "where the money goes" on the results page: money per area and per resident, and the voters with a funded project, both rules.
import './budgetEnglish.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedAreaSpread, PublishedSpread, ResultsSpread } from '../../core/budget/protectSpread.ts';
import { isSuppressed } from '../../core/smallCounts.ts';
import type { SuppressedCount } from '../../core/smallCounts.ts';
import type { BudgetRule } from '../../core/budget/budgetWire.ts';
import type { BudgetApi } from '../../persistence/budget/budgetApi.ts';
import { fetchResultsSpread } from '../../persistence/budget/budgetSpreadApi.ts';
import { getDeviceToken } from '../../persistence/deviceToken.ts';
import './budgetGameEnglish.ts';
import { BudgetSpreadMapPart } from './BudgetSpreadMapPart.tsx';
import type { SpreadMapSlot } from './BudgetSpreadMapPart.tsx';
import { formatMoney } from './money.ts';
import './budgetSpread.css';

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; spread: ResultsSpread };
const RULES = [['greedy', 'greedy'], ['equalShares', 'equalShares']] as const;
// a share is a number, null (no voters) or withheld; isSuppressed alone would take null for withheld
const withheld = (share: PublishedSpread['share']): share is SuppressedCount => share !== null && isSuppressed(share);

function useSpread(slug: string): Load {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(
    function fetchSpread() {
      let live = true;
      fetchResultsSpread(slug, getDeviceToken()).then(
        (spread) => live && setLoad({ kind: 'ready', spread }),
        () => live && setLoad({ kind: 'failed' }),
      );
      return function stopFetching() {
        live = false;
      };
    },
    [slug],
  );
  return load;
}

interface SpreadProps {
  slug: string;
  currency: string;
  /** with a map slot, the areas are also drawn on a map (the table stays, with every figure) */
  map?: { api: BudgetApi; officialRule: BudgetRule; spreadMap: SpreadMapSlot };
}

/** the areas' figures side by side for both rules; a withheld figure is one short word, explained once above */
export function BudgetSpreadSection({ slug, currency, map }: SpreadProps) {
  const { t, i18n } = useTranslation();
  const load = useSpread(slug);
  if (load.kind === 'loading') return <p role="status">{t('budgetSpread.loading')}</p>;
  if (load.kind === 'failed') return <p>{t('budgetSpread.failed')}</p>;
  const { spread } = load;
  const money = (n: number) => formatMoney(Math.round(n), currency, i18n.language);
  const perResident = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(n));
  const percent = (share: PublishedSpread['share']) => (share === null ? '–' : withheld(share) ? t('budgetSpread.hidden') : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share));
  const withPopulation = spread.populationProperty !== null;
  const voterAreas = spread.greedy.areas.some((a) => a.voters !== 0);
  const anyHidden = RULES.some(([rule]) => withheld(spread[rule].share) || spread[rule].areas.some((a) => withheld(a.share)));
  const cells = (area: PublishedAreaSpread) => [money(area.funded), ...(withPopulation ? [perResident(area.perResident)] : []), ...(voterAreas ? [percent(area.share)] : [])];
  const perRule = 1 + (withPopulation ? 1 : 0) + (voterAreas ? 1 : 0);
  return (
    <section aria-labelledby="budget-spread" className="budget-spread" data-testid="budget-spread">
      <h2 id="budget-spread">{t('budgetSpread.title')}</h2>
      <ul>
        {RULES.map(([rule]) => (
          <li key={rule} data-testid={`spread-share-${rule}`}>
            {t('budgetSpread.overallShare', { rule: t(`budget.results.${rule}`), share: percent(spread[rule].share) })}
          </li>
        ))}
      </ul>
      {anyHidden && <p className="budget-spread-note">{t('budgetSpread.hiddenWhy', { k: spread.minCount ?? 0 })}</p>}
      {!withPopulation && <p className="budget-spread-note">{t('budgetSpread.noPopulation')}</p>}
      {!voterAreas && <p className="budget-spread-note">{t('budgetSpread.noVoterAreas')}</p>}
      {map ? <BudgetSpreadMapPart spread={spread} currency={currency} officialRule={map.officialRule} api={map.api} spreadMap={map.spreadMap} /> : null}
      <table>
        <thead>
          <tr>
            <td />
            {RULES.map(([rule]) => <th key={rule} scope="colgroup" colSpan={perRule}>{t(`budget.results.${rule}`)}</th>)}
          </tr>
          <tr>
            <th scope="col">{t('budgetSpread.area')}</th>
            {RULES.map(([rule]) => [
              <th key={`${rule}-m`} scope="col">{t('budgetSpread.funded')}</th>,
              withPopulation && <th key={`${rule}-p`} scope="col">{t('budgetSpread.perResident')}</th>,
              voterAreas && <th key={`${rule}-s`} scope="col">{t('budgetSpread.share')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {spread.greedy.areas.map((area, i) => (
            <tr key={area.id}>
              <th scope="row">{area.name}</th>
              {RULES.map(([rule]) => cells(spread[rule].areas[i]!).map((text, j) => <td key={`${rule}-${j}`}>{text}</td>))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('budgetSpread.unplaced')}</th>
            {RULES.map(([rule]) => [money(spread[rule].unplaced.funded), ...Array.from({ length: perRule - 1 }, () => '–')].map((text, j) => <td key={`${rule}-${j}`}>{text}</td>))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
