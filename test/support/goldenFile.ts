// golden (expected-output) files: REGEN=1 rewrites them locally and names each one it changed; CI refuses REGEN.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * With REGEN=1 (locally), writes `text` to the golden file when it differs, and prints that file's name so the
 * change can be reviewed (`git diff test/fixtures/out`). Without REGEN it does nothing. Under CI it throws: a
 * regenerated golden file would make its own test pass whatever the code does.
 * Returns whether the file was changed.
 * @example
 * regenerateGolden('test/fixtures/out/aggregate-hole.geojson', `${JSON.stringify(actual, null, 1)}\n`);
 */
export function regenerateGolden(file: string, text: string): boolean {
  if (!process.env.REGEN) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error('REGEN=1 refuses to run in CI: golden files are regenerated locally, reviewed as a diff and committed');
  }
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (before === text) return false;
  writeFileSync(file, text);
  console.warn(`REGEN: ${before === null ? 'created' : 'changed'} ${path.relative(repoRoot, file)}`);
  return true;
}
