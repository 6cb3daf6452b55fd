// the response explorer's API (issue 17): one page of the pins' words for any filter and sort, and the filtered pins as files that say which filters made them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pinsToCsv, pinsToGeoJson } from '../../core/exportPins.ts';
import { RESPONSES_EXPORT_SOURCE, exportCaption, exportFileName, type ExportProvenance } from '../../core/exportProvenance.ts';
import { queryResponses } from '../../core/responses/responseIndex.ts';
import { parseResponseQuery, responseFilterOf, type ResponseQuery } from '../../core/responses/responseQuery.ts';
import type { PinFeature } from '../../core/types.ts';
import { ApiError } from '../apiError.ts';
import { responseIndexCacheFor } from '../responseIndexCache.ts';
import { requireRole } from '../serverContext.ts';
import { provenanceOf } from './exportRoutes.ts';

function queryOf(request: FastifyRequest): ResponseQuery {
  const parsed = parseResponseQuery(request.query as Record<string, unknown>);
  if (!parsed.ok) throw new ApiError(400, 'invalid-query', 'The response explorer options are not valid.', parsed.problems);
  return parsed.query;
}

/** what leaves the server in an export: no author hashes, no moderation fields */
function forExport(pin: PinFeature): PinFeature {
  const { author: _author, hidden: _hidden, hiddenReason: _reason, ...properties } = pin.properties as PinFeature['properties'] & { hidden?: boolean; hiddenReason?: string };
  return { ...pin, properties };
}

async function filteredExport(request: FastifyRequest): Promise<{ pins: PinFeature[]; provenance: ExportProvenance & { caption: string } }> {
  const { scope } = request;
  requireRole(scope, ['admin', 'planner'], 'export responses');
  // an export holds visible pins only, whatever the explorer was showing: hidden words are not for reports
  // the answer panel's filters (answer, bbox) are not a file's: an export states every filter it applied
  const query = { ...queryOf(request), moderation: 'visible' as const, answer: null, bbox: null };
  const { index, order } = await responseIndexCacheFor(scope).ordered(responseFilterOf(query), query.sort, query.dir);
  const pins = order.map((i) => forExport(index.pins[i]!));
  const provenance = provenanceOf(scope, {
    layer: 'responses',
    filters: { kind: query.kind, themes: query.themes, sessions: null, area: query.area, text: query.text || null },
    dateRange: { from: query.from, to: query.to },
    pins: pins.length,
    // each pin as it is: raw, for planners only
    counts: 'raw',
    minCount: 0,
    source: RESPONSES_EXPORT_SOURCE,
  });
  return { pins, provenance: { ...provenance, caption: exportCaption(provenance) } };
}

const disposition = (p: ExportProvenance, ext: string) => `attachment; filename="${exportFileName(p.consultation.slug, 'responses', p.exportedAt, ext, 'raw')}"`;

export function explorerRoutes(app: FastifyInstance): void {
  app.get('/responses', async (request) => {
    const { scope } = request;
    requireRole(scope, ['admin', 'planner'], 'read the responses');
    const query = queryOf(request);
    const { index, order } = await responseIndexCacheFor(scope).ordered(responseFilterOf(query), query.sort, query.dir);
    const page = queryResponses(index, query, order);
    return { ...page, limit: query.limit };
  });

  app.get('/export/responses.geojson', async (request, reply) => {
    const { pins, provenance } = await filteredExport(request);
    return reply.type('application/geo+json; charset=utf-8').header('content-disposition', disposition(provenance, 'geojson')).send(pinsToGeoJson(pins, provenance));
  });

  app.get('/export/responses.csv', async (request, reply) => {
    const { pins, provenance } = await filteredExport(request);
    const { scope } = request;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', disposition(provenance, 'csv'))
      .send(pinsToCsv(pins, { themes: scope.catalog.themes(), areas: scope.catalog.areas() }));
  });

  app.get('/export/responses-caption.txt', async (request, reply) => {
    const { provenance } = await filteredExport(request);
    return reply.type('text/plain; charset=utf-8').header('content-disposition', disposition(provenance, 'txt').replace('.txt', '-caption.txt')).send(provenance.caption);
  });
}
