// POST /api/device: the server issues resident device tokens, signed with its secret, at a limited rate per address.
import type { FastifyInstance } from 'fastify';
import { DEVICE_ID, legacyAuthorOf, authorOf, newDeviceToken, signDeviceId } from '../auth.ts';
import { ApiError } from '../apiError.ts';
import type { ServerContext } from '../serverContext.ts';
import { enforceLimits } from '../writeLimits.ts';

export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // `{ previous }`: a device that has a token from before tokens were signed (a bare id) gets that id signed, so its
  // pins and supports stay its own; they are re-keyed to the keyed author hash at the same time
  app.post('/api/device', async (request, reply) => {
    const body = request.body;
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) throw new ApiError(400, 'invalid-device-request', 'Send no body, or { "previous": "<token>" }.');
    const previous = (body as { previous?: unknown } | null | undefined)?.previous;
    if (previous !== undefined && (typeof previous !== 'string' || !DEVICE_ID.test(previous))) {
      throw new ApiError(400, 'invalid-device-request', '"previous" must be the device\'s old token: 16-128 characters of A-Z, a-z, 0-9, "-" or "_".');
    }
    await enforceLimits([[ctx.limits.devicesPerAddress, request.ip]], 'new device tokens from this address');
    if (previous === undefined) return reply.status(201).send({ token: newDeviceToken(ctx.secret) });
    await ctx.storage.adoptAuthor(legacyAuthorOf(previous), authorOf(previous, ctx.secret));
    return reply.status(201).send({ token: signDeviceId(previous, ctx.secret) });
  });
}
