// the response explorer over the server: GET …/responses per page, …/export/responses.* for files, POST …/hide|restore.
import { CSV_BOM } from '../../core/exportPins.ts';
import { responsePageFromJson } from '../../core/responses/responsePageWire.ts';
import { DEFAULT_RESPONSE_QUERY, responseQueryToSearch } from '../../core/responses/responseQuery.ts';
import { ApiRequestError, NetworkError } from '../httpRepository.ts';
import type { HttpRepository } from '../httpRepository.ts';
import { ResponseSourceError } from './responseSource.ts';
import type { ResponseFileFormat, ResponseSource } from './responseSource.ts';

const FILES: Record<ResponseFileFormat, { path: string; type: string }> = {
  geojson: { path: 'responses.geojson', type: 'application/geo+json' },
  csv: { path: 'responses.csv', type: 'text/csv;charset=utf-8' },
  caption: { path: 'responses-caption.txt', type: 'text/plain;charset=utf-8' },
};

function sourceError(error: unknown): ResponseSourceError {
  if (error instanceof ApiRequestError) return new ResponseSourceError(error.message, error.code);
  if (error instanceof NetworkError) return new ResponseSourceError(error.message, 'network');
  return new ResponseSourceError(error instanceof Error ? error.message : String(error), 'unexpected');
}

/**
 * A ResponseSource over the consultation's API; the server filters, sorts and pages, so no pin list is downloaded.
 * @example
 * const source = createHttpResponseSource(api);
 * (await source.page({ ...DEFAULT_RESPONSE_QUERY, kind: 'priority' })).total // => priorities in the consultation
 */
export function createHttpResponseSource(api: Pick<HttpRepository, 'consultationBase' | 'send' | 'moderatePin'>): ResponseSource {
  const base = api.consultationBase;
  const withQuery = (path: string, search: string) => `${base}/${path}${search ? `?${search}` : ''}`;
  return {
    async page(query) {
      let json: unknown;
      try {
        json = (await api.send('GET', withQuery('responses', responseQueryToSearch(query)))).json;
      } catch (error) {
        throw sourceError(error);
      }
      const read = responsePageFromJson(json);
      if (!read.ok) throw new ResponseSourceError(read.message, 'invalid-response');
      return read.page;
    },
    async exportFile(query, format) {
      const file = FILES[format];
      // the page and size are the explorer's, not the file's: a file holds every matching pin
      const search = responseQueryToSearch({ ...query, offset: 0, limit: DEFAULT_RESPONSE_QUERY.limit });
      try {
        const answer = await api.send('GET', withQuery(`export/${file.path}`, search), { text: true });
        const name = /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? `coplan-${file.path}`;
        // reading the answer as text drops the server's byte-order mark (UTF-8 decoding does): the file gets it back
        const text = format === 'csv' && !answer.text.startsWith(CSV_BOM) ? CSV_BOM + answer.text : answer.text;
        return { name, type: file.type, text };
      } catch (error) {
        throw sourceError(error);
      }
    },
    async moderate(id, action, reason) {
      try {
        await api.moderatePin(id, action, reason);
      } catch (error) {
        throw sourceError(error);
      }
    },
  };
}
