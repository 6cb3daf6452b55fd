// the dialogue's API calls (comments, reports, answers, the moderation queue) over the app's HTTP client, with every
// answer checked before the app uses it. A chunk of its own: the resident map's store loads it when comments are asked for.
import '../core/zodJitless.ts';
import { z } from 'zod/mini';
import type { PinComment } from '../core/dialogue/comments.ts';
import { commentSchema, toComment } from './commentWire.ts';
import { RESPONSE_STATUSES } from '../core/dialogue/responseStatus.ts';
import type { ResponseStatus } from '../core/dialogue/responseStatus.ts';
import type { HttpRepository, RemotePin } from './httpRepository.ts';
import { toRemotePin } from './httpRepository.ts';

const commentsSchema = z.object({ comments: z.array(commentSchema) });
const queueSchema = z.object({
  items: z.array(z.object({ type: z.enum(['comment', 'pin']), reports: z.number(), firstReportedAt: z.string(), pin: z.unknown(), comment: z.optional(commentSchema) })),
});

export interface ModerationQueueItem {
  type: 'comment' | 'pin';
  reports: number;
  firstReportedAt: string;
  pin: RemotePin;
  comment?: PinComment;
}

export interface DialogueClient {
  listComments(pinId: string): Promise<PinComment[]>;
  addComment(pinId: string, text: string, parentId: string | null): Promise<PinComment>;
  /** its author, within the edit window */
  editComment(pinId: string, commentId: string, text: string): Promise<PinComment>;
  deleteComment(pinId: string, commentId: string): Promise<void>;
  reportComment(pinId: string, commentId: string): Promise<void>;
  moderateComment(pinId: string, commentId: string, action: 'hide' | 'restore', reason: string): Promise<PinComment>;
  answerPins(ids: readonly string[], status: ResponseStatus, text: string): Promise<RemotePin[]>;
  /** planners: feature (or not) a visible pin's words on the results page */
  featureQuote(pinId: string, featured: boolean): Promise<void>;
  /** the pins whose words are featured */
  featuredQuoteIds(): Promise<string[]>;
  /** how many comments others wrote on these pins after `since` (ISO); pins with none are left out */
  commentCountsSince(since: string, pinIds: readonly string[]): Promise<Record<string, number>>;
  moderationQueue(): Promise<ModerationQueueItem[]>;
  /** a reported pin: hide it, or keep it (restore settles its reports) */
  moderatePin(pinId: string, action: 'hide' | 'restore', reason: string): Promise<void>;
}

/**
 * The dialogue's calls for one consultation.
 * @example
 * const dialogue = createDialogueClient(api); await dialogue.addComment(pinId, 'Agreed', null);
 */
export function createDialogueClient(api: HttpRepository, deviceToken = ''): DialogueClient {
  const pinPath = (pinId: string) => `${api.consultationBase}/pins/${encodeURIComponent(pinId)}`;
  const commentPath = (pinId: string, commentId: string) => `${pinPath(pinId)}/comments/${encodeURIComponent(commentId)}`;
  return {
    async listComments(pinId) {
      return commentsSchema.parse((await api.send('GET', `${pinPath(pinId)}/comments`)).json).comments.map(toComment);
    },
    async addComment(pinId, text, parentId) {
      return toComment((await api.send('POST', `${pinPath(pinId)}/comments`, { body: parentId ? { text, parentId } : { text } })).json);
    },
    async editComment(pinId, commentId, text) {
      return toComment((await api.send('PATCH', commentPath(pinId, commentId), { body: { text } })).json);
    },
    async deleteComment(pinId, commentId) {
      await api.send('DELETE', commentPath(pinId, commentId));
    },
    async reportComment(pinId, commentId) {
      await api.send('POST', `${commentPath(pinId, commentId)}/report`);
    },
    async moderateComment(pinId, commentId, action, reason) {
      return toComment((await api.send('POST', `${commentPath(pinId, commentId)}/${action}`, { body: { reason } })).json);
    },
    async answerPins(ids, status, text) {
      if (!(RESPONSE_STATUSES as readonly string[]).includes(status)) throw new Error(`no such answer: ${status}`);
      const body = z.object({ pins: z.array(z.unknown()) }).parse((await api.send('PUT', `${api.consultationBase}/responses`, { body: { ids, status, text } })).json);
      return body.pins.map((p) => toRemotePin(p, deviceToken));
    },
    async featureQuote(pinId, featured) {
      await api.send('PUT', `${pinPath(pinId)}/quote`, { body: { featured } });
    },
    async featuredQuoteIds() {
      const body = z.object({ quotes: z.array(z.object({ pinId: z.string() })) }).parse((await api.send('GET', `${api.consultationBase}/quotes`)).json);
      return body.quotes.map((q) => q.pinId);
    },
    async commentCountsSince(since, pinIds) {
      const query = new URLSearchParams({ since, pins: pinIds.join(',') });
      const body = z.object({ counts: z.record(z.string(), z.number().check(z.int(), z.nonnegative())) }).parse((await api.send('GET', `${api.consultationBase}/comment-counts?${query}`)).json);
      return body.counts;
    },
    async moderatePin(pinId, action, reason) {
      await api.send('POST', `${pinPath(pinId)}/${action}`, { body: { reason } });
    },
    async moderationQueue() {
      const body = queueSchema.parse((await api.send('GET', `${api.consultationBase}/moderation`)).json);
      return body.items.map((item) => ({
        type: item.type, reports: item.reports, firstReportedAt: item.firstReportedAt, pin: toRemotePin(item.pin, deviceToken),
        ...(item.comment ? { comment: toComment(item.comment) } : {}),
      }));
    },
  };
}
