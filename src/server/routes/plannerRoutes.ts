// one consultation's staff work: moderation (planners; facilitators for table pins), the audit log and the exports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pinsToCsv, pinsToGeoJson } from '../../core/exportPins.ts';
import { exportCaption, exportFileName } from '../../core/exportProvenance.ts';
import { storableText } from '../../core/storableText.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { publicPin, requireRole } from '../serverContext.ts';
import { actorName } from '../staff/viewer.ts';
import type { ServerPin } from '../storage/storage.ts';
import { provenanceOf } from './exportRoutes.ts';

const moderation = z.object({ reason: z.string({ error: 'reason must be text' }).trim().min(1, 'a reason is required').max(500, 'reason must be at most 500 characters').superRefine(storableText('reason')) }, { error: 'send { "reason": "…" }' });

/** what leaves the server in an export: no author hashes, no moderation fields */
const forExport = (pin: ServerPin) => {
  const { author: _author, hidden: _hidden, hiddenReason: _reason, ...properties } = pin.properties;
  return { ...pin, properties };
};

/** a file name that says which consultation it came from and when */
const attachment = (slug: string, exportedAt: string, ext: string) => `attachment; filename="${exportFileName(slug, 'pins', exportedAt, ext)}"`;

export function plannerRoutes(app: FastifyInstance): void {
  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: string } }>(`/pins/:id/${action}`, async (request) => {
      const { scope } = request;
      requireRole(scope, ['admin', 'planner', 'facilitator'], `${action} pins`);
      const body = moderation.safeParse(request.body);
      if (!body.success) throw new ApiError(400, 'invalid-moderation', 'Say why.', zodProblems(body.error));
      const current = await scope.store.getPin(request.params.id);
      if (!current) throw new ApiError(404, 'pin-not-found', `There is no pin "${request.params.id}".`);
      // a facilitator runs the table: they moderate the pins made at it (those with a workshop session), not the map's
      if (scope.role === 'facilitator' && current.properties.sessionId === undefined) {
        throw new ApiError(403, 'forbidden', 'Facilitators moderate pins made at the table; ask a planner for pins made on the map.');
      }
      const pin = await scope.store.moderatePin(current.id, { hidden: action === 'hide', reason: body.data.reason, actor: actorName(scope.viewer.user!), at: new Date().toISOString() });
      if (!pin) throw new ApiError(404, 'pin-not-found', `There is no pin "${request.params.id}".`);
      return publicPin(pin, { author: null, planner: true });
    });
  }

  app.get('/audit', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'read the audit log');
    return { entries: await request.scope.store.listAudit() };
  });

  app.get('/export/pins.geojson', async (request, reply) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'export pins');
    const pins = (await scope.store.listPins()).map(forExport);
    // each pin as it is (nothing is counted, so nothing is protected): raw, for planners only
    const provenance = provenanceOf(scope, { layer: 'pins', pins: pins.length, counts: 'raw', minCount: 0 });
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', attachment(scope.consultation.slug, provenance.exportedAt, 'geojson'))
      .send(pinsToGeoJson(pins, { ...provenance, caption: exportCaption(provenance) }));
  });

  app.get('/export/pins.csv', async (request, reply) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'export pins');
    const pins = (await scope.store.listPins()).map(forExport);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment(scope.consultation.slug, new Date().toISOString(), 'csv'))
      .send(pinsToCsv(pins, { themes: scope.catalog.themes(), areas: scope.catalog.areas() }));
  });
}
