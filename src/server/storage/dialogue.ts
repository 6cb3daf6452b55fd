// the storage contract of the dialogue inside one consultation: planners' answers, residents' comments, reports and
// the moderation queue. ConsultationStorage includes it; the rules are in queries/responses.ts and queries/comments.ts.
import type { PinResponse, ResponseStatus } from '../../core/dialogue/responseStatus.ts';
import type { ServerPin } from './storage.ts';

/** a comment as the server keeps it: `author` is a keyed hash of the device token, never the token */
export interface StoredComment {
  id: string;
  pinId: string;
  parentId: string | null;
  author: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  hiddenReason?: string;
}

export interface Answer {
  status: ResponseStatus;
  text: string;
  at: string;
  /** as the audit log names people (`Name <email>`) */
  actor: string;
  /** the staff user's id */
  userId: string;
}

/** one change of a pin's answer, with the answer before it */
export interface ResponseChange {
  at: string;
  actor: string;
  status: ResponseStatus;
  text: string;
  previous: PinResponse | null;
}

export type NewCommentResult =
  | { ok: true; comment: StoredComment }
  /** no such pin here, or hidden */
  | { ok: false; code: 'pin-not-found' | 'parent-not-found' | 'id-taken' };

export interface ModerationItem {
  type: 'comment' | 'pin';
  /** the reported comment, or null for a reported pin */
  comment: StoredComment | null;
  pin: ServerPin;
  reports: number;
  firstReportedAt: string;
}

/** a pin's words a planner featured on the results page */
export interface FeaturedQuote {
  pinId: string;
  text: string;
  theme: string;
  kind: 'asset' | 'priority';
  featuredAt: string;
}

export interface DialogueStorage {
  /** sets the pin's answer (kept in its history with the previous one, and audited); null for no such pin */
  answerPin(id: string, answer: Answer): Promise<ServerPin | null>;
  /** the same answer to many pins in one transaction; ids that are not pins of this consultation come back in `missing`, and nothing is changed then */
  answerPins(ids: readonly string[], answer: Answer): Promise<{ ok: true; pins: ServerPin[] } | { ok: false; missing: string[] }>;
  /** every change of a pin's answer, oldest first */
  responseHistory(pinId: string): Promise<ResponseChange[]>;
  /** answered pins, newest answer first (the feed) */
  answeredPins(limit: number): Promise<ServerPin[]>;

  /** a visible pin's visible comments (`includeHidden`: planners' view), oldest first */
  listComments(pinId: string, options?: { includeHidden?: boolean }): Promise<StoredComment[]>;
  getComment(id: string): Promise<StoredComment | null>;
  /** a reply to a reply hangs under the top-level comment; refused on a hidden or missing pin or parent */
  addComment(comment: Omit<StoredComment, 'hidden' | 'hiddenReason' | 'editedAt'>): Promise<NewCommentResult>;
  editComment(id: string, text: string, at: string): Promise<StoredComment | null>;
  /** deletes it and its replies, and blanks their text in the event log in the same transaction */
  deleteComment(id: string): Promise<boolean>;
  /** one report per reporter; `added` is false for a repeat */
  reportComment(id: string, reporter: string, at: string): Promise<{ added: boolean } | null>;
  reportPin(id: string, reporter: string, at: string): Promise<{ added: boolean } | null>;
  /** hides or restores a comment with an audit entry, and settles its reports */
  moderateComment(id: string, moderation: { hidden: boolean; reason: string; actor: string; at: string }): Promise<StoredComment | null>;
  /** reported comments and pins not yet settled, oldest first report first */
  moderationQueue(limit: number): Promise<ModerationItem[]>;
  /** how many comments per pin (visible ones), for the list */
  commentCounts(): Promise<Map<string, number>>;
  /** features or un-features a pin's words on the results page, audited; a hidden pin cannot be featured */
  featureQuote(pinId: string, q: { featured: boolean; actor: string; at: string }): Promise<'ok' | 'pin-not-found' | 'pin-hidden'>;
  /** the featured words of visible pins, oldest featured first */
  featuredQuotes(): Promise<FeaturedQuote[]>;
}
