// …/areas and …/themes of one consultation: anyone who can see it reads them; its planners replace them, all-or-nothing.
import type { FastifyInstance } from 'fastify';
import { createAreaLocator } from '../../core/createAreaLocator.ts';
import type { AreaCollection, LngLat } from '../../core/types.ts';
import { ApiError } from '../apiError.ts';
import { prepareAreasText, validateThemesBody } from '../catalog.ts';
import { requireRole } from '../serverContext.ts';
import { actorName } from '../staff/viewer.ts';
import type { ReplaceResult } from '../storage/storage.ts';

export interface CatalogLimits {
  /** largest accepted areas upload in bytes (real boundary files run to megabytes) */
  areasBodyLimit: number;
}

export function catalogRoutes(app: FastifyInstance, limits: CatalogLimits): void {
  const refused = (result: Extract<ReplaceResult, { ok: false }>) => {
    const message = result.code === 'pins-outside-areas'
      ? `${result.count} pin(s) would fall outside the new areas; nothing was changed. Include their places in the areas, or remove those pins first.`
      : `${result.count} pin(s) use a theme the new list drops; nothing was changed.`;
    return new ApiError(409, result.code, message, { count: result.count, pins: result.sample });
  };

  app.get('/areas', async (request) => request.scope.catalog.areas());
  app.get('/themes', async (request) => request.scope.catalog.themes());

  // WARNING: its own plugin, whose JSON parser hands the route the body's text: the worker parses it, so a 10 MB upload
  // no longer blocks the event loop for fastify's JSON.parse. The size cap still applies while the body is read, and the
  // role is checked in onRequest, before a byte of it is read
  app.register(async function areasUpload(upload) {
    upload.removeContentTypeParser('application/json');
    upload.addContentTypeParser(['application/json', 'application/geo+json'], { parseAs: 'string', bodyLimit: limits.areasBodyLimit }, (_request, text, done) => done(null, text));
    upload.put('/areas', {
      bodyLimit: limits.areasBodyLimit,
      onRequest: async (request) => requireRole(request.scope, ['admin', 'planner'], 'replace the boundaries'),
    }, async (request) => {
      const { scope } = request;
      // the worker checks the file and, when it is good, locates every pin known now in it and writes the text to store
      const positions = await scope.store.pinPositions();
      // keyed by position, as the transaction reads them back (the buffer itself goes to the worker)
      const keys: string[] = [];
      for (let i = 0; i < positions.length; i += 2) keys.push(`${positions[i]} ${positions[i + 1]}`);
      const prepared = await prepareAreasText(typeof request.body === 'string' ? request.body : '', positions);
      if (!prepared.ok) throw new ApiError(400, 'invalid-areas', 'The areas are not valid; nothing was changed.', prepared.errors);
      const { accepted } = prepared;
      const known = new Map(keys.map((key, i) => [key, accepted.located[i] ?? null]));
      // the pins are read again inside the storage transaction, so a refusal leaves everything as it was; a pin placed
      // or moved since the worker read them is located here (the areas are parsed and the locator built only then)
      let late: ((p: LngLat) => string | null) | null = null;
      const locate = (p: readonly [number, number]) => {
        const area = known.get(`${p[0]} ${p[1]}`);
        if (area !== undefined) return area;
        late ??= createAreaLocator(JSON.parse(accepted.stored) as AreaCollection);
        return late([p[0], p[1]]);
      };
      const result = await scope.store.replaceAreas(accepted.stored, locate, actorName(scope.viewer.user!));
      if (!result.ok) throw refused(result);
      await scope.catalog.reload();
      return { ok: true, areas: accepted.features, reassigned: result.reassigned, warnings: accepted.warnings, warningCount: accepted.warningCount };
    });
  });

  app.put('/themes', async (request) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'replace the themes');
    const parsed = validateThemesBody(request.body);
    if (!parsed.ok) throw new ApiError(400, 'invalid-themes', 'The themes are not valid; nothing was changed.', parsed.errors);
    const result = await scope.store.replaceThemes(parsed.value, actorName(scope.viewer.user!));
    if (!result.ok) throw refused(result);
    await scope.catalog.reload();
    return { ok: true, themes: parsed.value.length, warnings: parsed.warnings };
  });
}
