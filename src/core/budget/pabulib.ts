// reads pabulib `.pb` files (META, PROJECTS, VOTES; `;`-separated) into an approval election, refusing what it cannot count.
import type { BudgetElection, BudgetProject, PbProblem, PbValidated } from './election.ts';

type Section = 'META' | 'PROJECTS' | 'VOTES';
const SECTIONS: readonly Section[] = ['META', 'PROJECTS', 'VOTES'];
const WHOLE = /^\d+$/;
// a stop after this many errors: one broken file should not print 50,000 lines
const MAX_ERRORS = 20;
const CARRIES: Record<string, string> = { cumulative: 'points', ordinal: 'a ranking', scoring: 'scores' };

interface Row { line: number; text: string; fields: string[] }
interface Block { line: number; header: string[]; rows: Row[] }

/** Splits the text into its three sections; each starts with its name on a line, then a header line. */
function splitSections(lines: string[], errors: PbProblem[]): Partial<Record<Section, Block>> {
  const blocks: Partial<Record<Section, Block>> = {};
  let current: Block | undefined;
  let expected = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '') return;
    const name = text.toUpperCase() as Section;
    if (SECTIONS.includes(name) && !text.includes(';')) {
      const at = SECTIONS.indexOf(name);
      if (blocks[name]) errors.push({ line, rule: 'duplicate-section', message: `section ${name} appears twice (first on line ${blocks[name]!.line})` });
      else if (at < expected) errors.push({ line, rule: 'section-order', message: `section ${name} must come before ${SECTIONS[expected - 1]}: the order is META, PROJECTS, VOTES` });
      current = { line, header: [], rows: [] };
      blocks[name] = current;
      expected = at + 1;
      return;
    }
    if (!current) {
      errors.push({ line, rule: 'outside-section', message: 'text before the first section: a .pb file starts with a line META' });
      return;
    }
    const fields = text.split(';').map((f) => f.trim());
    if (current.header.length === 0) current.header = fields.map((f) => f.toLowerCase());
    else current.rows.push({ line, text, fields });
  });
  for (const name of SECTIONS) {
    const block = blocks[name];
    if (!block) errors.push({ line: lines.length, rule: 'missing-section', message: `the file has no ${name} section (a line ${name}, a header line, then rows)` });
    else if (block.header.length === 0) errors.push({ line: block.line, rule: 'missing-header', message: `section ${name} has no header line after it` });
  }
  return blocks;
}

/** Rows with exactly as many fields as the header; others are errors. */
function checkedRows(name: Section, block: Block, errors: PbProblem[]): Row[] {
  return block.rows.filter((row) => {
    if (row.fields.length === block.header.length) return true;
    errors.push({ line: row.line, rule: 'column-count', message: `${name} row has ${row.fields.length} fields where the header (line ${block.line + 1}) has ${block.header.length}; values may contain commas, never semicolons` });
    return false;
  });
}

function column(name: Section, block: Block, key: string, errors: PbProblem[]): number {
  const at = block.header.indexOf(key);
  if (at < 0) errors.push({ line: block.line + 1, rule: 'missing-column', message: `the ${name} header has no "${key}" column` });
  return at;
}

function readMeta(block: Block, errors: PbProblem[], warnings: PbProblem[]): { meta: Record<string, string>; budget: number; lines: Record<string, number> } {
  const meta: Record<string, string> = {};
  const lines: Record<string, number> = {};
  for (const row of block.rows) {
    if (row.fields.length < 2) {
      errors.push({ line: row.line, rule: 'meta-row', message: 'a META row is key;value' });
      continue;
    }
    const key = row.fields[0]!.toLowerCase();
    // a value may itself contain ';' (descriptions do): keep the rest of the line
    meta[key] = row.text.slice(row.text.indexOf(';') + 1).trim();
    lines[key] = row.line;
  }
  const voteType = meta.vote_type;
  if (voteType === undefined) errors.push({ line: block.line, rule: 'missing-vote-type', message: 'META has no vote_type; only vote_type approval can be counted' });
  else if (voteType.toLowerCase() !== 'approval') {
    const carries = CARRIES[voteType.toLowerCase()] ?? 'more than approvals';
    errors.push({ line: lines.vote_type!, rule: 'unsupported-vote-type', message: `vote_type is "${voteType}": only approval ballots can be counted (${voteType} ballots carry ${carries}, which greedy and Equal Shares over approvals would ignore)` });
  }
  const budgetText = meta.budget;
  const budget = budgetText === undefined ? NaN : Number(budgetText.replace(',', '.'));
  if (budgetText === undefined) errors.push({ line: block.line, rule: 'missing-budget', message: 'META has no budget' });
  else if (!(Number.isFinite(budget) && budget > 0) || budgetText.trim() === '') {
    errors.push({ line: lines.budget!, rule: 'invalid-budget', message: `budget must be a positive number, got "${budgetText}"` });
  }
  if (meta.budget !== undefined && meta.max_sum_cost !== undefined && meta.max_sum_cost !== meta.budget) {
    warnings.push({ line: lines.max_sum_cost!, rule: 'max-sum-cost', message: `max_sum_cost (${meta.max_sum_cost}) differs from budget (${meta.budget}); the budget is what is spent` });
  }
  return { meta, budget, lines };
}

function readProjects(block: Block, errors: PbProblem[]): { projects: BudgetProject[]; byId: Map<string, number> } {
  const id = column('PROJECTS', block, 'project_id', errors);
  const cost = column('PROJECTS', block, 'cost', errors);
  const name = block.header.indexOf('name');
  const votes = block.header.indexOf('votes');
  const selected = block.header.indexOf('selected');
  const projects: BudgetProject[] = [];
  const byId = new Map<string, number>();
  const firstLine = new Map<string, number>();
  if (id < 0 || cost < 0) return { projects, byId };
  for (const row of checkedRows('PROJECTS', block, errors)) {
    const f = row.fields;
    const pid = f[id]!;
    if (pid === '') {
      errors.push({ line: row.line, rule: 'missing-project-id', message: 'project_id is empty' });
      continue;
    }
    if (/[,;]/.test(pid)) errors.push({ line: row.line, rule: 'invalid-project-id', message: `project_id "${pid}" contains a comma, which votes use to separate ids` });
    if (byId.has(pid)) {
      errors.push({ line: row.line, rule: 'duplicate-project-id', message: `project_id "${pid}" already appears on line ${firstLine.get(pid)}` });
      continue;
    }
    if (!WHOLE.test(f[cost]!)) {
      errors.push({ line: row.line, rule: 'invalid-cost', message: `project ${pid}: cost must be a whole number of currency units, 0 or more, got "${f[cost]}"` });
      continue;
    }
    const project: BudgetProject = { id: pid, cost: Number(f[cost]), name: name >= 0 ? f[name]! : pid };
    if (votes >= 0 && WHOLE.test(f[votes]!)) project.votes = Number(f[votes]);
    if (selected >= 0 && (f[selected] === '0' || f[selected] === '1')) project.selected = f[selected] === '1';
    else if (selected >= 0 && f[selected] !== '') errors.push({ line: row.line, rule: 'invalid-selected', message: `project ${pid}: selected must be 0 or 1, got "${f[selected]}"` });
    byId.set(pid, projects.length);
    firstLine.set(pid, row.line);
    projects.push(project);
  }
  if (projects.length === 0 && errors.length === 0) errors.push({ line: block.line, rule: 'no-projects', message: 'the PROJECTS section has no rows' });
  return { projects, byId };
}

function readVotes(block: Block, byId: Map<string, number>, errors: PbProblem[]): number[][] {
  const voter = column('VOTES', block, 'voter_id', errors);
  const vote = column('VOTES', block, 'vote', errors);
  const ballots: number[][] = [];
  if (voter < 0 || vote < 0) return ballots;
  const seen = new Map<string, number>();
  for (const row of checkedRows('VOTES', block, errors)) {
    if (errors.length >= MAX_ERRORS) break;
    const vid = row.fields[voter]!;
    if (seen.has(vid)) {
      errors.push({ line: row.line, rule: 'duplicate-voter-id', message: `voter_id "${vid}" already voted on line ${seen.get(vid)}` });
      continue;
    }
    seen.set(vid, row.line);
    const text = row.fields[vote]!;
    const ballot: number[] = [];
    for (const pid of text === '' ? [] : text.split(',').map((s) => s.trim())) {
      const p = byId.get(pid);
      if (p === undefined) errors.push({ line: row.line, rule: 'unknown-project', message: `voter ${vid} votes for project "${pid}", which is not in PROJECTS` });
      else if (ballot.includes(p)) errors.push({ line: row.line, rule: 'duplicate-approval', message: `voter ${vid} lists project "${pid}" twice` });
      else ballot.push(p);
    }
    ballots.push(ballot);
  }
  return ballots;
}

/**
 * Parses a pabulib `.pb` file with approval ballots. Refused, each problem naming its 1-based line and rule: another
 * vote_type (cumulative, ordinal, scoring), missing or repeated sections or headers, rows with the wrong number of
 * fields, duplicate project or voter ids, costs that are not whole numbers ≥ 0, a budget that is not a positive
 * number, votes for unknown projects. Warned: num_projects / num_votes that disagree with the rows.
 * @example
 * parsePabulib('META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;6\nVOTES\nvoter_id;vote\n1;a')
 * // => { ok: true, value: { budget: 10, projects: [{ id: 'a', cost: 6, name: 'a' }], ballots: [[0]], meta: {…} }, warnings: [] }
 */
export function parsePabulib(text: string): PbValidated<BudgetElection> {
  const errors: PbProblem[] = [];
  const warnings: PbProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const blocks = splitSections(lines, errors);
  if (errors.length > 0 || !blocks.META || !blocks.PROJECTS || !blocks.VOTES) return { ok: false, errors, warnings };
  const { meta, budget, lines: metaLines } = readMeta(blocks.META, errors, warnings);
  const { projects, byId } = readProjects(blocks.PROJECTS, errors);
  const ballots = errors.length > 0 ? [] : readVotes(blocks.VOTES, byId, errors);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS), warnings };
  for (const [key, count, what] of [['num_projects', projects.length, 'PROJECTS'], ['num_votes', ballots.length, 'VOTES']] as const) {
    if (meta[key] !== undefined && Number(meta[key]) !== count) {
      warnings.push({ line: metaLines[key]!, rule: `${key.replace('_', '-')}-mismatch`, message: `${key} says ${meta[key]}, but ${what} has ${count} rows; the rows are counted` });
    }
  }
  return { ok: true, value: { budget, projects, ballots, meta }, warnings };
}
