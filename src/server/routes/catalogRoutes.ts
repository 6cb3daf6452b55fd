// …/areas and …/themes of one consultation: anyone who can see it reads them; its planners replace them, all-or-nothing.
import type { FastifyInstance } from 'fastify';
import { createAreaLocator } from '../../core/createAreaLocator.ts';
import { ApiError } from '../apiError.ts';
import { validateAreasText, validateThemesBody } from '../catalog.ts';
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
      const parsed = await validateAreasText(typeof request.body === 'string' ? request.body : '');
      if (!parsed.ok) throw new ApiError(400, 'invalid-areas', 'The areas are not valid; nothing was changed.', parsed.errors);
      // locate with the new areas, inside the storage transaction, so a refusal leaves everything as it was
      const locate = createAreaLocator(parsed.value);
      const result = await scope.store.replaceAreas(parsed.value, (p) => locate([p[0], p[1]]), actorName(scope.viewer.user!));
      if (!result.ok) throw refused(result);
      await scope.catalog.reload();
      return { ok: true, areas: parsed.value.features.length, reassigned: result.reassigned, warnings: parsed.warnings };
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
