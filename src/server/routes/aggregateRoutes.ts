// GET /api/aggregates/areas: per-area pin counts computed on the server, so planners need not download every pin.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { aggregateAreas } from '../../core/aggregateAreas.ts';
import type { PinFilter } from '../../core/countPins.ts';
import { PIN_KINDS } from '../../core/types.ts';
import type { PinKind } from '../../core/types.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import type { ServerContext } from '../serverContext.ts';

const query = z.object({
  kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]], { error: 'kind must be "asset" or "priority"' }).optional(),
  theme: z.string().max(64 * 20).optional(),
  // session=a,b counts those workshop sessions; an empty name (session=,a or session=) stands for pins made online
  session: z.string().max(65 * 20).optional(),
  minCount: z.coerce.number({ error: 'minCount must be a whole number' }).int('minCount must be a whole number').min(0).max(1000).optional(),
});

export function aggregateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/aggregates/areas', async (request) => {
    const q = query.safeParse(request.query);
    if (!q.success) throw new ApiError(400, 'invalid-query', 'The aggregate options are not valid.', zodProblems(q.error));
    const filter: PinFilter = {};
    if (q.data.kind) filter.kind = q.data.kind;
    // theme=a,b counts pins of either theme
    if (q.data.theme) filter.themes = q.data.theme.split(',').map((t) => t.trim()).filter(Boolean);
    if (q.data.session !== undefined) filter.sessions = q.data.session.split(',').map((s) => s.trim());
    // hidden pins are left out: moderation removes a pin from every published figure
    const pins = await ctx.storage.listPins();
    return aggregateAreas(ctx.catalog.areas(), { type: 'FeatureCollection', features: pins }, { filter, ...(q.data.minCount !== undefined ? { minCount: q.data.minCount } : {}) });
  });
}
