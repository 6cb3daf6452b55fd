// a consultation's moderation queue: reported comments and pins that no planner has settled yet, oldest report first.
import type { FastifyInstance } from 'fastify';
import { publicComment } from '../dialogueViews.ts';
import { publicPin, requireRole } from '../serverContext.ts';

const QUEUE_LIMIT = 200;

export function moderationRoutes(app: FastifyInstance): void {
  app.get('/moderation', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'read the moderation queue');
    const viewer = { device: null, planner: true };
    const items = await request.scope.store.moderationQueue(QUEUE_LIMIT);
    return {
      items: items.map((item) => ({
        type: item.type,
        reports: item.reports,
        firstReportedAt: item.firstReportedAt,
        pin: publicPin(item.pin, viewer),
        ...(item.comment ? { comment: publicComment(item.comment, viewer) } : {}),
      })),
    };
  });
}
