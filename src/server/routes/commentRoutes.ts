// residents discuss a pin: comments with one level of replies (signed devices, rate-limited like other writes), edited
// or deleted by their author for a while, reported by anyone with a device, hidden or restored by planners.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canStillEdit, COMMENT_ID, readCommentEdit, readNewComment } from '../../core/dialogue/comments.ts';
import { threadComments } from '../../core/dialogue/threadComments.ts';
import { storableText } from '../../core/storableText.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import type { DeviceIdentity } from '../auth.ts';
import { publicComment } from '../dialogueViews.ts';
import { deviceOf, isAuthor, isPlanner, requireDevice, requireOpen, requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { actorName } from '../staff/viewer.ts';
import type { StoredComment } from '../storage/dialogue.ts';
import { enforceLimits } from '../writeLimits.ts';

const PIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const moderation = z.object({ reason: z.string({ error: 'reason must be text' }).trim().min(1, 'a reason is required').max(500, 'reason must be at most 500 characters').superRefine(storableText('reason')) }, { error: 'send { "reason": "…" }' });

/** the most pins one comment-counts request may ask about */
const COUNT_PINS_MAX = 200;

type PinParams = { Params: { id: string } };
type CommentParams = { Params: { id: string; commentId: string } };

export function commentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const writeLimits = (request: FastifyRequest, device: DeviceIdentity) => enforceLimits([
    [ctx.limits.writesPerDevice, device.author],
    [ctx.limits.writesPerAddress, request.ip],
    [ctx.limits.writesPerConsultation, request.scope.consultation.id],
  ], 'comments');
  const signedDevice = (request: FastifyRequest): DeviceIdentity => {
    const device = requireDevice(request, ctx.secret);
    // a comment is public speech: only a token this server issued may make one (made-up tokens are free)
    if (!device.signed) throw new ApiError(401, 'device-token-unsigned', 'Commenting needs a device token from this server: get one from POST /api/device.');
    return device;
  };
  const noPin = (id: string) => new ApiError(404, 'pin-not-found', `There is no pin "${id}".`);
  /** the pin as residents may see it: a hidden one does not exist for them */
  const visiblePin = async (request: FastifyRequest<PinParams>) => {
    const { id } = request.params;
    const pin = PIN_ID.test(id) ? await request.scope.store.getPin(id) : null;
    if (!pin || (pin.properties.hidden && !isPlanner(request.scope))) throw noPin(id);
    return pin;
  };
  /** the comment of this pin; a hidden one (or one under a hidden comment) exists for planners only */
  const findComment = async (request: FastifyRequest<CommentParams>): Promise<StoredComment> => {
    const pin = await visiblePin(request);
    const { commentId } = request.params;
    const comment = COMMENT_ID.test(commentId) ? await request.scope.store.getComment(commentId) : null;
    const parent = comment?.parentId ? await request.scope.store.getComment(comment.parentId) : null;
    const vanished = comment !== null && (comment.hidden || parent?.hidden === true);
    if (!comment || comment.pinId !== pin.id || (vanished && !isPlanner(request.scope))) throw new ApiError(404, 'comment-not-found', `There is no comment "${commentId}" on this pin.`);
    return comment;
  };
  /** the author's own comment, still in its edit window */
  const findOwn = async (request: FastifyRequest<CommentParams>): Promise<{ comment: StoredComment; device: DeviceIdentity }> => {
    requireOpen(request.scope);
    const device = requireDevice(request, ctx.secret);
    const comment = await findComment(request);
    if (!isAuthor(comment.author, device)) throw new ApiError(403, 'not-your-comment', 'Only the device that wrote a comment can change or delete it.');
    if (comment.hidden) throw new ApiError(404, 'comment-not-found', `There is no comment "${comment.id}" on this pin.`);
    if (!canStillEdit(comment.createdAt, ctx.clock())) throw new ApiError(409, 'edit-window-closed', 'A comment can be changed or deleted for 15 minutes after it was written.');
    await writeLimits(request, device);
    return { comment, device };
  };

  app.get<PinParams>('/pins/:id/comments', async (request) => {
    const pin = await visiblePin(request);
    const planner = isPlanner(request.scope);
    const viewer = { device: deviceOf(request, ctx.secret), planner };
    const comments = await request.scope.store.listComments(pin.id, { includeHidden: planner });
    return { comments: threadComments(comments).map((c) => publicComment(c, viewer)) };
  });

  // "what changed since your last visit": how many comments others wrote on some pins after a time; counts only, so
  // nothing about who wrote them (hidden comments, and replies under them, are not counted)
  app.get<{ Querystring: { since?: string; pins?: string } }>('/comment-counts', async (request) => {
    const since = Date.parse(request.query.since ?? '');
    if (!Number.isFinite(since)) throw new ApiError(400, 'invalid-query', 'since must be a date and time, e.g. 2026-12-01T10:00:00Z.', { path: 'since' });
    const ids = [...new Set((request.query.pins ?? '').split(',').filter(Boolean))];
    if (ids.length > COUNT_PINS_MAX || ids.some((id) => !PIN_ID.test(id))) {
      throw new ApiError(400, 'invalid-query', `pins must be up to ${COUNT_PINS_MAX} pin ids, comma-separated.`, { path: 'pins' });
    }
    const device = deviceOf(request, ctx.secret);
    const counts: Record<string, number> = {};
    for (const id of ids) {
      const pin = await request.scope.store.getPin(id);
      if (!pin || pin.properties.hidden) continue;
      const comments = threadComments(await request.scope.store.listComments(id, { includeHidden: false }));
      const fresh = comments.filter((c) => Date.parse(c.createdAt) > since && !(device && isAuthor(c.author, device))).length;
      if (fresh) counts[id] = fresh;
    }
    return { counts };
  });

  app.post<PinParams>('/pins/:id/comments', async (request, reply) => {
    requireOpen(request.scope);
    const device = signedDevice(request);
    const pin = await visiblePin(request);
    if (pin.properties.hidden) throw noPin(pin.id);
    await writeLimits(request, device);
    const body = readNewComment(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-comment', 'The comment is not valid.', body.errors);
    const result = await request.scope.store.addComment({
      id: crypto.randomUUID(), pinId: pin.id, parentId: body.value.parentId, author: device.author, text: body.value.text, createdAt: new Date(ctx.clock()).toISOString(),
    });
    if (!result.ok) {
      if (result.code === 'parent-not-found') throw new ApiError(404, 'comment-not-found', 'The comment you reply to is not on this pin.', { path: 'parentId' });
      throw noPin(pin.id);
    }
    return reply.status(201).send(publicComment(result.comment, { device, planner: false }));
  });

  app.patch<CommentParams>('/pins/:id/comments/:commentId', async (request) => {
    const { comment, device } = await findOwn(request);
    const body = readCommentEdit(request.body);
    if (!body.ok) throw new ApiError(400, 'invalid-comment', 'The comment is not valid.', body.errors);
    const edited = await request.scope.store.editComment(comment.id, body.value.text, new Date(ctx.clock()).toISOString());
    if (!edited) throw new ApiError(404, 'comment-not-found', `There is no comment "${comment.id}" on this pin.`);
    return publicComment(edited, { device, planner: false });
  });

  app.delete<CommentParams>('/pins/:id/comments/:commentId', async (request, reply) => {
    const { comment } = await findOwn(request);
    await request.scope.store.deleteComment(comment.id);
    return reply.status(204).send();
  });

  // anyone with a device may report, once per comment; it costs a write, so reports cannot flood the queue
  app.post<CommentParams>('/pins/:id/comments/:commentId/report', async (request) => {
    const device = requireDevice(request, ctx.secret);
    const comment = await findComment(request);
    await writeLimits(request, device);
    const result = await request.scope.store.reportComment(comment.id, device.author, new Date(ctx.clock()).toISOString());
    if (!result) throw new ApiError(404, 'comment-not-found', `There is no comment "${comment.id}" on this pin.`);
    return { reported: true, first: result.added };
  });

  app.post<PinParams>('/pins/:id/report', async (request) => {
    const device = requireDevice(request, ctx.secret);
    const pin = await visiblePin(request);
    await writeLimits(request, device);
    const result = await request.scope.store.reportPin(pin.id, device.author, new Date(ctx.clock()).toISOString());
    if (!result) throw noPin(pin.id);
    return { reported: true, first: result.added };
  });

  for (const action of ['hide', 'restore'] as const) {
    app.post<CommentParams>(`/pins/:id/comments/:commentId/${action}`, async (request) => {
      const { scope } = request;
      requireRole(scope, ['admin', 'planner'], `${action} comments`);
      await enforceLimits([[ctx.limits.staffWrites, scope.viewer.user!.id]], 'moderation actions');
      const body = moderation.safeParse(request.body);
      if (!body.success) throw new ApiError(400, 'invalid-moderation', 'Say why.', zodProblems(body.error));
      const comment = await findComment(request);
      const moderated = await scope.store.moderateComment(comment.id, { hidden: action === 'hide', reason: body.data.reason, actor: actorName(scope.viewer.user!), at: new Date(ctx.clock()).toISOString() });
      if (!moderated) throw new ApiError(404, 'comment-not-found', `There is no comment "${comment.id}" on this pin.`);
      return publicComment(moderated, { device: null, planner: true });
    });
  }
}
