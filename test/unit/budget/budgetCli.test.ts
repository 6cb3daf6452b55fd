// `npm run budget` as a user runs it: a child process on small .pb files, its JSON, its --out file, its exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'coplan-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}
function budget(...args: string[]) {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/budget.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// the worked example of equalShares.test.ts: greedy {c, b} (c before b on cost), Equal Shares {c, b} after 3 add1 steps
const meta = (type: string) => ['META', 'key;value', 'budget;13', `vote_type;${type}`];
const rows = ['PROJECTS', 'project_id;cost;name', 'a;6;Ławka', 'b;7;Drzewa, krzewy', 'c;4;Kosz', 'd;4;Lampa', 'VOTES', 'voter_id;vote', '1;b,d', '2;a,c', '3;b,c'];
const good = file('good.pb', [...meta('approval'), ...rows]);

describe('npm run budget', () => {
  it('prints the greedy and the Equal Shares count as JSON, exit 0', () => {
    const g = budget('--pb', good, '--rule', 'greedy');
    expect([g.status, g.stderr]).toEqual([0, '']);
    expect(JSON.parse(g.stdout)).toEqual({ rule: 'greedy', budget: 13, voters: 3, selected: ['c', 'b'], spent: 11 });
    const out = path.join(dir, 'mes.json');
    const m = budget('--pb', good, '--rule', 'equal-shares', '--out', out);
    expect([m.status, m.stdout, m.stderr]).toEqual([0, '', '']);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ rule: 'equal-shares', budget: 13, voters: 3, selected: ['c', 'b'], spent: 11 });
  }, 30_000);

  it('refuses a cumulative file and an unknown project with one line naming the line and rule, exit 2', () => {
    const cumulative = budget('--pb', file('points.pb', [...meta('cumulative'), ...rows]), '--rule', 'greedy');
    expect(cumulative.status).toBe(2);
    expect(cumulative.stdout).toBe('');
    expect(cumulative.stderr).toMatch(/^budget: .*points\.pb refused: line 4: unsupported-vote-type: vote_type is "cumulative"[^\n]*\n$/);
    const unknown = budget('--pb', file('unknown.pb', [...meta('approval'), ...rows.slice(0, -1), '3;b,x']), '--rule', 'equal-shares');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^budget: .*unknown\.pb refused: line 15: unknown-project: voter 3 votes for project "x"[^\n]*\n$/);
  }, 30_000);

  it('exits 1 on a usage error', () => {
    expect(budget('--pb', good).status).toBe(1);
    const r = budget('--pb', good, '--rule', 'phragmen');
    expect([r.status, r.stderr]).toEqual([1, 'budget: --rule must be greedy or equal-shares, got "phragmen"\n']);
  }, 30_000);
});
