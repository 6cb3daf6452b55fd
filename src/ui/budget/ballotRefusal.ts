// why the server refused a ballot, in the reader's language: its error code (and the figures it sent) picks the words.
import type { TFunction } from 'i18next';

const SIMPLE = ['voting-closed', 'voting-not-open', 'invalid-ballot', 'device-token-unsigned', 'device-token-required', 'unknown-voter-code', 'voter-code-used', 'budget-not-found', 'consultation-closed', 'consultation-not-found'] as const;

const numberIn = (details: unknown, key: string): number | null => {
  const value = (details as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const textIn = (details: unknown, key: string): string | null => {
  const value = (details as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' ? value : null;
};

/**
 * The translated reason for a refused ballot. The server's own message is English, so it is never shown; a code this
 * page does not know gives a general sentence naming the code.
 * @example
 * ballotRefusalText(t, { code: 'over-budget', details: { spent: 61000, amount: 60000 } }, money) // => 'The ballot spends £61,000, more than the £60,000 there is.'
 */
export function ballotRefusalText(t: TFunction, refusal: { code: string; details?: unknown }, money: (amount: number) => string): string {
  const { code, details } = refusal;
  const spent = numberIn(details, 'spent');
  const amount = numberIn(details, 'amount');
  if (code === 'over-budget' && spent !== null && amount !== null) return t('budgetRefusal.overBudget', { spent: money(spent), amount: money(amount) });
  const count = numberIn(details, 'count');
  const min = numberIn(details, 'min');
  const max = numberIn(details, 'max');
  if (code === 'too-few-projects' && count !== null && min !== null) return t('budgetRefusal.tooFew', { min, n: count });
  if (code === 'too-many-projects' && count !== null && max !== null) return t('budgetRefusal.tooMany', { max, n: count });
  if (code === 'unknown-project' || code === 'duplicate-project') {
    const id = textIn(details, 'id') ?? '';
    return t(code === 'unknown-project' ? 'budgetRefusal.unknownProject' : 'budgetRefusal.duplicateProject', { id });
  }
  if ((SIMPLE as readonly string[]).includes(code)) return t(`budgetRefusal.${code}`);
  return t('budgetRefusal.other', { code });
}
