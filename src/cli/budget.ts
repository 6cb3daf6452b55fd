// command line: count a pabulib approval election by greedy or by Equal Shares (add1), so anyone can recount a vote.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { equalShares } from '../core/budget/equalShares.ts';
import { greedy } from '../core/budget/greedy.ts';
import { parsePabulib } from '../core/budget/pabulib.ts';

const RULES = ['greedy', 'equal-shares'] as const;
type Rule = (typeof RULES)[number];

const HELP = `Usage: npm run budget -- --pb <file.pb> --rule greedy|equal-shares [--out <file>]

Counts a pabulib .pb file with approval ballots (vote_type approval) and prints JSON
  { "rule", "budget", "voters", "selected": [project ids in the order they were funded], "spent" }
  greedy        projects by approvals (ties: lower cost, then id), each funded if it still fits
  equal-shares  Method of Equal Shares with add1 completion (each voter holds budget / voters; one unit more per
                voter at a time while the outcome fits the budget)
  --out <file>  write the JSON to a file instead of stdout.

Exit 0 on success (warnings on stderr); 2 when the file is refused (another vote_type, unknown project ids,
broken sections ...), with one line naming the line of the file and the rule; 1 on a usage error.`;

function fail(message: string, code: number): never {
  process.stderr.write(`budget: ${message}\n`);
  process.exit(code);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { pb: { type: 'string' }, rule: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    fail(`${(err as Error).message}\n\n${HELP}`, 1);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!values.pb || !values.rule) fail(`--pb and --rule are required\n\n${HELP}`, 1);
  if (!RULES.includes(values.rule as Rule)) fail(`--rule must be greedy or equal-shares, got "${values.rule}"`, 1);
  let text: string;
  try {
    text = readFileSync(values.pb, 'utf8');
  } catch (err) {
    fail(`cannot read ${values.pb}: ${(err as Error).message}`, 1);
  }
  const parsed = parsePabulib(text);
  if (!parsed.ok) {
    const [first, ...more] = parsed.errors;
    const others = more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : '';
    fail(`${values.pb} refused: line ${first!.line}: ${first!.rule}: ${first!.message}${others}`, 2);
  }
  for (const w of parsed.warnings) process.stderr.write(`budget: warning: line ${w.line}: ${w.rule}: ${w.message}\n`);
  const outcome = values.rule === 'greedy' ? greedy(parsed.value) : equalShares(parsed.value);
  const { rule, budget, voters, selected, spent } = outcome;
  const json = `${JSON.stringify({ rule, budget, voters, selected, spent })}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
}

main();
