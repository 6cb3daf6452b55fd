import { describe, expect, it } from 'vitest';
import { createPlannerEngine } from '../../src/core/plannerEngine.ts';
import { plannerResultFromJson, plannerResultToJson, plannerSummaryFromJson, PlannerWireError } from '../../src/core/plannerWire.ts';
import { testAreas, testPin } from '../support/serverFixtures.ts';

function someResult() {
  const engine = createPlannerEngine();
  const pins = [testPin({ position: [-2.25, 53.45] }), testPin({ position: [-2.15, 53.45], kind: 'priority', theme: 'safety', supports: 3 })];
  engine.load(testAreas(), { type: 'FeatureCollection', features: pins });
  return engine.query({ filter: {}, hexMetres: 500, area: null, topN: 5 });
}

describe('planner results as JSON', () => {
  it('round-trips through JSON text with typed arrays intact', () => {
    const result = someResult();
    const back = plannerResultFromJson(JSON.parse(JSON.stringify(plannerResultToJson(result))));
    expect(back).toEqual(result);
    expect(back.areas.total).toBeInstanceOf(Uint32Array);
    expect(Array.from(back.areas.total)).toEqual([1, 1, 0]);
  });

  it('keeps "no dated pin" as NaN through null', () => {
    const result = { ...someResult(), weeks: { firstWeek: NaN, asset: new Uint32Array(0), priority: new Uint32Array(0), undated: 2 } };
    const json = plannerResultToJson(result);
    expect(json.weeks.firstWeek).toBeNull();
    expect(plannerResultFromJson(JSON.parse(JSON.stringify(json))).weeks.firstWeek).toBeNaN();
  });

  it('refuses answers whose arrays do not fit together, or whose counts are not counts', () => {
    const json = plannerResultToJson(someResult());
    const short = { ...json, areas: { ...json.areas, total: json.areas.total.slice(1) } };
    expect(() => plannerResultFromJson(short)).toThrow(PlannerWireError);
    expect(() => plannerResultFromJson(short)).toThrow(/areas: total, asset and priority must have nGroups \+ 1 entries/);
    const negative = { ...json, hexes: { ...json.hexes, total: json.hexes.total.map(() => -1) } };
    expect(() => plannerResultFromJson(negative)).toThrow(/hexes\.total\.0/);
    expect(() => plannerSummaryFromJson({ pins: 'many' })).toThrow(/the summary answer pins/);
  });
});
