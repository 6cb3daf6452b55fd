// one consultation's staff work: moderation (planners; facilitators for table pins), the audit log and the exports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pinsToCsv, pinsToGeoJson } from '../../core/exportPins.ts';
import { exportCaption, exportFileName } from '../../core/exportProvenance.ts';
import { storableText } from '../../core/storableText.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { publicPin, requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { enforceLimits } from '../writeLimits.ts';
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

/** a share of a pin's supports from one address above this, with at least SUPPORT_REPORT_MIN supports, is flagged */
export const UNUSUAL_SHARE = 0.3;
const SUPPORT_REPORT_MIN = 10;

export function plannerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const action of ['hide', 'restore'] as const) {
    app.post<{ Params: { id: string } }>(`/pins/:id/${action}`, async (request) => {
      const { scope } = request;
      requireRole(scope, ['admin', 'planner', 'facilitator'], `${action} pins`);
      await enforceLimits([[ctx.limits.staffWrites, scope.viewer.user!.id]], 'moderation actions');
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
      return publicPin(pin, { device: null, planner: true });
    });
  }

  // how a pin's supports spread over client addresses (keyed hashes, never the addresses): a high share from one address
  // is how support stuffing from one place shows. Addresses are numbered by rank, not named
  app.get<{ Params: { id: string } }>('/pins/:id/support-report', async (request) => {
    requireRole(request.scope, ['admin', 'planner'], 'read support reports');
    const report = /^[A-Za-z0-9_.:-]{1,128}$/.test(request.params.id) ? await request.scope.store.supportReport(request.params.id) : null;
    if (!report) throw new ApiError(404, 'pin-not-found', `There is no pin "${request.params.id}".`);
    const known = report.byAddress.filter((a) => a.addressHash !== null);
    const counted = known.reduce((n, a) => n + a.supports, 0);
    const top = known[0]?.supports ?? 0;
    const topShare = counted === 0 ? 0 : top / counted;
    return {
      supports: report.supports,
      // supports given before addresses were kept
      unknownAddress: report.byAddress.filter((a) => a.addressHash === null).reduce((n, a) => n + a.supports, 0),
      addresses: known.length,
      topShare,
      unusual: counted >= SUPPORT_REPORT_MIN && topShare > UNUSUAL_SHARE,
      byAddress: known.slice(0, 20).map((a) => ({ address: a.addressHash!.slice(0, 8), supports: a.supports })),
    };
  });

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
