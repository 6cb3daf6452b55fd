// the bbox query parameter of the API (?bbox=west,south,east,north), read the same way by every route.
import { z } from 'zod';

/**
 * `bbox=west,south,east,north` in degrees as a tuple; refused unless four finite numbers with west <= east, south <= north.
 * @example
 * bboxQuery.parse('-2.3,53.4,-2.2,53.5') // => [-2.3, 53.4, -2.2, 53.5]
 */
export const bboxQuery = z
  .string()
  .transform((s) => s.split(',').map((part) => (part.trim() === '' ? NaN : Number(part))))
  .refine((n) => n.length === 4 && n.every(Number.isFinite), 'bbox must be four numbers: west,south,east,north (minLng,minLat,maxLng,maxLat)')
  .refine((n) => n[0]! <= n[2]! && n[1]! <= n[3]!, 'bbox must be west,south,east,north with west <= east and south <= north')
  .transform((n) => n as unknown as [number, number, number, number]);
