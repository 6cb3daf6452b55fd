// the order a pin's comments are shown in: a thread of one level; apart from the comment codec, so the resident's
// store orders comments without loading zod's schemas.

/**
 * Orders comments as a thread: each top-level comment, oldest first, followed by its replies, oldest first.
 * Replies whose parent is not in the list (hidden or deleted) are left out, as their parent vanished.
 * @example
 * threadComments([{ id: 'b', parentId: 'a', createdAt: '2' }, { id: 'a', parentId: null, createdAt: '1' }]).map((c) => c.id) // => ['a', 'b']
 */
export function threadComments<T extends { id: string; parentId: string | null; createdAt: string }>(comments: readonly T[]): T[] {
  const byTime = [...comments].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const out: T[] = [];
  for (const top of byTime.filter((c) => c.parentId === null)) {
    out.push(top, ...byTime.filter((c) => c.parentId === top.id));
  }
  return out;
}
