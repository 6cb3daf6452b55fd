// core's dialogue codecs: answers and comments read from outside, the edit window and threads.
import { describe, expect, it } from 'vitest';
import { canStillEdit, readCommentEdit, readNewComment } from '../../src/core/dialogue/comments.ts';
import { threadComments } from '../../src/core/dialogue/threadComments.ts';
import { isPinResponse, readBulkResponseBody, readResponseBody } from '../../src/core/dialogue/pinResponse.ts';

describe('answers', () => {
  it('reads a status from the fixed set and trimmed text of at most 1000 characters', () => {
    expect(readResponseBody({ status: 'planned', text: ' In May ' })).toEqual({ ok: true, value: { status: 'planned', text: 'In May' }, warnings: [] });
    expect(readResponseBody({ status: 'done', text: 'x'.repeat(1000) }).ok).toBe(true);
    for (const bad of [{ status: 'done', text: 'x'.repeat(1001) }, { status: 'maybe', text: '' }, { status: 'done' }, { status: 'done', text: 'a\u0007' }, null, []]) {
      expect(readResponseBody(bad).ok).toBe(false);
    }
  });
  it('reads many ids once each', () => {
    const read = readBulkResponseBody({ ids: ['a', 'b', 'a'], status: 'received', text: '' });
    expect(read.ok && read.value.ids).toEqual(['a', 'b']);
    expect(readBulkResponseBody({ ids: [], status: 'received', text: '' }).ok).toBe(false);
  });
  it('recognises an answer on the wire', () => {
    expect(isPinResponse({ status: 'not-possible', text: '', at: 'x' })).toBe(true);
    expect(isPinResponse({ status: 'soon', text: '', at: 'x' })).toBe(false);
    expect(isPinResponse(null)).toBe(false);
  });
});

describe('comments', () => {
  it('reads text with the pins\' rules and an optional parent', () => {
    expect(readNewComment({ text: ' <img src=x> ', parentId: 'c-1' })).toEqual({ ok: true, value: { text: '<img src=x>', parentId: 'c-1' }, warnings: [] });
    for (const bad of [{ text: '' }, { text: 'x'.repeat(501) }, { text: 'a\u0000' }, { text: 'ok', parentId: '../' }, { text: 'ok', extra: 1 }]) expect(readNewComment(bad).ok).toBe(false);
    expect(readCommentEdit({ text: 'fine' }).ok).toBe(true);
  });
  it('may be changed for 15 minutes', () => {
    const at = '2026-12-01T12:00:00.000Z';
    expect(canStillEdit(at, Date.parse(at) + 15 * 60 * 1000)).toBe(true);
    expect(canStillEdit(at, Date.parse(at) + 15 * 60 * 1000 + 1)).toBe(false);
  });
  it('threads replies under their comment and leaves out orphans', () => {
    const list = [
      { id: 'r1', parentId: 'a', createdAt: '3' }, { id: 'b', parentId: null, createdAt: '2' }, { id: 'a', parentId: null, createdAt: '1' }, { id: 'orphan', parentId: 'gone', createdAt: '0' },
    ];
    expect(threadComments(list).map((c) => c.id)).toEqual(['a', 'r1', 'b']);
  });
});
