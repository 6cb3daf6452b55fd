// the response explorer over pins held on this device (device-only mode, or a file opened for analysis): the same core queries, here.
import { pinsToCsv, pinsToGeoJson } from '../../core/exportPins.ts';
import { RESPONSES_EXPORT_SOURCE, exportCaption, exportFileName } from '../../core/exportProvenance.ts';
import type { ExportProvenance } from '../../core/exportProvenance.ts';
import { buildResponseIndex, queryResponses, selectResponses, sortResponses } from '../../core/responses/responseIndex.ts';
import type { AreaCollection, PinFeature, Theme } from '../../core/types.ts';
import type { ResponseSource } from './responseSource.ts';

export interface LocalResponseData {
  pins: readonly PinFeature[];
  themes: readonly Theme[];
  areas: AreaCollection;
  /** what the files name as their consultation */
  consultation: { slug: string; title: string };
  boundaryCopyright?: string | null;
}

/**
 * A ResponseSource over pins in memory. There is no server here, so nothing can be moderated.
 * @example
 * const source = createLocalResponseSource({ pins, themes, areas, consultation: { slug: 'device', title: 'This device' } });
 * (await source.page(DEFAULT_RESPONSE_QUERY)).rows[0].title
 */
export function createLocalResponseSource(data: LocalResponseData): ResponseSource {
  const index = buildResponseIndex(data.pins, { themes: data.themes, areas: data.areas });
  const ordered = (query: Parameters<ResponseSource['page']>[0]) => sortResponses(index, selectResponses(index, { ...query, moderation: 'visible' }), query.sort, query.dir);
  return {
    async page(query) {
      return queryResponses(index, query, ordered(query));
    },
    async exportFile(query, format) {
      const pins = ordered(query).map((i) => index.pins[i]!);
      const provenance: ExportProvenance = {
        consultation: data.consultation,
        layer: 'responses',
        filters: { kind: query.kind, themes: query.themes, sessions: null, area: query.area, text: query.text || null },
        dateRange: { from: query.from, to: query.to },
        pins: pins.length,
        counts: 'raw',
        minCount: 0,
        exportedAt: new Date().toISOString(),
        source: RESPONSES_EXPORT_SOURCE,
        boundaryCopyright: data.boundaryCopyright ?? null,
      };
      const caption = exportCaption(provenance);
      const name = (ext: string) => exportFileName(data.consultation.slug, 'responses', provenance.exportedAt, ext, 'raw');
      if (format === 'geojson') return { name: name('geojson'), type: 'application/geo+json', text: pinsToGeoJson(pins, { ...provenance, caption }) };
      if (format === 'csv') return { name: name('csv'), type: 'text/csv;charset=utf-8', text: pinsToCsv(pins, { themes: [...data.themes], areas: data.areas }) };
      return { name: name('txt').replace('.txt', '-caption.txt'), type: 'text/plain;charset=utf-8', text: caption };
    },
    moderate: null,
  };
}
