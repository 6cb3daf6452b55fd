import { describe, expect, it } from 'vitest';
import { checkBallot, votingState } from '../../../src/core/budget/ballotRules.ts';
import { readBallot, readBudgetProject, readBudgetSettings } from '../../../src/core/budget/budgetWire.ts';

const projects = [{ id: 'a', cost: 6 }, { id: 'b', cost: 4 }, { id: 'c', cost: 1 }];
const open = { amount: 10, minProjects: null, maxProjects: null };

describe('checkBallot', () => {
  it('takes a ballot that spends exactly the amount, and an empty one', () => {
    expect(checkBallot(open, projects, ['a', 'b'])).toBeNull();
    expect(checkBallot({ ...open, minProjects: 2 }, projects, [])).toBeNull();
  });
  it('refuses one unit over the amount, naming what it spent', () => {
    expect(checkBallot(open, projects, ['a', 'b', 'c'])).toEqual({ rule: 'over-budget', spent: 11, amount: 10 });
  });
  it('refuses unknown and repeated projects', () => {
    expect(checkBallot(open, projects, ['a', 'zz'])).toEqual({ rule: 'unknown-project', id: 'zz' });
    expect(checkBallot(open, projects, ['c', 'c'])).toEqual({ rule: 'duplicate-project', id: 'c' });
  });
  it('applies the minimum and maximum number of projects', () => {
    expect(checkBallot({ ...open, minProjects: 2 }, projects, ['c'])).toEqual({ rule: 'too-few-projects', count: 1, min: 2 });
    expect(checkBallot({ ...open, maxProjects: 1 }, projects, ['b', 'c'])).toEqual({ rule: 'too-many-projects', count: 2, max: 1 });
  });
});

describe('votingState', () => {
  const at = (iso: string) => Date.parse(iso);
  const dates = { opensAt: '2030-01-01T00:00:00.000Z', closesAt: '2030-02-01T00:00:00.000Z' };
  it('follows the dates while the consultation is open', () => {
    expect(votingState(dates, 'open', at('2029-12-31T23:59:59Z'))).toBe('not-yet-open');
    expect(votingState(dates, 'open', at('2030-01-01T00:00:00Z'))).toBe('open');
    expect(votingState(dates, 'open', at('2030-02-01T00:00:00Z'))).toBe('closed');
  });
  it('is closed with the consultation and not open in a draft', () => {
    expect(votingState({ opensAt: null, closesAt: null }, 'closed', 0)).toBe('closed');
    expect(votingState({ opensAt: null, closesAt: null }, 'draft', 0)).toBe('not-yet-open');
  });
});

describe('the budget wire', () => {
  it('reads settings with defaults and refuses bad ones naming the field', () => {
    const ok = readBudgetSettings({ amount: 50000, currency: 'GBP', rule: 'greedy' });
    expect(ok.ok && ok.value).toEqual({ amount: 50000, currency: 'GBP', rule: 'greedy', opensAt: null, closesAt: null, minProjects: null, maxProjects: null, intro: '' });
    const bad = readBudgetSettings({ amount: 1.5, currency: 'pounds', rule: 'lottery' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path).sort()).toEqual(['budget.amount', 'budget.currency', 'budget.rule']);
    const order = readBudgetSettings({ amount: 1, currency: 'GBP', rule: 'greedy', opensAt: '2030-02-01T00:00:00Z', closesAt: '2030-01-01T00:00:00Z', minProjects: 3, maxProjects: 2 });
    expect(order.ok ? [] : order.errors.map((e) => e.rule)).toEqual(['closes-before-opens', 'min-over-max']);
  });
  it('reads a project and refuses control characters and fractional costs', () => {
    const ok = readBudgetProject({ title: ' Benches ', cost: 4000, location: { areas: ['west'] } });
    expect(ok.ok && ok.value).toEqual({ title: 'Benches', description: '', cost: 4000, theme: null, location: { areas: ['west'] }, pinIds: [] });
    const bad = readBudgetProject({ title: 'a\u0000b', cost: 4.5, extra: 1 });
    expect(bad.ok).toBe(false);
  });
  it('reads a ballot body and refuses anything else', () => {
    expect(readBallot({ projects: ['p1'] }).ok).toBe(true);
    expect(readBallot({ projects: 'p1' }).ok).toBe(false);
    expect(readBallot({ projects: ['<b>'] }).ok).toBe(false);
    expect(readBallot(null).ok).toBe(false);
  });
});
