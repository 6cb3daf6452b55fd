// "On the map" in the results' "where the money goes": a rule and a measure to choose, the map (drawn by src/map,
// handed in by the route) and its key. The spread's table stays the accessible equivalent, with every figure.
import './budgetAllocationsEnglish.ts';
import { useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsSpread } from '../../core/budget/protectSpread.ts';
import { budgetMarkers } from '../../core/budget/projectPlaces.ts';
import type { BudgetProjectRecord, BudgetRule } from '../../core/budget/budgetWire.ts';
import { SPREAD_FILLS, spreadMapFigures } from '../../core/budget/spreadMap.ts';
import type { SpreadMapArea, SpreadMapView, SpreadMeasure } from '../../core/budget/spreadMap.ts';
import type { AreaCollection } from '../../core/types.ts';
import type { BudgetApi } from '../../persistence/budget/budgetApi.ts';
import { formatMoney } from './money.ts';

export type SpreadMapSlotProps = SpreadMapView;
/** the results page (ui) may not touch leaflet: its map comes from the route */
export type SpreadMapSlot = (props: SpreadMapSlotProps) => ReactNode;

type Place = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; areas: AreaCollection; projects: BudgetProjectRecord[] };
const RULE_KEYS = { greedy: 'greedy', 'equal-shares': 'equalShares' } as const;

interface Props {
  spread: ResultsSpread;
  currency: string;
  officialRule: BudgetRule;
  api: BudgetApi;
  spreadMap: SpreadMapSlot;
}

export function BudgetSpreadMapPart({ spread, currency, officialRule, api, spreadMap }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [rule, setRule] = useState<BudgetRule>(officialRule);
  const [measure, setMeasure] = useState<SpreadMeasure>('funded');
  const [place, setPlace] = useState<Place>({ kind: 'loading' });

  useEffect(
    function readPlaces() {
      let live = true;
      Promise.all([api.getCatalog(), api.getBudget()]).then(
        ([catalog, view]) => live && setPlace({ kind: 'ready', areas: catalog.areas, projects: view.projects }),
        () => live && setPlace({ kind: 'failed' }),
      );
      return function stopReading() {
        live = false;
      };
    },
    [api],
  );

  const withPopulation = spread.populationProperty !== null;
  const shown: SpreadMeasure = withPopulation ? measure : 'funded';
  const figures = useMemo(() => spreadMapFigures(spread[RULE_KEYS[rule]], shown), [spread, rule, shown]);
  const money = (n: number) => (shown === 'perResident' ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(n) : formatMoney(Math.round(n), currency, i18n.language));
  const markers = useMemo(() => {
    if (place.kind !== 'ready') return [];
    const funded = new Set(figures.funded);
    return budgetMarkers(place.projects.filter((p) => funded.has(p.id)), place.areas, (p) => formatMoney(p.cost, currency, i18n.language), funded);
  }, [place, figures, currency, i18n.language]);
  if (place.kind === 'loading') return <p role="status">{t('budgetSpreadMap.loading')}</p>;
  if (place.kind === 'failed') return <p>{t('budgetSpreadMap.failed')}</p>;

  const percent = (share: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const describe = (area: SpreadMapArea) => {
    const source = spread[RULE_KEYS[rule]].areas.find((a) => a.id === area.id);
    const lines = [area.name, t('budgetSpreadMap.tipFunded', { money: formatMoney(Math.round(source?.funded ?? 0), currency, i18n.language) })];
    if (withPopulation) lines.push(t('budgetSpreadMap.tipPerResident', { money: source?.perResident == null ? '–' : new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(source.perResident) }));
    if (area.share !== null) lines.push(t('budgetSpreadMap.tipShare', { share: area.share === 'withheld' ? t('budgetSpread.hidden') : percent(area.share) }));
    return lines;
  };
  const ruleName = t(`budget.results.${RULE_KEYS[rule]}`);
  const anyWithheld = figures.areas.some((a) => a.share === 'withheld');
  const anyNoValue = figures.areas.some((a) => a.fillClass === null);
  return (
    <div className="spread-map-part" data-testid="spread-map-part">
      <h3 id={`${id}-h`}>{t('budgetSpreadMap.heading')}</h3>
      <p className="budget-spread-note">{t('budgetSpreadMap.intro')}</p>
      <div className="spread-map-choices">
        <fieldset>
          <legend>{t('budgetSpreadMap.rule')}</legend>
          {(['greedy', 'equal-shares'] as const).map((r) => (
            <label key={r} className="spread-map-choice">
              <input type="radio" name={`${id}-rule`} value={r} checked={rule === r} onChange={() => setRule(r)} />
              {t(`budget.results.${RULE_KEYS[r]}`)}
            </label>
          ))}
        </fieldset>
        {withPopulation ? (
          <fieldset>
            <legend>{t('budgetSpreadMap.measure')}</legend>
            {(['funded', 'perResident'] as const).map((m) => (
              <label key={m} className="spread-map-choice">
                <input type="radio" name={`${id}-measure`} value={m} checked={shown === m} onChange={() => setMeasure(m)} />
                {t(`budgetSpreadMap.${m}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {spreadMap({ areas: place.areas, figures: figures.areas, markers, describe, label: t('budgetSpreadMap.label', { rule: ruleName }), drawKey: `${rule}-${shown}` })}
      <div className="spread-legend" data-testid="spread-legend">
        <h4>{t('budgetSpreadMap.legend')}</h4>
        <ul>
          {figures.legend.map((c) => (
            <li key={c.fillClass} data-fill-class={c.fillClass}>
              <span className="spread-swatch" style={{ background: SPREAD_FILLS[c.fillClass] }} aria-hidden="true" />
              {c.fillClass === 0 ? t('budgetSpreadMap.none') : c.fillClass === 1 ? t('budgetSpreadMap.upTo', { to: money(c.to) }) : t('budgetSpreadMap.range', { from: money(c.from), to: money(c.to) })}
            </li>
          ))}
          {anyNoValue ? <li><span className="spread-swatch spread-swatch--none" aria-hidden="true" />{t('budgetSpreadMap.noValue')}</li> : null}
          {anyWithheld ? <li data-testid="spread-legend-withheld"><span className="spread-swatch spread-swatch--withheld" aria-hidden="true" />{t('budgetSpreadMap.withheld')}</li> : null}
          {markers.length ? <li><span className="spread-swatch spread-swatch--project" aria-hidden="true" />{t('budgetSpreadMap.project')}</li> : null}
        </ul>
      </div>
    </div>
  );
}
