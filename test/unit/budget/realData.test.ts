// the seven real pabulib files in the shared data folder (see its SOURCES.md): parsed, counted both ways, refused where not approval.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parsePabulib } from '../../../src/core/budget/pabulib.ts';
import { greedy } from '../../../src/core/budget/greedy.ts';
import { equalShares, equalSharesCounter } from '../../../src/core/budget/equalShares.ts';
import { equalSharesReference, equalSharesRunReference } from '../../../src/core/budget/equalSharesReference.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';
import { sharedDataFile, sharedDataSuite } from '../../support/sharedData.ts';

const read = (name: string) => parsePabulib(readFileSync(sharedDataFile(`pb/${name}`), 'utf8'));
function accepted(name: string): BudgetElection {
  const result = read(name);
  if (!result.ok) throw new Error(`${name} refused: ${result.errors[0]!.message}`);
  expect(result.warnings).toEqual([]);
  return result.value;
}

// rows of PROJECTS and VOTES, budget (SOURCES.md counts the PROJECTS header in its Gdańsk and Kopernika rows)
const APPROVAL: Array<[string, number, number, number]> = [
  ['poland_zabrze_2020_zandka.pb', 4, 155, 150_000],
  ['poland_zabrze_2020_osiedle-mikolaja-kopernika.pb', 3, 999, 150_000],
  ['poland_warszawa_2019_obszar-3-kobialka-augustow-brzeziny-grodzisk-lewandow.pb', 50, 2494, 1_226_744],
  ['poland_warszawa_2022_wawer.pb', 111, 5045, 2_807_253],
  ['poland_gdansk_2020_.pb', 28, 30_237, 3_600_000],
];

sharedDataSuite('real pabulib files', () => {
  for (const [name, projects, voters, budget] of APPROVAL) {
    it(`${name}: parsed, greedy and Equal Shares within budget, fast = reference`, () => {
      const e = accepted(name);
      expect([e.projects.length, e.ballots.length, e.budget]).toEqual([projects, voters, budget]);
      const g = greedy(e);
      const mes = equalShares(e);
      expect(g.spent).toBeLessThanOrEqual(budget);
      expect(mes.spent).toBeLessThanOrEqual(budget);
      expect(mes.selected.length).toBeGreaterThan(0);
      if (voters < 1000) {
        expect(mes).toEqual(equalSharesReference(e));
        return;
      }
      // the reference recounts 300-600 add1 steps in minutes here: compare it run by run at the shares that decide
      const runAt = equalSharesCounter(e);
      for (const perVoter of [budget / voters, mes.perVoter, mes.perVoter + 1]) {
        const fast = runAt(perVoter);
        const ref = equalSharesRunReference(e, perVoter);
        expect(fast.funded, `${name} at ${perVoter}`).toEqual(ref.funded);
        expect(fast.left).toEqual(ref.left);
      }
      // the kept share fits and the next one does not (or everything approved is funded)
      const next = runAt(mes.perVoter + 1).funded.reduce((s, p) => s + e.projects[p]!.cost, 0);
      expect(next > budget || mes.selected.length === e.projects.filter((_, p) => e.ballots.some((b) => b.includes(p))).length).toBe(true);
    }, 30_000);
  }

  it('greedy gives exactly the selected column of both Warsaw files (the only approval files that have one)', () => {
    for (const name of [APPROVAL[2]![0], APPROVAL[3]![0]]) {
      const e = accepted(name);
      const selected = e.projects.filter((p) => p.selected).map((p) => p.id).sort();
      expect(selected.length).toBeGreaterThan(10);
      expect([...greedy(e).selected].sort(), name).toEqual(selected);
    }
  });

  it('Zandka by hand: greedy funds P0097 (74 votes, 50,000) and P0015 (36, 55,000); P0016 (45, 129,000) does not fit', () => {
    const g = greedy(accepted('poland_zabrze_2020_zandka.pb'));
    expect(g.selected).toEqual(['P0097', 'P0015']);
    expect(g.projects.find((p) => p.id === 'P0016')).toMatchObject({ funded: false, skipped: { reason: 'does-not-fit', left: 100_000 } });
  });

  it('refuses the cumulative Katowice and the ordinal Kraków file on their vote_type line', () => {
    for (const [name, type] of [['poland_katowice_2021_.pb', 'cumulative'], ['poland_krakow_2021_.pb', 'ordinal']]) {
      const result = read(name!);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([expect.objectContaining({ line: 10, rule: 'unsupported-vote-type', message: expect.stringContaining(`"${type}"`) })]);
    }
  });
});
