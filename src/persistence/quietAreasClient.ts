// who is not being heard: the consultation's areas with their rate per 1,000 residents, from GET …/aggregates/areas
// (small-count protected as published), checked before use.
import { z } from 'zod';
import type { Geometry } from 'geojson';
import type { PublishedCount } from '../core/smallCounts.ts';
import type { HttpRepository } from './httpRepository.ts';

const count = z.union([z.number().int().nonnegative(), z.object({ suppressed: z.literal(true), lessThan: z.number().optional(), atLeast: z.number().optional() })]);
const answerSchema = z.object({
  perThousand: z.number().nullable().optional(),
  populationProperty: z.string().optional(),
  features: z.array(z.object({
    geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    properties: z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string().optional(),
      counts: z.object({ total: count }),
      perThousand: z.number().nullable().optional(),
      quiet: z.boolean().optional(),
    }).passthrough(),
  })),
});

export interface AreaRateView {
  id: string;
  name: string;
  geometry: Geometry;
  total: PublishedCount;
  /** null where the population is missing or zero, or the count is withheld */
  perThousand: number | null;
  quiet: boolean;
}

export interface QuietAreasAnswer {
  /** the consultation's own rate; null when no area has a population */
  perThousand: number | null;
  /** null when the consultation names no population property (there are then no rates) */
  populationProperty: string | null;
  areas: AreaRateView[];
}

/**
 * The areas' rates as the public sees them.
 * @example
 * const { areas } = await readQuietAreas(api); areas.filter((a) => a.quiet);
 */
export async function readQuietAreas(api: Pick<HttpRepository, 'consultationBase' | 'getJson'>): Promise<QuietAreasAnswer> {
  const answer = answerSchema.parse(await api.getJson(`${api.consultationBase}/aggregates/areas`));
  return {
    perThousand: answer.perThousand ?? null,
    populationProperty: answer.populationProperty ?? null,
    areas: answer.features.map((f) => ({
      id: f.properties.id, name: f.properties.name ?? f.properties.id, geometry: f.geometry as unknown as Geometry,
      total: f.properties.counts.total as PublishedCount, perThousand: f.properties.perThousand ?? null, quiet: f.properties.quiet === true,
    })),
  };
}
