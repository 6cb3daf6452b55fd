// GET …/comment-counts, for "what changed since your last visit": counts of others' visible comments after a time,
// nothing about who wrote them; bad input is a 400.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, DEVICE_B, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

const C = '/api/consultations/loop';
let server: TestServer;
let planner = '';
let now = Date.parse('2031-01-01T12:00:00.000Z');
const call = (options: InjectOptions) => server.app.inject(options);
const asPlanner = (options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${planner}` } });
const comment = async (token: string, pin: string, text: string, parentId?: string) => {
  const res = await call(asDevice(token, { method: 'POST', url: `${C}/pins/${pin}/comments`, payload: parentId ? { text, parentId } : { text } }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

beforeEach(async () => {
  now = Date.parse('2031-01-01T12:00:00.000Z');
  server = await startTestServer({ clock: () => now, rateLimits: { writesPerDevicePerMinute: 0 } });
  const made = await server.database.createConsultation(testConsultation({ slug: 'loop' }), 'test');
  if (!made.ok) throw new Error('no consultation');
  const here = server.database.consultation(made.consultation.id);
  for (const id of ['p1', 'p2', 'p3']) await here.createPin(testPin({ id, title: `Pin ${id}` }));
  planner = (await server.staff({ loop: 'planner' })).token;
});
afterEach(async () => server.close());

describe('comment counts since a time', () => {
  it('counts others\' comments and replies after the time, not the asker\'s own, not hidden ones or replies under them', async () => {
    await comment(DEVICE_B, 'p1', 'before');
    now += 60_000;
    const since = new Date(now).toISOString();
    now += 60_000;
    const top = await comment(DEVICE_B, 'p1', 'after');
    await comment(DEVICE_A, 'p1', 'my own reply', top.id);
    await comment(DEVICE_B, 'p1', 'a reply', top.id);
    const doomed = await comment(DEVICE_B, 'p2', 'to be hidden');
    await comment(DEVICE_B, 'p2', 'under it', doomed.id);
    await call(asPlanner({ method: 'POST', url: `${C}/pins/p2/comments/${doomed.id}/hide`, payload: { reason: 'test' } }));
    const res = await call(asDevice(DEVICE_A, { url: `${C}/comment-counts?since=${encodeURIComponent(since)}&pins=p1,p2,p3,gone` }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ counts: { p1: 2 } });
    // without a device token every comment counts; the answer names no one
    const anonymous = await call({ url: `${C}/comment-counts?since=${encodeURIComponent(since)}&pins=p1` });
    expect(anonymous.json()).toEqual({ counts: { p1: 3 } });
    expect(anonymous.body).not.toMatch(/author|text|my own/);
  });

  it('leaves out a hidden pin', async () => {
    await comment(DEVICE_B, 'p3', 'hi');
    await call(asPlanner({ method: 'POST', url: `${C}/pins/p3/hide`, payload: { reason: 'test' } }));
    expect((await call({ url: `${C}/comment-counts?since=2030-01-01T00:00:00Z&pins=p3` })).json()).toEqual({ counts: {} });
  });

  it.each([
    ['no since', 'pins=p1'],
    ['a since that is not a date', 'since=yesterday&pins=p1'],
    ['a bad pin id', 'since=2030-01-01T00:00:00Z&pins=a%20b'],
    ['too many pins', `since=2030-01-01T00:00:00Z&pins=${Array.from({ length: 201 }, (_, i) => `p${i}`).join(',')}`],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await call({ url: `${C}/comment-counts?${query}` });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'invalid-query']);
  });

  it('answers 404 for a consultation that does not exist', async () => {
    expect((await call({ url: '/api/consultations/nope/comment-counts?since=2030-01-01T00:00:00Z&pins=p1' })).statusCode).toBe(404);
  });
});
