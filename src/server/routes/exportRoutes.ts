// one consultation's exports for GIS, spreadsheets and reports: area counts as flat columns, pins, and a caption for each.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { aggregateAreas } from '../../core/aggregateAreas.ts';
import { flatLayerCsv, flatLayerCsvt, flatLayerFeatures, type FlatLayerCollection } from '../../core/areaLayerExport.ts';
import { storedSettings } from '../../core/consultations/settings.ts';
import { contributionRates } from '../../core/contributionRates.ts';
import type { PinCounts } from '../../core/countPins.ts';
import { EXPORT_SOURCE, exportCaption, exportFileName, type ExportProvenance } from '../../core/exportProvenance.ts';
import type { PublishedCount, PublishedCounts } from '../../core/smallCounts.ts';
import { assetConfirmationColumns } from '../assetConfirmationColumns.ts';
import { requireRole, type Scope } from '../serverContext.ts';
import { filterQuery, parse, pinFilter } from './aggregateRoutes.ts';

const exportQuery = filterQuery.extend({
  // planners ask for raw counts; by default (and for everyone else) counts are protected, fit for publication
  counts: z.enum(['raw', 'protected'], { error: 'counts must be "raw" or "protected"' }).default('protected'),
});

export interface AreaExport {
  layer: FlatLayerCollection;
  provenance: ExportProvenance;
  /** pins in no area: a number, or null where protection hides it */
  outside: number | null;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** what every export says about itself, from the consultation's own settings */
export function provenanceOf(scope: Scope, fields: Pick<ExportProvenance, 'layer' | 'pins' | 'counts' | 'minCount'> & Partial<ExportProvenance>): ExportProvenance {
  const settings = storedSettings(scope.consultation.settings);
  return {
    consultation: { slug: scope.consultation.slug, title: scope.consultation.title },
    filters: { kind: null, themes: null, sessions: null },
    dateRange: { from: null, to: null },
    exportedAt: new Date().toISOString(),
    source: EXPORT_SOURCE,
    boundaryCopyright: settings.boundaryCopyright ?? null,
    ...fields,
  };
}

/**
 * The consultation's areas with their counts for one filter, flattened, and what the file says about itself. Raw
 * counts only for its planners and admins (401/403 otherwise); protected ones use the consultation's minCount.
 */
async function areaExport(request: FastifyRequest): Promise<AreaExport> {
  const { scope } = request;
  const q = parse(exportQuery, request.query);
  if (q.counts === 'raw') requireRole(scope, ['admin', 'planner'], 'export raw counts (leave out counts=raw for the protected version)');
  const k = q.counts === 'raw' ? 0 : storedSettings(scope.consultation.settings).minCount;
  const filter = pinFilter(q);
  const areas = scope.catalog.areas();
  // hidden pins are left out, as from every published figure
  const pins = { type: 'FeatureCollection', features: await scope.store.listPins() };
  const raw = aggregateAreas(areas, pins, { filter });
  const published = k > 1 ? aggregateAreas(areas, pins, { filter, minCount: k }) : raw;
  const population = storedSettings(scope.consultation.settings).populationProperty;
  // who is heard: the rate per 1,000 residents beside the counts, withheld where the count is
  const rates = population
    ? contributionRates(raw.features.map((f) => (f.properties as { counts: PinCounts }).counts.total), areas.features.map((f) => f.properties), population, published.features.map((f) => typeof (f.properties as { counts: PublishedCounts }).counts.total !== 'number'))
    : null;
  // residents' confirmations of the council's assets: their own columns, never added to the pins
  const confirmed = await assetConfirmationColumns(scope.store.layers(), areas, k);
  const extra = rates || confirmed ? areas.features.map((_, i) => ({ ...(rates ? { per_thousand: rates.areas[i]!.perThousand, quiet: rates.areas[i]!.quiet } : {}), ...confirmed?.[i] })) : undefined;
  const layer = flatLayerFeatures(published, { themes: scope.catalog.themes().map((t) => t.id), ...(extra ? { extra } : {}) });
  const rawOutside = raw.outside as number;
  const covered = raw.features.reduce((sum, f) => sum + (f.properties as { counts: PinCounts }).counts.total, rawOutside);
  const outside: PublishedCount = published.outside;
  const anyHidden = typeof outside !== 'number' || layer.features.some((f) => f.properties.total_hidden === true);
  // the unfiltered number of pins is public anyway (GET /api/consultations); a filtered one beside a hidden area total would give it away
  const filtered = Object.keys(filter).length > 0;
  const provenance = provenanceOf(scope, {
    layer: 'areas',
    filters: { kind: filter.kind ?? null, themes: filter.themes ?? null, sessions: filter.sessions ?? null },
    dateRange: { from: iso(filter.from), to: iso(filter.to) },
    pins: k > 1 && filtered && anyHidden ? null : covered,
    counts: k > 1 ? 'protected' : 'raw',
    minCount: k,
  });
  return { layer, provenance, outside: typeof outside === 'number' ? outside : null };
}

function download(reply: FastifyReply, type: string, filename: string, body: string, disposition: 'attachment' | 'inline' = 'attachment') {
  return reply.type(type).header('content-disposition', `${disposition}; filename="${filename}"`).send(body);
}

const nameOf = (e: { provenance: ExportProvenance }, what: string, ext: string) => exportFileName(e.provenance.consultation.slug, what, e.provenance.exportedAt, ext, e.provenance.counts);

export function exportRoutes(app: FastifyInstance): void {
  app.get('/export/areas.geojson', async (request, reply) => {
    const e = await areaExport(request);
    const body = { type: 'FeatureCollection', coplan: { ...e.provenance, outside: e.outside, caption: exportCaption(e.provenance) }, features: e.layer.features };
    return download(reply, 'application/geo+json; charset=utf-8', nameOf(e, 'areas', 'geojson'), `${JSON.stringify(body, null, 1)}\n`);
  });

  app.get('/export/areas.csv', async (request, reply) => {
    const e = await areaExport(request);
    return download(reply, 'text/csv; charset=utf-8', nameOf(e, 'areas', 'csv'), flatLayerCsv(e.layer));
  });

  // GDAL's column types for areas.csv: saved beside it under the same name, QGIS reads counts as integers
  app.get('/export/areas.csvt', async (request, reply) => {
    const e = await areaExport(request);
    return download(reply, 'text/plain; charset=utf-8', nameOf(e, 'areas', 'csvt'), flatLayerCsvt(e.layer));
  });

  // what a report needs under a table or map made from areas.csv: the same query gives the same facts
  app.get('/export/caption.txt', async (request, reply) => {
    const e = await areaExport(request);
    return download(reply, 'text/plain; charset=utf-8', nameOf(e, 'areas-caption', 'txt'), exportCaption(e.provenance), 'inline');
  });
}
