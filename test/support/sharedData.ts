// where the shared real-world boundaries live (../shared/data beside the checkout, see its SOURCES.md), and what a suite does without them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** COPLAN_SHARED_DATA overrides the default ../shared/data (a git worktree sits one folder deeper than the checkout). */
export const SHARED_DATA = path.resolve(process.env.COPLAN_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data'));

export const hasSharedData = existsSync(SHARED_DATA);

/** In CI the shared data is required: the real-boundary comparisons are the point of these suites. */
const required = process.env.CI === 'true' || process.env.CI === '1';

export const SHARED_DATA_MISSING = `the shared data folder ${SHARED_DATA} is missing: put ../shared/data beside the checkout (see README.md, "Test it") or set COPLAN_SHARED_DATA`;

/**
 * A describe block over files in the shared data folder. With the folder: the block as written. Without it, in CI
 * (CI=true): one failing test saying what is missing. Without it, locally: the block is skipped, which the test
 * summary counts and prints.
 * WARNING: a failure in CI, not a skip: a green CI run must mean the real boundaries were tested.
 * @example
 * sharedDataSuite('shared real boundaries', () => { it('reads Manchester', () => { ... }); });
 */
export function sharedDataSuite(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
    return;
  }
  if (required) {
    describe(name, () => {
      it('needs the shared data folder', () => {
        throw new Error(SHARED_DATA_MISSING);
      });
    });
    return;
  }
  console.warn(`${name}: skipped, ${SHARED_DATA_MISSING}`);
  describe.skip(name, body);
}

/** The same for one test inside a block that otherwise runs without the shared data. */
export function sharedDataTest(name: string, body: () => unknown): void {
  if (hasSharedData) it(name, body);
  else if (required) it(name, () => {
    throw new Error(SHARED_DATA_MISSING);
  });
  else {
    console.warn(`${name}: skipped, ${SHARED_DATA_MISSING}`);
    it.skip(name, body);
  }
}

/**
 * A file in the shared data folder.
 * @example
 * readFileSync(sharedDataFile('manchester-wards-2023.geojson'), 'utf8')
 */
export function sharedDataFile(name: string): string {
  return path.join(SHARED_DATA, name);
}
