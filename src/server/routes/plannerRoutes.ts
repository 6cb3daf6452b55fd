// device tokens for residents; passphrase sign-in, moderation, audit log and export for planners.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pinsToCsv, pinsToGeoJson } from '../../core/exportPins.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { createSessionToken, newDeviceToken, passphraseMatches, sessionCookie } from '../auth.ts';
import { isPlanner, publicPin, requirePlanner } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import type { ServerPin } from '../storage/storage.ts';

const signIn = z.object({ passphrase: z.string({ error: 'passphrase must be text' }).min(1, 'passphrase is required').max(1024) }, { error: 'send { "passphrase": "…" }' });
const moderation = z.object({ reason: z.string({ error: 'reason must be text' }).trim().min(1, 'a reason is required').max(500, 'reason must be at most 500 characters') }, { error: 'send { "reason": "…" }' });

/** what leaves the server in an export: no author hashes, no moderation fields */
const forExport = (pin: ServerPin) => {
  const { author: _author, hidden: _hidden, hiddenReason: _reason, ...properties } = pin.properties;
  return { ...pin, properties };
};

export function plannerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/device', async (_request, reply) => reply.status(201).send({ token: newDeviceToken() }));

  app.get('/api/session', async (request) => ({ role: isPlanner(ctx, request) ? 'planner' : 'resident' }));

  app.post('/api/session', async (request, reply) => {
    const tooMany = (retryAfterSeconds: number) =>
      new ApiError(429, 'too-many-attempts', `Too many wrong passphrases; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    // only wrong passphrases count, and an address at the limit is refused even the right one
    const blocked = await ctx.limits.signInFailures.check(request.ip);
    if (!blocked.ok) throw tooMany(blocked.retryAfterSeconds);
    const body = signIn.safeParse(request.body);
    if (!body.success) throw new ApiError(400, 'invalid-sign-in', 'The sign-in request is not valid.', zodProblems(body.error));
    // WARNING: counted as a failure before comparing and taken back when right: with the count in a database, checking
    // and counting afterwards would let a burst of simultaneous guesses all pass the check before any of them counted
    const attempt = await ctx.limits.signInFailures.hit(request.ip);
    if (!attempt.ok) throw tooMany(attempt.retryAfterSeconds);
    if (!passphraseMatches(body.data.passphrase, ctx.passphrase)) throw new ApiError(401, 'wrong-passphrase', 'That passphrase is not right.');
    await ctx.limits.signInFailures.undo(attempt);
    const expiresAt = Date.now() + ctx.sessionTtlMs;
    const token = createSessionToken(ctx.passphrase, expiresAt);
    void reply.header('set-cookie', sessionCookie(token, Math.floor(ctx.sessionTtlMs / 1000), ctx.secureCookies));
    return { role: 'planner', token, expiresAt: new Date(expiresAt).toISOString() };
  });

  app.delete('/api/session', async (_request, reply) => {
    void reply.header('set-cookie', sessionCookie('', 0, ctx.secureCookies));
    return reply.status(204).send();
  });

  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: string } }>(`/api/pins/:id/${action}`, async (request) => {
      requirePlanner(ctx, request);
      const body = moderation.safeParse(request.body);
      if (!body.success) throw new ApiError(400, 'invalid-moderation', 'Say why.', zodProblems(body.error));
      const pin = await ctx.storage.moderatePin(request.params.id, { hidden: action === 'hide', reason: body.data.reason, actor: 'planner', at: new Date().toISOString() });
      if (!pin) throw new ApiError(404, 'pin-not-found', `There is no pin "${request.params.id}".`);
      return publicPin(pin, { author: null, planner: true });
    });
  }

  app.get('/api/audit', async (request) => {
    requirePlanner(ctx, request);
    return { entries: await ctx.storage.listAudit() };
  });

  app.get('/api/export/pins.geojson', async (request, reply) => {
    requirePlanner(ctx, request);
    const pins = (await ctx.storage.listPins()).map(forExport);
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="coplan-pins.geojson"')
      .send(pinsToGeoJson(pins));
  });

  app.get('/api/export/pins.csv', async (request, reply) => {
    requirePlanner(ctx, request);
    const pins = (await ctx.storage.listPins()).map(forExport);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="coplan-pins.csv"')
      .send(pinsToCsv(pins, { themes: ctx.catalog.themes(), areas: ctx.catalog.areas() }));
  });
}
