// the response explorer's port: where its pages, files and moderation come from (the server, or the pins on this device).
import type { ResponsePage } from '../../core/responses/responseIndex.ts';
import type { ResponseQuery } from '../../core/responses/responseQuery.ts';

export type ResponseFileFormat = 'geojson' | 'csv' | 'caption';

export interface ResponseFile {
  name: string;
  type: string;
  text: string;
}

export interface ResponseSource {
  /** one page of rows for the query */
  page(query: ResponseQuery): Promise<ResponsePage>;
  /** every pin passing the query's filter (visible ones only), in its order, as a file that states the filters */
  exportFile(query: ResponseQuery, format: ResponseFileFormat): Promise<ResponseFile>;
  /** hides or restores a pin with a reason for the audit log; null where there is no server to moderate on */
  moderate: ((id: string, action: 'hide' | 'restore', reason: string) => Promise<void>) | null;
}

/** why a source could not answer, one sentence, and the server's code when there was one */
export class ResponseSourceError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
