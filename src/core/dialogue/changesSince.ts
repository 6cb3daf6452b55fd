// "what changed since your last visit": from the pins a device follows (its own, supported, commented on), the answers
// given since a time and the new comments counted by the server, plus how many of them are answered now.
import type { ResponseStatus } from './responseStatus.ts';

/** what a pin needs here: its id, title, who made it and its answer (a PinFeature fits) */
export interface FollowablePin {
  id: string;
  properties: { title: string; author?: string; response?: { status: ResponseStatus; at: string } };
}

export interface Following {
  deviceToken: string;
  supportedIds: ReadonlySet<string>;
  commentedIds: ReadonlySet<string>;
}

export interface ChangeSummary {
  /** answered (or answered again) after `since`, newest first */
  answers: { id: string; title: string; status: ResponseStatus }[];
  /** pins with comments after `since` (by others), most first */
  comments: { id: string; title: string; count: number }[];
  /** of the followed pins, how many have an answer now */
  answered: number;
  followed: number;
}

/**
 * The ids of the pins a device follows, in the order of `pins`.
 * @example
 * followedPinIds([{ id: 'a', properties: { title: 'A', author: 'me' } }], { deviceToken: 'me', supportedIds: new Set(), commentedIds: new Set() }) // => ['a']
 */
export function followedPinIds(pins: readonly FollowablePin[], following: Following): string[] {
  return pins
    .filter((p) => (p.properties.author !== undefined && p.properties.author === following.deviceToken) || following.supportedIds.has(p.id) || following.commentedIds.has(p.id))
    .map((p) => p.id);
}

/**
 * What changed on the followed pins since `since` (ISO): answers from the pins themselves, comments from `commentCounts`
 * (pin id → new comments, from the server).
 * @example
 * const pins = [{ id: 'a', properties: { title: 'Bench', author: 'me', response: { status: 'planned', at: '2026-12-02T00:00:00Z' } } }];
 * changesSince(pins, { deviceToken: 'me', supportedIds: new Set(), commentedIds: new Set() }, '2026-12-01T00:00:00Z', { a: 2 })
 * // => { answers: [{ id: 'a', title: 'Bench', status: 'planned' }], comments: [{ id: 'a', title: 'Bench', count: 2 }], answered: 1, followed: 1 }
 */
export function changesSince(pins: readonly FollowablePin[], following: Following, since: string, commentCounts: Readonly<Record<string, number>>): ChangeSummary {
  const ids = new Set(followedPinIds(pins, following));
  const followed = pins.filter((p) => ids.has(p.id));
  const after = Date.parse(since);
  const answers = followed
    .filter((p) => p.properties.response && Date.parse(p.properties.response.at) > after)
    .sort((a, b) => Date.parse(b.properties.response!.at) - Date.parse(a.properties.response!.at))
    .map((p) => ({ id: p.id, title: p.properties.title, status: p.properties.response!.status }));
  const comments = followed
    .filter((p) => (commentCounts[p.id] ?? 0) > 0)
    .map((p) => ({ id: p.id, title: p.properties.title, count: commentCounts[p.id]! }))
    .sort((a, b) => b.count - a.count);
  return { answers, comments, answered: followed.filter((p) => p.properties.response).length, followed: followed.length };
}
