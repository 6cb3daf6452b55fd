// where the shared real-world boundaries live (../shared/data beside the checkout, see its SOURCES.md), and what a suite does without them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** COPLAN_SHARED_DATA overrides the default ../shared/data (a git worktree sits one folder deeper than the checkout). */
export const SHARED_DATA = path.resolve(process.env.COPLAN_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data'));

export const hasSharedData = existsSync(SHARED_DATA);

export const SHARED_DATA_MISSING = `the shared data folder ${SHARED_DATA} is missing: put ../shared/data beside the checkout (see README.md, "Test it") or set COPLAN_SHARED_DATA`;

/**
 * A describe block over files in the shared data folder. Without the folder it is one failing test saying what is
 * missing, as a missing browser or database is: a green run must mean the real boundaries were tested.
 * @example
 * sharedDataSuite('shared real boundaries', () => { it('reads Manchester', () => { ... }); });
 */
export function sharedDataSuite(name: string, body: () => void): void {
  describe(name, hasSharedData ? body : () => sharedDataTest('needs the shared data folder', () => undefined));
}

/** The same for one test inside a block that otherwise runs without the shared data. */
export function sharedDataTest(name: string, body: () => unknown): void {
  it(name, hasSharedData ? body : () => {
    throw new Error(SHARED_DATA_MISSING);
  });
}

/**
 * A file in the shared data folder.
 * @example
 * readFileSync(sharedDataFile('manchester-wards-2023.geojson'), 'utf8')
 */
export function sharedDataFile(name: string): string {
  return path.join(SHARED_DATA, name);
}
