// planner-chosen quotes for the results page: a planner features a visible pin's words; the public reads them as text.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { actorName } from '../staff/viewer.ts';
import { enforceLimits } from '../writeLimits.ts';

const PIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const quoteBody = z.object({ featured: z.boolean({ error: 'featured must be true or false' }) }, { error: 'send { "featured": true }' }).strict();

export function quoteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.put<{ Params: { id: string } }>('/pins/:id/quote', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'feature quotes');
    const user = request.scope.viewer.user!;
    await enforceLimits([[ctx.limits.staffWrites, user.id]], 'quotes');
    const body = quoteBody.safeParse(request.body);
    if (!body.success) throw new ApiError(400, 'invalid-quote', 'The quote choice is not valid.', zodProblems(body.error));
    const { id } = request.params;
    const result = PIN_ID.test(id) ? await request.scope.store.featureQuote(id, { featured: body.data.featured, actor: actorName(user), at: new Date(ctx.clock()).toISOString() }) : 'pin-not-found';
    if (result === 'pin-not-found') throw new ApiError(404, 'pin-not-found', `There is no pin "${id}".`);
    if (result === 'pin-hidden') throw new ApiError(409, 'pin-hidden', 'A hidden pin cannot be featured: its words are not public.');
    return { id, featured: body.data.featured };
  });

  // public, like the results page that shows them: words only, never who wrote them
  app.get('/quotes', async (request) => ({
    quotes: (await request.scope.store.featuredQuotes()).map((q) => ({ pinId: q.pinId, text: q.text, theme: q.theme, kind: q.kind })),
  }));
}
