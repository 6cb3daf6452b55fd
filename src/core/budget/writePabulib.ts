// writes an approval election back to a pabulib `.pb` file, with anonymous voter ids, so anyone can recount it.
import type { BudgetElection } from './election.ts';
import { approvalCounts } from './greedy.ts';

export interface WritePabulibOptions {
  /** the rule the consultation counts officially, written as META `rule` (pabulib names: greedy, equalshares) */
  rule: string;
  description?: string;
}

// a field may not hold the separators: ';' splits columns, a line break splits rows
const field = (text: string) => text.replace(/[;\r\n]+/g, ' ').trim();

/**
 * Writes META (description, num_projects, num_votes, budget, vote_type approval, rule), PROJECTS
 * (project_id;cost;votes;name, votes recounted from the ballots) and VOTES (voter_id;vote, voters numbered 1, 2, …
 * in ballot order, so no voter's identity leaves). Semicolons and line breaks inside names become spaces.
 * WARNING: project ids must not contain ',' or ';' (votes list ids with commas): such an election throws.
 * @example
 * writePabulib({ budget: 10, meta: {}, projects: [{ id: 'a', cost: 6, name: 'Park' }], ballots: [[0]] }, { rule: 'greedy' })
 * // => 'META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;10\nvote_type;approval\nrule;greedy\nPROJECTS\n
 * //     project_id;cost;votes;name\na;6;1;Park\nVOTES\nvoter_id;vote\n1;a\n'
 */
export function writePabulib(election: BudgetElection, options: WritePabulibOptions): string {
  const { projects, ballots } = election;
  for (const p of projects) {
    if (/[,;\r\n]/.test(p.id) || p.id.trim() === '') throw new Error(`project id "${p.id}" cannot be written to a .pb file: ids may not be empty or contain , ; or line breaks`);
  }
  const counts = approvalCounts(election);
  const out = ['META', 'key;value'];
  if (options.description) out.push(`description;${field(options.description)}`);
  out.push(`num_projects;${projects.length}`, `num_votes;${ballots.length}`, `budget;${election.budget}`, 'vote_type;approval', `rule;${field(options.rule)}`);
  out.push('PROJECTS', 'project_id;cost;votes;name');
  projects.forEach((p, i) => out.push(`${p.id};${p.cost};${counts[i]};${field(p.name)}`));
  out.push('VOTES', 'voter_id;vote');
  ballots.forEach((ballot, v) => out.push(`${v + 1};${ballot.map((p) => projects[p]!.id).join(',')}`));
  return `${out.join('\n')}\n`;
}
