// the planner's budget forms (opening and closing voting now, date fields, a refusal's problems) and the ballot's
// refusals in the reader's language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { BudgetSettings } from '../../../src/core/budget/budgetWire.ts';
import { buildResources } from '../../../src/i18n/i18n.ts';
import { ballotRefusalText } from '../../../src/ui/budget/ballotRefusal.ts';
import { closedNow, fromLocalInput, openedNow, problemLines, toLocalInput } from '../../../src/ui/budget/planner/budgetForms.ts';
import en from '../../../src/i18n/locales/en/budgetPlanner.json';
import pl from '../../../src/i18n/locales/pl/budgetPlanner.json';
import ur from '../../../src/i18n/locales/ur/budgetPlanner.json';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const settings: BudgetSettings = { amount: 100, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: '' };

describe('opening and closing voting now', () => {
  it('opens now and drops a closing date already past, keeping one still to come', () => {
    expect(openedNow({ ...settings, closesAt: '2026-11-01T00:00:00.000Z' }, NOW)).toMatchObject({ opensAt: '2026-12-01T12:00:00.000Z', closesAt: null });
    expect(openedNow({ ...settings, closesAt: '2027-01-01T00:00:00.000Z' }, NOW).closesAt).toBe('2027-01-01T00:00:00.000Z');
  });

  it('closes now, moving an opening date still to come back before the close', () => {
    expect(closedNow({ ...settings, opensAt: '2026-11-01T00:00:00.000Z' }, NOW)).toMatchObject({ opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-12-01T12:00:00.000Z' });
    const closed = closedNow({ ...settings, opensAt: '2027-01-01T00:00:00.000Z' }, NOW);
    expect(Date.parse(closed.opensAt!)).toBeLessThan(Date.parse(closed.closesAt!));
  });

  it('reads date fields back to the same instant, empty as null', () => {
    const iso = '2026-12-01T15:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });

  it('lists a refusal\u2019s problems as lines, and nothing for other errors', () => {
    expect(problemLines({ details: [{ path: 'budget.amount', message: 'amount must be more than 0' }, { message: 'plain' }, { nope: 1 }] })).toEqual(['budget.amount: amount must be more than 0', 'plain']);
    expect(problemLines(new Error('x'))).toEqual([]);
    expect(problemLines(null)).toEqual([]);
  });
});

describe('ballotRefusalText', () => {
  const instance = i18next.createInstance();
  const ready = instance.init({ resources: buildResources({ './locales/en/budgetPlanner.json': en, './locales/pl/budgetPlanner.json': pl, './locales/ur/budgetPlanner.json': ur }), lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  const money = (n: number) => `£${n.toLocaleString('en-GB')}`;

  it('says each refusal with the server\u2019s figures, never its English message', async () => {
    await ready;
    const t = instance.getFixedT('en');
    expect(ballotRefusalText(t, { code: 'over-budget', details: { rule: 'over-budget', spent: 61000, amount: 60000 } }, money)).toBe('the ballot spends £61,000, more than the £60,000 there is.');
    expect(ballotRefusalText(t, { code: 'too-few-projects', details: { count: 1, min: 2 } }, money)).toBe('the fewest projects a ballot may have is 2; this one has 1.');
    expect(ballotRefusalText(t, { code: 'too-many-projects', details: { count: 5, max: 3 } }, money)).toBe('the most projects a ballot may have is 3; this one has 5.');
    expect(ballotRefusalText(t, { code: 'unknown-project', details: { id: 'gone' } }, money)).toContain('(gone)');
    expect(ballotRefusalText(t, { code: 'voter-code-used' }, money)).toBe('this voter code has already been used: each code votes once.');
    expect(ballotRefusalText(t, { code: 'something-new' }, money)).toBe('the server refused it (something-new). Try again later.');
  });

  it('speaks Polish and Urdu', async () => {
    await ready;
    expect(ballotRefusalText(instance.getFixedT('pl'), { code: 'voting-closed' }, money)).toBe('głosowanie nad tym budżetem zostało zamknięte.');
    expect(ballotRefusalText(instance.getFixedT('ur'), { code: 'over-budget', details: { spent: 2, amount: 1 } }, money)).toBe('بیلٹ £2 خرچ کرتا ہے، جو دستیاب £1 سے زیادہ ہے۔');
  });

  it('falls back to the general sentence when the figures are missing', async () => {
    await ready;
    expect(ballotRefusalText(instance.getFixedT('en'), { code: 'over-budget', details: null }, money)).toBe('the server refused it (over-budget). Try again later.');
  });
});
