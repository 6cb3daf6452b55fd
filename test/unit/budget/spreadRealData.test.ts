// the money's spread and the voters with a funded project on the real pabulib files, where they carry the data.
// What they carry (see ../shared/data/pb/SOURCES.md): Gdańsk 2020 has each voter's district; Wawer 2022 has project
// coordinates but no boundaries to place them in; no file has project areas or populations, so money per resident
// is not tested on real data (it is on the hand-made fixtures in budgetSpread.test.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { budgetSpread } from '../../../src/core/budget/budgetSpread.ts';
import { protectSpread } from '../../../src/core/budget/protectSpread.ts';
import { equalShares } from '../../../src/core/budget/equalShares.ts';
import { greedy } from '../../../src/core/budget/greedy.ts';
import { parsePabulib } from '../../../src/core/budget/pabulib.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';
import type { AreaCollection } from '../../../src/core/types.ts';
import { sharedDataFile, sharedDataSuite } from '../../support/sharedData.ts';

const text = (name: string) => readFileSync(sharedDataFile(`pb/${name}`), 'utf8');
function election(name: string): BudgetElection {
  const result = parsePabulib(text(name));
  if (!result.ok) throw new Error(`${name} refused`);
  return result.value;
}

/** one column of a section, row by row (the files' VOTES rows are in voter order, as the parser reads them) */
function column(file: string, section: 'PROJECTS' | 'VOTES', name: string): string[] {
  const lines = file.split(/\r?\n/);
  const start = lines.indexOf(section);
  const header = lines[start + 1]!.split(';');
  const at = header.indexOf(name);
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && !/^(META|PROJECTS|VOTES)$/.test(lines[i]!) && lines[i] !== ''; i++) out.push(lines[i]!.split(';')[at]!);
  return at < 0 ? [] : out;
}

const asInput = (e: BudgetElection, location: (i: number) => { point: [number, number] } | null = () => null) => ({
  projects: e.projects.map((p, i) => ({ id: p.id, cost: p.cost, location: location(i) })),
  ballots: e.ballots.map((b) => b.map((i) => e.projects[i]!.id)),
});

// districts as areas with no boundary: voters are placed by name, no project by position
const namedAreas = (names: readonly string[]): AreaCollection => ({
  type: 'FeatureCollection',
  features: names.map((id) => ({ type: 'Feature', id, properties: { id, name: id }, geometry: { type: 'Polygon', coordinates: [] } })),
});

sharedDataSuite('budget spread on real pabulib files', () => {
  it('Gdańsk 2020: every voter\u2019s district is known; per district shares add up for both rules', () => {
    const name = 'poland_gdansk_2020_.pb';
    const e = election(name);
    const districts = column(text(name), 'VOTES', 'district');
    expect(districts).toHaveLength(e.ballots.length);
    const areas = namedAreas([...new Set(districts)].sort());
    expect(areas.features.length).toBe(35);
    for (const outcome of [greedy(e), equalShares(e)]) {
      const s = budgetSpread(outcome.selected, { ...asInput(e), areas, voterAreas: districts });
      expect(s.votersWithoutArea).toBe(0);
      expect(s.areas.reduce((n, a) => n + a.voters, 0)).toBe(30_237);
      expect(s.areas.reduce((n, a) => n + a.votersWithFunded, 0)).toBe(s.votersWithFunded);
      const funded = new Set(outcome.selected);
      expect(s.votersWithFunded).toBe(e.ballots.filter((b) => b.some((i) => funded.has(e.projects[i]!.id))).length);
      expect(s.share).toBeGreaterThan(0.3);
      for (const a of s.areas) expect(a.share! >= 0 && a.share! <= 1).toBe(true);
      // the file has no project locations: all the money is city-wide
      expect(s.unplaced.funded).toBe(outcome.spent);
      expect(s.areas.every((a) => a.funded === 0 && a.perResident === null)).toBe(true);
      // Rudniki's 46 voters are a group large enough at k = 10: every district's figures are shown
      const p = protectSpread(s, 10);
      expect(p.areas.every((a) => typeof a.voters === 'number' && typeof a.share === 'number')).toBe(true);
    }
    const g = budgetSpread(greedy(e).selected, { ...asInput(e), areas, voterAreas: districts });
    const es = budgetSpread(equalShares(e).selected, { ...asInput(e), areas, voterAreas: districts });
    // Equal Shares is proportional: at least as many voters get a project they voted for as under greedy here
    expect(es.votersWithFunded).toBeGreaterThanOrEqual(g.votersWithFunded);
  });

  it('Wawer 2022: projects have coordinates, but with no boundaries every funded złoty is city-wide', () => {
    const name = 'poland_warszawa_2022_wawer.pb';
    const e = election(name);
    const lat = column(text(name), 'PROJECTS', 'latitude');
    const lng = column(text(name), 'PROJECTS', 'longitude');
    expect(lat).toHaveLength(e.projects.length);
    const located = lat.filter((v) => v !== '').length;
    expect(located).toBeGreaterThan(0);
    const outcome = greedy(e);
    const s = budgetSpread(outcome.selected, { ...asInput(e, (i) => (lat[i] && lng[i] ? { point: [Number(lng[i]), Number(lat[i])] } : null)), areas: namedAreas([]) });
    expect(s.unplaced).toEqual({ funded: outcome.spent, projects: e.projects.filter((p) => outcome.selected.includes(p.id)).map((p) => p.id) });
    expect(s.votersWithoutArea).toBe(5045);
  });
});
