// the verdicts parseAreas gives every malformed and real boundaries file are those recorded before the turned-box
// search in crossingsBetweenGroups (test/fixtures/out/area-verdicts.json; REGEN=1 writes it again, to be reviewed).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { verdictInputs, verdictOf } from '../support/areaVerdicts.ts';
import type { Verdict } from '../support/areaVerdicts.ts';
import { SHARED_DATA, sharedDataSuite } from '../support/sharedData.ts';

const OUT = path.resolve(import.meta.dirname, '../fixtures/out/area-verdicts.json');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/in');

sharedDataSuite('boundary verdicts', () => {
  it('accepts and refuses every file exactly as recorded, naming the same problems', () => {
    const inputs = verdictInputs(SHARED_DATA, FIXTURES);
    const now = Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, verdictOf(text)]));
    if (process.env.REGEN === '1') writeFileSync(OUT, `${JSON.stringify(now, null, 1)}\n`);
    const recorded = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, Verdict>;
    expect(now).toEqual(recorded);
    // both kinds are in it, including the self-crossing real-world file
    expect(Object.values(now).filter((v) => v.ok).length).toBeGreaterThan(10);
    expect(Object.values(now).filter((v) => !v.ok).length).toBeGreaterThan(20);
    expect(now['shared/bad/realworld-sf-self-intersections.geojson']?.problems.some((p) => p.startsWith('self-intersection'))).toBe(true);
  });
});
