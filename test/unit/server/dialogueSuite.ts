// the dialogue's storage contract (answers and their history, comments, reports, moderation and their events), run
// against SQLite and PostgreSQL by the serverStorage*.test.ts files.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Answer } from '../../../src/server/storage/dialogue.ts';
import type { ConsultationStorage, LoggedEvent, Storage } from '../../../src/server/storage/storage.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';
import { openDefault } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

const answer = (overrides: Partial<Answer> = {}): Answer => ({ status: 'planned', text: 'A crossing in May', at: '2031-01-01T00:00:00.000Z', actor: 'Pat <pat@example.org>', userId: 'u1', ...overrides });
let made = 0;
const comment = (pinId: string, overrides: { parentId?: string | null; text?: string; author?: string } = {}) => ({
  id: `c-${process.pid}-${++made}`, pinId, parentId: overrides.parentId ?? null, author: overrides.author ?? 'dev-a',
  text: overrides.text ?? `Comment ${made}`, createdAt: new Date(Date.UTC(2031, 0, 1, 0, 0, made)).toISOString(),
});
const after = (afterId: number, logged: LoggedEvent[] | null) => logged?.filter((e) => e.id > afterId) ?? null;
const types = (logged: LoggedEvent[] | null) => logged?.map((e) => e.event?.type ?? null) ?? null;

export function dialogueContract(open: OpenStorage): void {
  let storage: Storage;
  let here: ConsultationStorage;
  beforeEach(async () => {
    ({ storage, here } = await openDefault(open, true));
  });
  afterEach(async () => {
    await storage.close();
  });

  it('answers a pin: every read carries the answer, and each change keeps the one before it with an audit entry', async () => {
    const pin = testPin({ title: 'Dark underpass' });
    await here.createPin(pin);
    const answered = await here.answerPin(pin.id, answer());
    const response = { status: 'planned', text: 'A crossing in May', at: '2031-01-01T00:00:00.000Z' };
    expect(answered?.properties.response).toEqual(response);
    expect(answered?.properties.updatedAt).toBe('2031-01-01T00:00:00.000Z');
    expect((await here.getPin(pin.id))?.properties.response).toEqual(response);
    expect((await here.listPins()).find((p) => p.id === pin.id)?.properties.response).toEqual(response);
    await here.answerPin(pin.id, answer({ status: 'done', text: 'Built', at: '2031-02-01T00:00:00.000Z' }));
    const history = await here.responseHistory(pin.id);
    expect(history.map((h) => [h.status, h.text, h.previous?.status ?? null, h.previous?.text ?? null, h.previous?.at ?? null])).toEqual([
      ['planned', 'A crossing in May', null, null, null],
      ['done', 'Built', 'planned', 'A crossing in May', '2031-01-01T00:00:00.000Z'],
    ]);
    const audit = (await here.listAudit()).filter((a) => a.action === 'answer');
    expect(audit.map((a) => [a.pinId, a.reason, a.actor])).toEqual([[pin.id, 'planned → done', 'Pat <pat@example.org>'], [pin.id, 'none → planned', 'Pat <pat@example.org>']]);
    expect((await here.answeredPins(10)).map((p) => p.properties.response?.status)).toEqual(['done']);
    expect(await here.answerPin('no-such-pin', answer())).toBeNull();
  });

  it('answers many pins in one transaction, or none when one is not a pin of this consultation', async () => {
    const pins = [testPin(), testPin(), testPin()];
    for (const p of pins) await here.createPin(p);
    const other = await storage.createConsultation(testConsultation(), 'admin');
    if (!other.ok) throw new Error('no second consultation');
    const elsewhere = testPin();
    await storage.consultation(other.consultation.id).createPin(elsewhere);
    expect(await here.answerPins([pins[0]!.id, elsewhere.id], answer())).toEqual({ ok: false, missing: [elsewhere.id] });
    expect((await here.getPin(pins[0]!.id))?.properties.response).toBeUndefined();
    const result = await here.answerPins(pins.map((p) => p.id), answer({ status: 'received', text: '' }));
    expect(result.ok && result.pins.map((p) => p.properties.response?.status)).toEqual(['received', 'received', 'received']);
    expect((await storage.consultation(other.consultation.id).getPin(elsewhere.id))?.properties.response).toBeUndefined();
  });

  it('keeps comments with one level of replies, lets them be edited and deleted with their replies', async () => {
    const pin = testPin();
    await here.createPin(pin);
    const top = comment(pin.id);
    expect((await here.addComment(top)).ok).toBe(true);
    const reply = comment(pin.id, { parentId: top.id, author: 'dev-b' });
    await here.addComment(reply);
    // a reply to a reply joins the top-level thread
    const deeper = await here.addComment(comment(pin.id, { parentId: reply.id }));
    expect(deeper.ok && deeper.comment.parentId).toBe(top.id);
    expect(await here.addComment(comment(pin.id))).toMatchObject({ ok: true });
    expect(await here.addComment({ ...comment(pin.id), id: top.id })).toEqual({ ok: false, code: 'id-taken' });
    expect(await here.addComment(comment('no-such-pin'))).toEqual({ ok: false, code: 'pin-not-found' });
    expect(await here.addComment(comment(pin.id, { parentId: 'no-such-comment' }))).toEqual({ ok: false, code: 'parent-not-found' });
    expect((await here.listComments(pin.id)).map((c) => c.parentId)).toEqual([null, top.id, top.id, null]);
    const edited = await here.editComment(top.id, 'Edited <b>text</b>', '2031-01-02T00:00:00.000Z');
    expect([edited?.text, edited?.editedAt]).toEqual(['Edited <b>text</b>', '2031-01-02T00:00:00.000Z']);
    expect((await here.commentCounts()).get(pin.id)).toBe(4);
    expect(await here.deleteComment(top.id)).toBe(true);
    expect(await here.listComments(pin.id)).toHaveLength(1);
    expect(await here.deleteComment(top.id)).toBe(false);
  });

  it('takes one report per device, queues reported comments and pins oldest first, and settles them when moderated', async () => {
    const pin = testPin({ title: 'Reported pin' });
    await here.createPin(pin);
    const first = comment(pin.id);
    const second = comment(pin.id);
    await here.addComment(first);
    await here.addComment(second);
    const reply = comment(pin.id, { parentId: second.id });
    await here.addComment(reply);
    expect(await here.reportComment(second.id, 'dev-x', '2031-01-01T00:00:01.000Z')).toEqual({ added: true });
    expect(await here.reportComment(second.id, 'dev-x', '2031-01-01T00:00:02.000Z')).toEqual({ added: false });
    expect(await here.reportComment(second.id, 'dev-y', '2031-01-01T00:00:03.000Z')).toEqual({ added: true });
    expect(await here.reportPin(pin.id, 'dev-x', '2031-01-01T00:00:02.000Z')).toEqual({ added: true });
    expect(await here.reportComment('missing', 'dev-x', '2031-01-01T00:00:00.000Z')).toBeNull();
    const queue = await here.moderationQueue(50);
    expect(queue.map((q) => [q.type, q.comment?.id ?? q.pin.id, q.reports, q.firstReportedAt])).toEqual([
      ['comment', second.id, 2, '2031-01-01T00:00:01.000Z'],
      ['pin', pin.id, 1, '2031-01-01T00:00:02.000Z'],
    ]);
    const hidden = await here.moderateComment(second.id, { hidden: true, reason: 'names a neighbour', actor: 'Pat', at: '2031-01-01T00:01:00.000Z' });
    expect([hidden?.hidden, hidden?.hiddenReason]).toEqual([true, 'names a neighbour']);
    // a hidden comment vanishes with its replies; planners still see them
    expect((await here.listComments(pin.id)).map((c) => c.id)).toEqual([first.id]);
    expect((await here.listComments(pin.id, { includeHidden: true })).map((c) => c.id)).toEqual([first.id, second.id, reply.id]);
    expect((await here.commentCounts()).get(pin.id)).toBe(1);
    expect((await here.moderationQueue(50)).map((q) => q.type)).toEqual(['pin']);
    expect((await here.listAudit()).find((a) => a.action === 'hide-comment')).toMatchObject({ pinId: pin.id, reason: 'names a neighbour', actor: 'Pat' });
    await here.moderatePin(pin.id, { hidden: false, reason: 'fine as it is', actor: 'Pat', at: '2031-01-01T00:02:00.000Z' });
    expect(await here.moderationQueue(50)).toEqual([]);
  });

  it('logs answers and comments, and never replays a hidden or deleted comment\'s text or a hidden pin\'s answer', async () => {
    const pin = testPin();
    const secret = testPin({ title: 'Later hidden' });
    await here.createPin(pin);
    await here.createPin(secret);
    const from = (await here.latestEventId())!;
    const seen: string[] = [];
    const stop = here.subscribe((e) => seen.push(e.type));
    await here.answerPin(pin.id, answer());
    await here.answerPin(secret.id, answer({ text: 'Answer to a hidden pin' }));
    const kept = comment(pin.id, { text: 'Kept words' });
    const hidden = comment(pin.id, { text: 'Names a neighbour' });
    const reply = comment(pin.id, { text: 'Reply to the neighbour one' });
    const deleted = comment(pin.id, { text: 'Deleted words' });
    await here.addComment(kept);
    await here.addComment(hidden);
    await here.addComment({ ...reply, parentId: hidden.id });
    await here.addComment(deleted);
    await here.editComment(hidden.id, 'Names a neighbour again', '2031-01-01T00:00:05.000Z');
    await here.moderateComment(hidden.id, { hidden: true, reason: 'personal data', actor: 'Pat', at: '2031-01-01T00:00:06.000Z' });
    await here.deleteComment(deleted.id);
    await here.moderatePin(secret.id, { hidden: true, reason: 'personal data', actor: 'Pat', at: '2031-01-01T00:00:07.000Z' });
    // NOTIFY delivery is quick, but a loaded machine once took over 3 s for these ten
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(10);
    stop();
    expect(seen).toEqual(['pin-answered', 'pin-answered', 'comment-created', 'comment-created', 'comment-created', 'comment-created', 'comment-updated', 'comment-hidden', 'comment-deleted', 'pin-hidden']);
    const replay = after(from, await here.eventsAfter(from, 1000));
    expect(types(replay)).toEqual(['pin-answered', null, 'comment-created', null, null, null, null, 'comment-hidden', 'comment-deleted', 'pin-hidden']);
    const text = JSON.stringify(replay);
    expect(text).toContain('Kept words');
    for (const gone of ['neighbour', 'Deleted words', 'Answer to a hidden pin']) expect(text).not.toContain(gone);
    // restored: its events may be replayed again
    await here.moderateComment(hidden.id, { hidden: false, reason: 'edited', actor: 'Pat', at: '2031-01-01T00:00:08.000Z' });
    expect(JSON.stringify(after(from, await here.eventsAfter(from, 1000)))).toContain('Names a neighbour again');
  });

  it('keeps one consultation\'s comments and answers out of another', async () => {
    const other = await storage.createConsultation(testConsultation(), 'admin');
    if (!other.ok) throw new Error('no second consultation');
    const there = storage.consultation(other.consultation.id);
    const pin = testPin();
    await here.createPin(pin);
    const c = comment(pin.id);
    await here.addComment(c);
    expect(await there.addComment(comment(pin.id))).toEqual({ ok: false, code: 'pin-not-found' });
    expect(await there.getComment(c.id)).toBeNull();
    expect(await there.listComments(pin.id)).toEqual([]);
    expect(await there.editComment(c.id, 'x', '2031-01-01T00:00:00.000Z')).toBeNull();
    expect(await there.deleteComment(c.id)).toBe(false);
    expect(await there.reportComment(c.id, 'dev', '2031-01-01T00:00:00.000Z')).toBeNull();
    expect(await there.moderateComment(c.id, { hidden: true, reason: 'x', actor: 'x', at: '2031-01-01T00:00:00.000Z' })).toBeNull();
    expect(await there.answerPin(pin.id, answer())).toBeNull();
    expect(await here.getComment(c.id)).not.toBeNull();
  });
}
