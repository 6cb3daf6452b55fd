// planners answer pins of one consultation: one pin, or many at once, each change kept with the one before it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readBulkResponseBody, readResponseBody } from '../../core/dialogue/pinResponse.ts';
import { ApiError } from '../apiError.ts';
import { publicPin, requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { actorName } from '../staff/viewer.ts';
import type { Answer } from '../storage/dialogue.ts';
import { enforceLimits } from '../writeLimits.ts';

const PIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const asPlanner = { device: null, planner: true };

export function responseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** the signed-in planner's answer (the role is checked first) */
  const answerOf = (request: FastifyRequest, status: Answer['status'], text: string): Answer => {
    const user = request.scope.viewer.user!;
    return { status, text, at: new Date().toISOString(), actor: actorName(user), userId: user.id };
  };
  const allowed = async (request: FastifyRequest) => {
    requireRole(request.scope, ['admin', 'planner'], 'answer pins');
    await enforceLimits([[ctx.limits.staffWrites, request.scope.viewer.user!.id]], 'answers');
  };

  // answering goes on after a consultation closes: that is when most answers are given
  app.put<{ Params: { id: string } }>('/pins/:id/response', async (request) => {
    await allowed(request);
    const body = readResponseBody(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-response', 'The answer is not valid.', body.errors);
    const { id } = request.params;
    const pin = PIN_ID.test(id) ? await request.scope.store.answerPin(id, answerOf(request, body.value.status, body.value.text)) : null;
    if (!pin) throw new ApiError(404, 'pin-not-found', `There is no pin "${id}".`);
    return publicPin(pin, asPlanner);
  });

  // all or nothing: one unknown id and no pin is answered
  app.put('/responses', async (request) => {
    await allowed(request);
    const body = readBulkResponseBody(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-response', 'The answer is not valid.', body.errors);
    const result = await request.scope.store.answerPins(body.value.ids, answerOf(request, body.value.status, body.value.text));
    if (!result.ok) throw new ApiError(404, 'pins-not-found', `${result.missing.length} of the pins are not in this consultation; nothing was answered.`, { missing: result.missing.slice(0, 50) });
    return { pins: result.pins.map((p) => publicPin(p, asPlanner)) };
  });

  app.get<{ Params: { id: string } }>('/pins/:id/response/history', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'read the history of answers');
    const { id } = request.params;
    if (!PIN_ID.test(id) || !(await request.scope.store.getPin(id))) throw new ApiError(404, 'pin-not-found', `There is no pin "${id}".`);
    return { changes: await request.scope.store.responseHistory(id) };
  });
}
