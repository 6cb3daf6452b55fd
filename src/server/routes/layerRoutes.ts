// …/layers of one consultation: planners upload and delete context layers; everyone who can see the consultation reads
// them; residents confirm, miss or report closed the features of an assets layer.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { storedSettings } from '../../core/consultations/settings.ts';
import { readLayerUpload } from '../../core/layers/readLayerUpload.ts';
import { suppressCount } from '../../core/smallCounts.ts';
import { ApiError } from '../apiError.ts';
import { ASSET_VERDICTS } from '../storage/layerStorage.ts';
import type { AssetVerdict } from '../storage/layerStorage.ts';
import { deviceOf, isPlanner, requireDevice, requireOpen, requireRole } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import { enforceLimits } from '../writeLimits.ts';

type LayerParams = { Params: { id: string } };
type FeatureParams = { Params: { id: string; featureId: string } };

const notFound = (id: string) => new ApiError(404, 'layer-not-found', `There is no layer "${id}" in this consultation.`);

/**
 * Registers the context layer routes under `/api/consultations/:slug`.
 * @example
 * layerRoutes(scoped, ctx, { bodyLimit: 10 * 1024 * 1024 });
 */
export function layerRoutes(app: FastifyInstance, ctx: ServerContext, options: { bodyLimit: number }): void {
  // runs after the consultation's own onRequest (its scope), and before the body is read: a visitor's upload is never parsed
  const plannerFirst = async (request: FastifyRequest) => requireRole(request.scope, ['admin', 'planner'], 'manage context layers');
  const staffLimit = (request: FastifyRequest) => enforceLimits([[ctx.limits.staffWrites, request.scope.viewer.user!.id]], 'changes');

  app.post('/layers', { bodyLimit: options.bodyLimit, onRequest: plannerFirst }, async (request, reply) => {
    await staffLimit(request);
    const upload = readLayerUpload(request.body, [...request.scope.catalog.themeIds()]);
    if (!upload.ok) throw new ApiError(400, 'invalid-layer', 'The layer is not valid: nothing was stored.', upload.errors);
    const { name, kind, features } = upload.value;
    const id = crypto.randomUUID();
    await request.scope.store.layers().createLayer({ id, name, kind, featureCount: features.features.length, createdAt: new Date(ctx.clock()).toISOString(), features });
    return reply.status(201).send({ id, features });
  });

  app.get('/layers', async (request) => ({ layers: await request.scope.store.layers().listLayers() }));

  app.get<LayerParams>('/layers/:id', async (request) => {
    const layers = request.scope.store.layers();
    const layer = await layers.getLayer(request.params.id);
    if (!layer) throw notFound(request.params.id);
    const base = { type: 'FeatureCollection' as const, id: layer.id, name: layer.name, kind: layer.kind, createdAt: layer.createdAt };
    if (layer.kind !== 'assets') return { ...base, features: layer.features.features };
    const counts = await layers.confirmationCounts(layer.id);
    const device = deviceOf(request, ctx.secret);
    const mine = device ? await layers.verdictsOf(layer.id, device.author) : {};
    // residents' verdicts are published under the consultation's small-count rule; its planners see them raw
    const k = isPlanner(request.scope) ? 0 : storedSettings(request.scope.consultation.settings).minCount;
    const features = layer.features.features.map((f) => {
      const c = counts[f.id] ?? { valued: 0, missing: 0, closed: 0 };
      const confirmations = Object.fromEntries(ASSET_VERDICTS.map((v) => [v, k > 1 ? suppressCount(c[v], k) : c[v]]));
      const own = mine[f.id];
      return { ...f, properties: { ...f.properties, confirmations, ...(own ? { myVerdict: own } : {}) } };
    });
    return { ...base, features };
  });

  app.delete<LayerParams>('/layers/:id', { onRequest: plannerFirst }, async (request, reply) => {
    await staffLimit(request);
    if (!(await request.scope.store.layers().deleteLayer(request.params.id))) throw notFound(request.params.id);
    return reply.status(204).send();
  });

  app.post<FeatureParams>('/layers/:id/features/:featureId/confirm', async (request) => {
    requireOpen(request.scope);
    const device = requireDevice(request, ctx.secret);
    // a confirmation counts beside supports in the planner's layers, so only a token this server issued may give one
    if (!device.signed) throw new ApiError(401, 'device-token-unsigned', 'Confirming needs a device token from this server: get one from POST /api/device.');
    const verdict = (request.body as { verdict?: unknown } | null)?.verdict;
    if (typeof verdict !== 'string' || !ASSET_VERDICTS.includes(verdict as AssetVerdict)) {
      throw new ApiError(400, 'invalid-verdict', `Send { "verdict": ${ASSET_VERDICTS.map((v) => `"${v}"`).join(' | ')} }.`);
    }
    await enforceLimits([[ctx.limits.supportsPerDevice, device.author], [ctx.limits.supportsPerAddress, request.ip], [ctx.limits.writesPerConsultation, request.scope.consultation.id]], 'confirmations');
    const { id, featureId } = request.params;
    const result = await request.scope.store.layers().confirm(id, featureId, device.author, verdict as AssetVerdict, new Date(ctx.clock()).toISOString());
    if (result === 'no-layer') throw notFound(id);
    if (result === 'not-assets') throw new ApiError(409, 'not-an-assets-layer', 'Only the features of an assets layer can be confirmed.');
    if (result === 'no-feature') throw new ApiError(404, 'feature-not-found', `Layer "${id}" has no feature "${featureId}".`);
    return { verdict, created: result.created };
  });
}
