// …/pins/near: the visible pins within a radius of a point, nearest first, for the planner's budget section (the
// assets near a project) without sending it the consultation's pins. Staff of the consultation only.
import type { FastifyInstance } from 'fastify';
import { assetsNear } from '../../core/budget/projectPlaces.ts';
import { parseNearQuery } from '../../core/pins/nearPinsWire.ts';
import type { NearAnswer } from '../../core/pins/nearPinsWire.ts';
import type { LngLat } from '../../core/types.ts';
import { ApiError } from '../apiError.ts';
import { requireRole } from '../serverContext.ts';

/** metres per degree of latitude (and of longitude at the equator), on the mean earth radius */
const METRES_PER_DEGREE = 111_195;
/** the most pins one answer reads from storage (the box around the circle); past it the radius is too wide here */
const NEAR_READ_MAX = 50_000;

/**
 * [west, south, east, north] around a circle, a little wider than it; the box is the storage's index, the circle is Turf's.
 * @example
 * boxAround([0, 0], 111_195) // => about [-1.01, -1.01, 1.01, 1.01]
 */
export function boxAround([lng, lat]: LngLat, metres: number): [number, number, number, number] {
  const dLat = (metres / METRES_PER_DEGREE) * 1.01;
  const cos = Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180);
  const dLng = Math.min(180, dLat / cos);
  return [Math.max(-180, lng - dLng), Math.max(-90, lat - dLat), Math.min(180, lng + dLng), Math.min(90, lat + dLat)];
}

export function nearRoutes(app: FastifyInstance): void {
  app.get('/pins/near', async (request): Promise<NearAnswer> => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'find the pins near a place');
    const parsed = parseNearQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) throw new ApiError(400, 'invalid-query', 'The place, radius or limit is not valid.', parsed.problems);
    const { position, radius, kind, limit } = parsed.query;
    // hidden pins are moderation's business, not a project's: never in this answer
    const boxed = await scope.store.listPins({ bbox: boxAround(position, radius), kind, limit: NEAR_READ_MAX + 1 });
    if (boxed.length > NEAR_READ_MAX) throw new ApiError(422, 'too-many-pins', `More than ${NEAR_READ_MAX} pins are around this place: ask for a smaller radius.`);
    const near = assetsNear(position, boxed, { metres: radius, kind });
    return {
      pins: near.slice(0, limit).map(({ pin, metres }) => ({
        id: pin.id,
        kind: pin.properties.kind,
        theme: pin.properties.theme,
        title: pin.properties.title,
        position: [pin.geometry.coordinates[0]!, pin.geometry.coordinates[1]!],
        metres,
      })),
      truncated: near.length > limit,
    };
  });
}
