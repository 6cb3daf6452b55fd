// the planner's budget settings: the amount and currency, the official rule, the voting dates and limits, and
// opening or closing the vote now. The same form sets a budget up and changes it.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_RULES, INTRO_MAX } from '../../../core/budget/budgetWire.ts';
import type { BudgetRule, BudgetSettings, BudgetView } from '../../../core/budget/budgetWire.ts';
import { closedNow, fromLocalInput, openedNow, problemLines, settingsOf, toLocalInput } from './budgetForms.ts';

interface Props {
  view: BudgetView | null;
  onSave(settings: BudgetSettings): Promise<void>;
}

const wholeOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));

export function BudgetSettingsForm({ view, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const start = view ? settingsOf(view) : null;
  const [amount, setAmount] = useState(start ? String(start.amount) : '');
  const [currency, setCurrency] = useState(start?.currency ?? 'GBP');
  const [rule, setRule] = useState<BudgetRule>(start?.rule ?? 'equal-shares');
  const [opensAt, setOpensAt] = useState(toLocalInput(start?.opensAt ?? null));
  const [closesAt, setClosesAt] = useState(toLocalInput(start?.closesAt ?? null));
  const [min, setMin] = useState(start?.minProjects == null ? '' : String(start.minProjects));
  const [max, setMax] = useState(start?.maxProjects == null ? '' : String(start.maxProjects));
  const [intro, setIntro] = useState(start?.intro ?? '');
  const [result, setResult] = useState<{ ok: boolean; text: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const current = (): BudgetSettings => ({
    amount: Number(amount),
    currency: currency.trim().toUpperCase(),
    rule,
    opensAt: fromLocalInput(opensAt),
    closesAt: fromLocalInput(closesAt),
    minProjects: wholeOrNull(min),
    maxProjects: wholeOrNull(max),
    intro,
  });

  async function save(settings: BudgetSettings) {
    setBusy(true);
    try {
      await onSave(settings);
      setOpensAt(toLocalInput(settings.opensAt));
      setClosesAt(toLocalInput(settings.closesAt));
      setResult({ ok: true, text: t('budgetPlanner.settings.saved'), lines: [] });
    } catch (error) {
      setResult({ ok: false, text: t('budgetPlanner.settings.failed'), lines: problemLines(error) });
    } finally {
      setBusy(false);
    }
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(current());
  };

  const state = !view ? null : view.votingOpen ? 'open' : view.resultsPublic ? 'closed' : 'notOpen';
  return (
    <form className="budget-planner-settings" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{view ? t('budgetPlanner.settings.heading') : t('budgetPlanner.settings.create')}</h3>
      {state ? <p data-testid="budget-voting-state">{t(`budgetPlanner.state.${state}`)}</p> : null}
      <div className="budget-planner-grid">
        <label htmlFor={`${id}-amount`}>{t('budgetPlanner.settings.amount')}</label>
        <input id={`${id}-amount`} type="number" inputMode="numeric" min={1} step={1} required value={amount} onChange={(e) => setAmount(e.target.value)} />
        <label htmlFor={`${id}-currency`}>{t('budgetPlanner.settings.currency')}</label>
        <input id={`${id}-currency`} maxLength={3} required value={currency} onChange={(e) => setCurrency(e.target.value)} aria-describedby={`${id}-currency-hint`} />
        <span id={`${id}-currency-hint`} className="planner-hint budget-planner-wide">{t('budgetPlanner.settings.currencyHint')}</span>
        <label htmlFor={`${id}-rule`}>{t('budgetPlanner.settings.rule')}</label>
        <select id={`${id}-rule`} value={rule} onChange={(e) => setRule(e.target.value as BudgetRule)}>
          {BUDGET_RULES.map((r) => <option key={r} value={r}>{t(`budgetPlanner.rule.${r}`)}</option>)}
        </select>
        <label htmlFor={`${id}-opens`}>{t('budgetPlanner.settings.opensAt')}</label>
        <input id={`${id}-opens`} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        <label htmlFor={`${id}-closes`}>{t('budgetPlanner.settings.closesAt')}</label>
        <input id={`${id}-closes`} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        <label htmlFor={`${id}-min`}>{t('budgetPlanner.settings.min')}</label>
        <input id={`${id}-min`} type="number" inputMode="numeric" min={0} step={1} value={min} onChange={(e) => setMin(e.target.value)} />
        <label htmlFor={`${id}-max`}>{t('budgetPlanner.settings.max')}</label>
        <input id={`${id}-max`} type="number" inputMode="numeric" min={0} step={1} value={max} onChange={(e) => setMax(e.target.value)} />
      </div>
      <div className="budget-planner-block">
        <label htmlFor={`${id}-intro`}>{t('budgetPlanner.settings.intro')}</label>
        <span id={`${id}-intro-hint`} className="planner-hint">{t('budgetPlanner.settings.introHint')}</span>
        <textarea id={`${id}-intro`} dir="auto" rows={3} maxLength={INTRO_MAX} value={intro} onChange={(e) => setIntro(e.target.value)} aria-describedby={`${id}-intro-hint`} />
      </div>
      <p className="planner-hint">{t('budgetPlanner.settings.datesHint')}</p>
      <div className="planner-row">
        <button type="submit" className="button button--primary" disabled={busy}>{view ? t('budgetPlanner.settings.save') : t('budgetPlanner.settings.createButton')}</button>
        {view ? (
          <>
            <button type="button" className="button" disabled={busy || view.votingOpen} onClick={() => void save(openedNow(current(), Date.now()))}>{t('budgetPlanner.settings.openNow')}</button>
            <button type="button" className="button" disabled={busy || !view.votingOpen} onClick={() => void save(closedNow(current(), Date.now()))}>{t('budgetPlanner.settings.closeNow')}</button>
          </>
        ) : null}
      </div>
      <div role="status" className={result && !result.ok ? 'form-alert' : undefined}>
        {result ? <p>{result.text}</p> : null}
        {result?.lines.length ? <ul>{result.lines.map((line) => <li key={line} dir="auto">{line}</li>)}</ul> : null}
      </div>
    </form>
  );
}
