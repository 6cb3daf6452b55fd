// the table game's rules: each side holds the budget, over-spends bounce back, moving a token, counting by both rules.
import { describe, expect, it } from 'vitest';
import { countGame, moveToken, newBudgetGame, placeToken, sideSpent, takeBackToken } from '../../../src/core/budget/budgetGame.ts';
import type { BudgetGameState } from '../../../src/core/budget/budgetGame.ts';
import { readGameAllocation } from '../../../src/core/budget/budgetGameWire.ts';

const projects = [{ id: 'a', title: 'Benches', cost: 40 }, { id: 'b', title: 'Trees', cost: 70 }, { id: 'c', title: 'Lights', cost: 30 }];
const placed = (state: BudgetGameState, ...steps: [Parameters<typeof placeToken>[1], string][]) =>
  steps.reduce((s, [side, id]) => {
    const outcome = placeToken(s, side, id);
    if (!outcome.ok) throw new Error(`refused ${side} ${id}: ${outcome.reason}`);
    return outcome.state;
  }, state);

describe('the budget game', () => {
  it('lets every side spend the whole budget, and no more: an over-spend bounces back with what is left', () => {
    const game = placed(newBudgetGame(100, projects), ['bottom', 'a'], ['bottom', 'c'], ['top', 'b']);
    expect([sideSpent(game, 'bottom'), sideSpent(game, 'top'), sideSpent(game, 'left')]).toEqual([70, 70, 0]);
    expect(placeToken(game, 'bottom', 'b')).toEqual({ ok: false, reason: 'over-budget', cost: 70, left: 30 });
    expect(placeToken(game, 'bottom', 'a')).toEqual({ ok: false, reason: 'already-placed' });
    expect(placeToken(game, 'bottom', 'nope')).toEqual({ ok: false, reason: 'unknown-project' });
  });

  it('never changes the state it is given', () => {
    const game = newBudgetGame(100, projects);
    const before = JSON.stringify(game);
    placeToken(game, 'left', 'a');
    takeBackToken(placed(game, ['left', 'a']), 'left', 'a');
    expect(JSON.stringify(game)).toBe(before);
  });

  it('takes a token back, and moves one only when the new project fits with the old one\u2019s money back', () => {
    const game = placed(newBudgetGame(100, projects), ['right', 'a'], ['right', 'c']);
    expect(takeBackToken(game, 'right', 'a').sides.right).toEqual(['c']);
    expect(takeBackToken(game, 'right', 'b')).toBe(game);
    // a (40) → b (70): 30 + 70 = 100 fits
    const moved = moveToken(game, 'right', 'a', 'b');
    expect(moved.ok && moved.state.sides.right).toEqual(['c', 'b']);
    // c (30) → b (70) with a kept: 40 + 70 = 110 does not; nothing moves
    const refused = moveToken(game, 'right', 'c', 'b');
    expect(refused).toEqual({ ok: false, reason: 'over-budget', cost: 70, left: 60 });
  });

  it('counts each side with tokens as one approval ballot, by greedy and Equal Shares, worked by hand', () => {
    const game = placed(newBudgetGame(100, projects), ['bottom', 'a'], ['bottom', 'c'], ['top', 'c'], ['top', 'a'], ['left', 'b']);
    const count = countGame(game);
    // approvals a 2, c 2, b 1: greedy takes c (2, cost 30 first on the tie), a (40) = 70, b (70) no longer fits
    expect(count.ballots).toBe(3);
    expect(count.greedy).toEqual({ selected: ['c', 'a'], spent: 70 });
    // Equal Shares: 3 voters with 33⅓ each; c's two approvers pay 15 each, then a needs 20 each of their 18⅓: add1
    // raises the shares until it fits (35 each); b's one approver would need 70, and a, b, c cost 140 > 100
    expect(count.equalShares.selected.sort()).toEqual(['a', 'c']);
    expect(count.allocation).toEqual({ a: 80, c: 60, b: 70 });
  });

  it('an untouched table counts nothing', () => {
    expect(countGame(newBudgetGame(100, projects))).toEqual({ ballots: 0, greedy: { selected: [], spent: 0 }, equalShares: { selected: [], spent: 0 }, allocation: {} });
  });

  it('reads the route body strictly', () => {
    expect(readGameAllocation({ sessionId: 's1', sides: { top: ['a'] } }).ok).toBe(true);
    expect(readGameAllocation({ sessionId: null, sides: {} }).ok).toBe(true);
    const bad = readGameAllocation({ sessionId: 's1', sides: { middle: ['a'] } });
    expect(bad.ok).toBe(false);
  });
});
