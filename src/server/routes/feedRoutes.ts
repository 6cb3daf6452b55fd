// GET …/feed.atom: an Atom feed of a consultation's answers (newest first, one entry per answered pin, stable ids) that a
// council website or a feed reader can follow. Written by the `feed` library.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import type { ResponseStatus } from '../../core/dialogue/responseStatus.ts';

const FEED_ENTRIES = 200;

/** the English names of the answers; the app shows them translated */
const STATUS_LABELS: Record<ResponseStatus, string> = {
  received: 'Received',
  'under-consideration': 'Under consideration',
  planned: 'Planned',
  done: 'Done',
  'not-possible': 'Not possible',
};

/**
 * WARNING: the feed library writes titles, summaries and contents as `type="html"` inside CDATA, so a feed reader renders
 * them as HTML: residents' and planners' text must be escaped first, or `<img src=x onerror=…>` would run in the reader.
 * Escaping `>` also keeps `]]>` from ending the CDATA section early.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** the origin the caller used (behind a trusted proxy, the one it forwarded) */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function feedRoutes(app: FastifyInstance): void {
  app.get('/feed.atom', async (request, reply) => {
    const { consultation } = request.scope;
    const origin = originOf(request);
    const page = `${origin}/c/${encodeURIComponent(consultation.slug)}`;
    // tag: URIs (RFC 4151) never change when the server moves or the consultation is renamed, unlike a link
    const tag = `tag:coplan,2026:${consultation.id}`;
    const pins = await request.scope.store.answeredPins(FEED_ENTRIES);
    const newest = pins[0]?.properties.response?.at;
    const feed = new Feed({
      id: tag,
      title: `${escapeHtml(consultation.title)}: answers`,
      description: escapeHtml(consultation.summary),
      link: page,
      feed: `${page.replace('/c/', '/api/consultations/')}/feed.atom`,
      updated: new Date(newest ?? consultation.updatedAt),
      generator: 'Coplan',
    });
    for (const pin of pins) {
      const response = pin.properties.response!;
      feed.addItem({
        id: `${tag}:pin:${encodeURIComponent(pin.id)}`,
        title: escapeHtml(`${STATUS_LABELS[response.status]}: ${pin.properties.title}`),
        link: `${page}/results#pin-${encodeURIComponent(pin.id)}`,
        date: new Date(response.at),
        description: escapeHtml(response.text || STATUS_LABELS[response.status]),
        content: escapeHtml(response.text),
      });
    }
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });
}
