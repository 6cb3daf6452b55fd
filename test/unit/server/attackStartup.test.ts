// point 12 of issue 11: what goes wrong at start is said in one line, with what to do (main.ts spawned as `npm start` runs it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(import.meta.dirname, '../../../src/server/main.ts');

function start(env: Record<string, string>): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', LOG: '0', DATABASE_URL: '', COPLAN_ADMIN_EMAIL: '', COPLAN_ADMIN_PASSWORD: '', BASEMAP: 'none', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  console.log(`start-up with ${JSON.stringify(env)}: exit ${run.status}, ${lines.length} line(s): ${lines.join(' | ')}`);
  return { status: run.status, lines };
}

describe('start-up errors', () => {
  it('a DATA_DIR that cannot be written: one line naming it and the fix', () => {
    // root ignores folder permissions, so as root a read-only file system stands in for a read-only folder
    const dir = process.getuid?.() === 0 ? '/sys/fs/coplan-data' : fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-ro-'));
    if (process.getuid?.() !== 0) fs.chmodSync(dir, 0o555);
    const { status, lines } = start({ DATA_DIR: path.join(dir, 'data') });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^coplan did not start: DATA_DIR .* cannot be written \(E[A-Z]+\): make it writable/);
  });

  it('a DATA_DIR that does not exist and cannot be made', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-file-')), 'not-a-folder');
    fs.writeFileSync(file, '');
    const { status, lines } = start({ DATA_DIR: path.join(file, 'data') });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^coplan did not start: DATA_DIR .* does not exist and cannot be made \(ENOTDIR\): create it/)]);
  });

  it('a corrupt database file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-corrupt-'));
    fs.writeFileSync(path.join(dir, 'coplan.sqlite'), 'this is not a database, it is a shopping list: eggs, milk, bread, tea'.repeat(100));
    const { status, lines } = start({ DATA_DIR: dir });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/coplan\.sqlite is not a readable SQLite database \(SQLITE_NOTADB\): restore it from a backup, or move it away/)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an unreachable DATABASE_URL', () => {
    const { status, lines } = start({ DATABASE_URL: 'postgres://coplan@127.0.0.1:1/coplan' });
    expect(status).toBe(1);
    expect(lines).toEqual(['coplan did not start: cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED): start it, or fix DATABASE_URL']);
  });
});
