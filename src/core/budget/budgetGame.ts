// the touch-table budget game: each side of the table holds the whole budget as tokens and puts one on each project it
// wants; a side cannot spend more than it holds. Counting treats each side's projects as one approval ballot.
import type { TableSide } from '../pointerTracker.ts';
import { TABLE_SIDES } from '../pointerTracker.ts';
import { electionOf } from './budgetResults.ts';
import { equalShares } from './equalShares.ts';
import { greedy } from './greedy.ts';

export interface GameProject {
  id: string;
  title: string;
  cost: number;
}

export interface BudgetGameState {
  budget: number;
  projects: GameProject[];
  /** the projects each side put a token on, in the order it did */
  sides: Record<TableSide, string[]>;
}

export type PlaceRefusal =
  | { reason: 'over-budget'; cost: number; left: number }
  | { reason: 'already-placed' }
  | { reason: 'unknown-project' };

export type PlaceOutcome = { ok: true; state: BudgetGameState } | ({ ok: false } & PlaceRefusal);

/** what "count" shows and the server records */
export interface GameCount {
  /** sides that put at least one token down: the ballots counted */
  ballots: number;
  greedy: { selected: string[]; spent: number };
  equalShares: { selected: string[]; spent: number };
  /** project id → money the whole table put on it (only projects with tokens) */
  allocation: Record<string, number>;
}

const noSides = (): Record<TableSide, string[]> => ({ bottom: [], top: [], left: [], right: [] });

/**
 * A fresh game: every side holds the whole budget.
 * @example
 * newBudgetGame(100, [{ id: 'a', title: 'Benches', cost: 40 }]).sides.top // => []
 */
export function newBudgetGame(budget: number, projects: readonly GameProject[]): BudgetGameState {
  return { budget, projects: projects.map((p) => ({ ...p })), sides: noSides() };
}

/**
 * What a side has put down.
 * @example
 * sideSpent({ budget: 100, projects: [{ id: 'a', title: 'A', cost: 40 }], sides: { …, top: ['a'] } }, 'top') // => 40
 */
export function sideSpent(state: BudgetGameState, side: TableSide): number {
  const costs = new Map(state.projects.map((p) => [p.id, p.cost]));
  return state.sides[side].reduce((sum, id) => sum + (costs.get(id) ?? 0), 0);
}

/**
 * A side puts a token on a project: refused when the side has not enough left (the token bounces back), already has
 * one there, or the project is not in the game. Never changes `state`.
 * @example
 * placeToken(newBudgetGame(100, [{ id: 'a', title: 'A', cost: 140 }]), 'left', 'a') // => { ok: false, reason: 'over-budget', cost: 140, left: 100 }
 */
export function placeToken(state: BudgetGameState, side: TableSide, projectId: string): PlaceOutcome {
  const project = state.projects.find((p) => p.id === projectId);
  if (!project) return { ok: false, reason: 'unknown-project' };
  if (state.sides[side].includes(projectId)) return { ok: false, reason: 'already-placed' };
  const left = state.budget - sideSpent(state, side);
  if (project.cost > left) return { ok: false, reason: 'over-budget', cost: project.cost, left };
  return { ok: true, state: { ...state, sides: { ...state.sides, [side]: [...state.sides[side], projectId] } } };
}

/**
 * A side takes its token back off a project (nothing happens when it has none there).
 * @example
 * takeBackToken(game, 'left', 'a').sides.left // => the left side's projects without 'a'
 */
export function takeBackToken(state: BudgetGameState, side: TableSide, projectId: string): BudgetGameState {
  if (!state.sides[side].includes(projectId)) return state;
  return { ...state, sides: { ...state.sides, [side]: state.sides[side].filter((id) => id !== projectId) } };
}

/**
 * A side moves its token from one project to another: refused (and nothing moves) when the other does not fit even
 * with the first one's money back.
 * @example
 * moveToken(game, 'top', 'a', 'b') // => { ok: true, state } with top on 'b' instead of 'a'
 */
export function moveToken(state: BudgetGameState, side: TableSide, from: string, to: string): PlaceOutcome {
  if (from === to) return { ok: true, state };
  return placeToken(takeBackToken(state, side, from), side, to);
}

/**
 * Counts the game: each side that put tokens down is one approval ballot, counted by greedy and by Equal Shares over
 * the budget; the allocation is the money the table put on each project (what a workshop allocation records).
 * @example
 * countGame({ budget: 100, projects: [a40, b70], sides: { bottom: ['a'], top: ['a'], left: ['b'], right: [] } })
 * // => { ballots: 3, greedy: { selected: ['a'], spent: 40 }, …, allocation: { a: 80, b: 70 } }
 */
export function countGame(state: BudgetGameState): GameCount {
  const ballots = TABLE_SIDES.map((side) => state.sides[side]).filter((b) => b.length > 0);
  const election = electionOf({ amount: state.budget }, state.projects, ballots);
  const g = greedy(election);
  const es = equalShares(election);
  const costs = new Map(state.projects.map((p) => [p.id, p.cost]));
  const allocation: Record<string, number> = {};
  for (const ballot of ballots) for (const id of ballot) allocation[id] = (allocation[id] ?? 0) + (costs.get(id) ?? 0);
  return { ballots: ballots.length, greedy: { selected: g.selected, spent: g.spent }, equalShares: { selected: es.selected, spent: es.spent }, allocation };
}
