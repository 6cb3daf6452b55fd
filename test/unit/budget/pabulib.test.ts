// the pabulib reader and writer on small hand-written files: what is kept, what is refused (by line and rule), round trips.
import { describe, expect, it } from 'vitest';
import { parsePabulib } from '../../../src/core/budget/pabulib.ts';
import { writePabulib } from '../../../src/core/budget/writePabulib.ts';
import type { BudgetElection } from '../../../src/core/budget/election.ts';

// line numbers: 1 META, 2 key;value, 3 description, 4 budget, 5 vote_type, 6 num_projects, 7 PROJECTS, 8 header, 9-11 rows,
// 12 VOTES, 13 header, 14-16 votes
const GOOD = [
  'META', 'key;value', 'description;Budżet obywatelski, Łódź; dzielnica 3', 'budget;100000', 'vote_type;approval', 'num_projects;3',
  'PROJECTS', 'project_id;cost;votes;name;category;selected',
  'P1;60000;2;Zielone podwórko przy ul. Żółkiewskiego;environment,public space;1',
  'P2;30000;2;Ławki, kosze i stojaki;public space;0',
  'P3;25000;0;Siłownia pod chmurką;sport;',
  'VOTES', 'voter_id;vote;age', '17;P1,P2;34', '18;P1;', '19;P2;71',
].join('\n');

function refused(text: string) {
  const result = parsePabulib(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}
const replaceLine = (n: number, line: string) => GOOD.split('\n').map((l, i) => (i === n - 1 ? line : l)).join('\n');

describe('parsePabulib', () => {
  it('reads an approval file: Polish names, commas inside values, the selected column, ballots as project indices', () => {
    const result = parsePabulib(GOOD);
    expect(result.ok && result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.value.budget).toBe(100000);
    expect(result.value.projects).toEqual([
      { id: 'P1', cost: 60000, votes: 2, name: 'Zielone podwórko przy ul. Żółkiewskiego', selected: true },
      { id: 'P2', cost: 30000, votes: 2, name: 'Ławki, kosze i stojaki', selected: false },
      { id: 'P3', cost: 25000, votes: 0, name: 'Siłownia pod chmurką' },
    ]);
    expect(result.value.ballots).toEqual([[0, 1], [0], [1]]);
    expect(result.value.meta.description).toBe('Budżet obywatelski, Łódź; dzielnica 3');
  });

  it('accepts Windows line endings, a byte-order mark and blank lines', () => {
    const result = parsePabulib(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}\r\n\r\n`);
    expect(result.ok && result.value.ballots).toEqual([[0, 1], [0], [1]]);
  });

  it('refuses other vote types on the vote_type line', () => {
    for (const type of ['cumulative', 'ordinal', 'scoring']) {
      expect(refused(replaceLine(5, `vote_type;${type}`))).toEqual([expect.objectContaining({ line: 5, rule: 'unsupported-vote-type', message: expect.stringContaining(`"${type}"`) })]);
    }
  });

  it('refuses each broken part naming its line and rule', () => {
    const cases: Array<[string, number, string]> = [
      [replaceLine(14, '17;P1,P9;34'), 14, 'unknown-project'],
      [replaceLine(11, 'P1;25000;0;Siłownia;sport;'), 11, 'duplicate-project-id'],
      [replaceLine(11, 'P3;25000.50;0;Siłownia;sport;'), 11, 'invalid-cost'],
      [replaceLine(11, 'P3;-5;0;Siłownia;sport;'), 11, 'invalid-cost'],
      [replaceLine(4, 'budget;0'), 4, 'invalid-budget'],
      [replaceLine(4, 'budget;a lot'), 4, 'invalid-budget'],
      [replaceLine(16, '17;P2;71'), 16, 'duplicate-voter-id'],
      [replaceLine(15, '18;P1,P1;'), 15, 'duplicate-approval'],
      [replaceLine(10, 'P2;30000;2;Ławki;public space'), 10, 'column-count'],
      [replaceLine(11, 'P3;25000;0;Siłownia;sport;yes'), 11, 'invalid-selected'],
      [replaceLine(8, 'id;cost;votes;name;category;selected'), 8, 'missing-column'],
      [replaceLine(12, 'BALLOTS'), 16, 'missing-section'],
      [GOOD.split('\n').slice(0, 11).join('\n'), 11, 'missing-section'],
      [GOOD.split('\n').slice(0, 12).join('\n'), 12, 'missing-header'],
      [`hello\n${GOOD}`, 1, 'outside-section'],
      [replaceLine(5, 'vote_kind;approval'), 1, 'missing-vote-type'],
      [`${GOOD}\nPROJECTS`, 17, 'duplicate-section'],
    ];
    for (const [text, line, rule] of cases) {
      const first = refused(text)[0]!;
      expect([first.line, first.rule], `${rule} on line ${line}`).toEqual([line, rule]);
      expect(first.message.length).toBeGreaterThan(10);
    }
  });

  it('warns, without refusing, when num_projects disagrees with the rows', () => {
    const result = parsePabulib(replaceLine(6, 'num_projects;4'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ line: 6, rule: 'num-projects-mismatch' })]);
  });
});

describe('writePabulib', () => {
  const election: BudgetElection = {
    budget: 100000,
    meta: {},
    projects: [{ id: 'P1', cost: 60000, name: 'Zielone podwórko; etap 1' }, { id: 'P2', cost: 30000, name: 'Ławki, kosze' }, { id: 'P3', cost: 0, name: 'Nic' }],
    ballots: [[0, 1], [], [1]],
  };

  it('writes META, PROJECTS with recounted votes and VOTES with voters numbered from 1', () => {
    expect(writePabulib(election, { rule: 'equalshares', description: 'Coplan demo' })).toBe(
      [
        'META', 'key;value', 'description;Coplan demo', 'num_projects;3', 'num_votes;3', 'budget;100000', 'vote_type;approval', 'rule;equalshares',
        'PROJECTS', 'project_id;cost;votes;name', 'P1;60000;1;Zielone podwórko  etap 1', 'P2;30000;2;Ławki, kosze', 'P3;0;0;Nic',
        'VOTES', 'voter_id;vote', '1;P1,P2', '2;', '3;P2', '',
      ].join('\n'),
    );
  });

  it('round-trips: what it writes parses back to the same election', () => {
    const parsed = parsePabulib(writePabulib(election, { rule: 'greedy' }));
    expect(parsed.ok && parsed.warnings).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.value.budget).toBe(election.budget);
    expect(parsed.value.ballots).toEqual(election.ballots);
    expect(parsed.value.projects.map((p) => [p.id, p.cost, p.votes])).toEqual([['P1', 60000, 1], ['P2', 30000, 2], ['P3', 0, 0]]);
    expect(parsed.value.projects[1]!.name).toBe('Ławki, kosze');
  });

  it('re-reads the parsed hand-written file unchanged after writing it', () => {
    const first = parsePabulib(GOOD);
    if (!first.ok) throw new Error('GOOD is refused');
    const again = parsePabulib(writePabulib(first.value, { rule: 'greedy' }));
    expect(again.ok && again.value.ballots).toEqual(first.value.ballots);
    expect(again.ok && again.value.projects.map((p) => p.name)).toEqual(first.value.projects.map((p) => p.name));
  });

  it('refuses to write a project id that would break the VOTES column', () => {
    expect(() => writePabulib({ ...election, projects: [{ id: 'a,b', cost: 1, name: 'x' }], ballots: [] }, { rule: 'greedy' })).toThrow(/a,b/);
  });
});
