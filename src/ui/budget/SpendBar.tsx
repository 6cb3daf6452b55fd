// what the ballot spends and what is left, as a bar and as words a screen reader announces on every change.
import './budgetEnglish.ts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money.ts';

export function SpendBar({ spent, amount, currency, chosen }: { spent: number; amount: number; currency: string; chosen: number }) {
  const { t, i18n } = useTranslation();
  const money = (n: number) => formatMoney(n, currency, i18n.language);
  const words = t('budget.spent', { spent: money(spent), left: money(amount - spent), amount: money(amount) });
  return (
    <section className="budget-bar" aria-labelledby="budget-bar-heading">
      <h2 id="budget-bar-heading">{t('budget.bar')}</h2>
      {/* the bar is drawn; the words beside it say the same and are announced */}
      <meter className="budget-meter" min={0} max={amount} value={spent} aria-label={words} />
      <p aria-live="polite" aria-atomic="true" data-testid="budget-left">
        {words} · {t('budget.chosen', { count: chosen })}
      </p>
    </section>
  );
}
