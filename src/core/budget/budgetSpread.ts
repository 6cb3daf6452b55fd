// where the funded money goes: per neighbourhood and per resident, and how many voters got at least one project they voted for.
import { populationOf } from '../contributionRates.ts';
import { createAreaLocator } from '../createAreaLocator.ts';
import type { AreaCollection, LngLat } from '../types.ts';
import type { BudgetProjectRecord } from './budgetWire.ts';

/** one area's part of a rule's outcome */
export interface AreaSpread {
  id: string;
  name: string;
  /** money funded in the area; a project in several areas counts its cost split equally between them */
  funded: number;
  /** ids of the funded projects in (or partly in) the area */
  projects: string[];
  /** from the area's population property; null without one (or when it is missing, zero or not a number) */
  population: number | null;
  /** money per resident, two decimals; null without a population */
  perResident: number | null;
  /** voters whose area is known to be this one */
  voters: number;
  /** of them, those with at least one funded project they voted for */
  votersWithFunded: number;
  /** votersWithFunded ÷ voters, 0 to 1; null without voters */
  share: number | null;
}

export interface BudgetSpread {
  areas: AreaSpread[];
  /** funded projects with no area: no location, or a point outside every area (city-wide) */
  unplaced: { funded: number; projects: string[] };
  voters: number;
  votersWithFunded: number;
  /** votersWithFunded ÷ voters; null without voters */
  share: number | null;
  /** voters whose area is not known (or not one of the areas): in the overall figures only */
  votersWithoutArea: number;
}

export interface SpreadInput {
  projects: readonly Pick<BudgetProjectRecord, 'id' | 'cost' | 'location'>[];
  areas: AreaCollection;
  /** each voter's approved project ids */
  ballots: readonly (readonly string[])[];
  /** each voter's area id (same order as ballots), null where not known; leave out when no voter's area is known */
  voterAreas?: readonly (string | null)[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Spreads one rule's funded projects over the consultation's areas: a project's location (a point, located in the
 * first area containing it, or a list of area ids) gives its areas; population comes from `options.populationProperty`.
 * Voters count for their own area only where `voterAreas` says it. Inputs are not changed.
 * @example
 * budgetSpread(['a'], { projects: [{ id: 'a', cost: 900, location: { areas: ['north'] } }, { id: 'b', cost: 500, location: null }],
 *   areas, ballots: [['a'], ['b']], voterAreas: ['north', null] }, { populationProperty: 'pop' })
 * // => areas: [{ id: 'north', funded: 900, perResident: 0.9 (pop 1000), voters: 1, votersWithFunded: 1, share: 1 }, …],
 * //    unplaced: { funded: 0, projects: [] }, voters: 2, votersWithFunded: 1, share: 0.5, votersWithoutArea: 1
 */
export function budgetSpread(selected: readonly string[], input: SpreadInput, options: { populationProperty?: string } = {}): BudgetSpread {
  const areaIndex = new Map(input.areas.features.map((f, i) => [String(f.id ?? f.properties.id), i]));
  const n = input.areas.features.length;
  const funded = new Float64Array(n);
  const fundedProjects: string[][] = Array.from({ length: n }, () => []);
  const unplaced = { funded: 0, projects: [] as string[] };
  const chosen = new Set(selected);
  let locate: ((p: LngLat) => string | null) | null = null;
  for (const project of input.projects) {
    if (!chosen.has(project.id)) continue;
    const location = project.location;
    let ids: number[] = [];
    if (location && 'point' in location) {
      locate ??= createAreaLocator(input.areas);
      const id = locate(location.point);
      if (id !== null && areaIndex.has(id)) ids = [areaIndex.get(id)!];
    } else if (location && 'areas' in location) {
      ids = [...new Set(location.areas.flatMap((a) => (areaIndex.has(a) ? [areaIndex.get(a)!] : [])))];
    }
    if (ids.length === 0) {
      unplaced.funded += project.cost;
      unplaced.projects.push(project.id);
      continue;
    }
    for (const i of ids) {
      funded[i]! += project.cost / ids.length;
      fundedProjects[i]!.push(project.id);
    }
  }
  const voters = new Int32Array(n);
  const happy = new Int32Array(n);
  let votersWithFunded = 0;
  let votersWithoutArea = 0;
  input.ballots.forEach((ballot, v) => {
    const got = ballot.some((id) => chosen.has(id));
    if (got) votersWithFunded++;
    const area = input.voterAreas?.[v];
    const i = area === null || area === undefined ? undefined : areaIndex.get(area);
    if (i === undefined) {
      votersWithoutArea++;
      return;
    }
    voters[i]!++;
    if (got) happy[i]!++;
  });
  const areas = input.areas.features.map((f, i): AreaSpread => {
    const population = options.populationProperty ? populationOf(f.properties, options.populationProperty) : null;
    return {
      id: String(f.id ?? f.properties.id),
      name: String(f.properties.name ?? f.properties.id),
      funded: funded[i]!,
      projects: fundedProjects[i]!,
      population,
      perResident: population === null ? null : Math.round((funded[i]! / population) * 100) / 100,
      voters: voters[i]!,
      votersWithFunded: happy[i]!,
      share: ratio(happy[i]!, voters[i]!),
    };
  });
  const total = input.ballots.length;
  return { areas, unplaced, voters: total, votersWithFunded, share: ratio(votersWithFunded, total), votersWithoutArea };
}
