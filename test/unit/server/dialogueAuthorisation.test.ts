// the dialogue's routes × every kind of caller: residents and facilitators never answer, hide or read the queue, and a
// planner of another consultation reaches nothing of this one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, DEVICE_B, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

type Caller = 'anonymous' | 'resident' | 'facilitatorA' | 'plannerA' | 'plannerB' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'resident', 'facilitatorA', 'plannerA', 'plannerB', 'admin'];

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
let commentId = '';

beforeAll(async () => {
  server = await startTestServer();
  for (const slug of ['alpha', 'beta']) {
    const made = await server.database.createConsultation(testConsultation({ slug }), 'test');
    if (!made.ok) throw new Error(`could not make ${slug}`);
  }
  const alpha = server.database.consultation((await server.database.getConsultation('alpha'))!.id);
  await alpha.createPin(testPin({ id: 'a-pin', author: 'someone' }));
  await alpha.createPin(testPin({ id: 'a-other', author: 'someone' }));
  const made = await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: `${A}/pins/a-pin/comments`, payload: { text: 'A comment' } }));
  commentId = made.json().id;
  tokens.facilitatorA = (await server.staff({ alpha: 'facilitator' })).token;
  tokens.plannerA = (await server.staff({ alpha: 'planner' })).token;
  tokens.plannerB = (await server.staff({ beta: 'planner' })).token;
  tokens.admin = await server.plannerToken();
});
afterAll(async () => server.close());

function as(caller: Caller, options: InjectOptions): InjectOptions {
  if (caller === 'anonymous') return options;
  if (caller === 'resident') return asDevice(DEVICE_A, options);
  return { ...options, headers: { ...options.headers, authorization: `Bearer ${tokens[caller]}` } };
}

const A = '/api/consultations/alpha';
const planners = { anonymous: 401, resident: 401, facilitatorA: 403, plannerA: 200, plannerB: 403, admin: 200 } as const;
const everyone = { anonymous: 200, resident: 200, facilitatorA: 200, plannerA: 200, plannerB: 200, admin: 200 } as const;
const devices = { anonymous: 401, resident: 200, facilitatorA: 401, plannerA: 401, plannerB: 401, admin: 401 } as const;

const rows: { name: string; request: () => InjectOptions; expect: Record<Caller, number> }[] = [
  { name: 'answer a pin', request: () => ({ method: 'PUT', url: `${A}/pins/a-pin/response`, payload: { status: 'planned', text: 'Soon' } }), expect: planners },
  { name: 'answer many pins', request: () => ({ method: 'PUT', url: `${A}/responses`, payload: { ids: ['a-pin', 'a-other'], status: 'received', text: '' } }), expect: planners },
  { name: "an answer's history", request: () => ({ url: `${A}/pins/a-pin/response/history` }), expect: planners },
  { name: 'read the moderation queue', request: () => ({ url: `${A}/moderation` }), expect: planners },
  { name: 'hide a comment', request: () => ({ method: 'POST', url: `${A}/pins/a-pin/comments/${commentId}/hide`, payload: { reason: 'test' } }), expect: planners },
  { name: 'restore a comment', request: () => ({ method: 'POST', url: `${A}/pins/a-pin/comments/${commentId}/restore`, payload: { reason: 'test' } }), expect: planners },
  { name: "read a pin's comments", request: () => ({ url: `${A}/pins/a-pin/comments` }), expect: everyone },
  { name: 'report a comment', request: () => ({ method: 'POST', url: `${A}/pins/a-pin/comments/${commentId}/report` }), expect: devices },
  { name: 'report a pin', request: () => ({ method: 'POST', url: `${A}/pins/a-other/report` }), expect: devices },
  { name: 'comment on a pin', request: () => ({ method: 'POST', url: `${A}/pins/a-other/comments`, payload: { text: 'Me too' } }), expect: { ...devices, resident: 201 } },
  // only its author edits a comment: another device is refused
  { name: "edit another device's comment", request: () => ({ method: 'PATCH', url: `${A}/pins/a-pin/comments/${commentId}`, payload: { text: 'Changed' } }), expect: { ...devices, resident: 403 } },
  { name: "delete another device's comment", request: () => ({ method: 'DELETE', url: `${A}/pins/a-pin/comments/${commentId}` }), expect: { ...devices, resident: 403 } },
  { name: 'the feed', request: () => ({ url: `${A}/feed.atom` }), expect: everyone },
  { name: 'feature a quote', request: () => ({ method: 'PUT', url: `${A}/pins/a-pin/quote`, payload: { featured: true } }), expect: planners },
  { name: 'the featured quotes', request: () => ({ url: `${A}/quotes` }), expect: everyone },
  { name: 'comment counts since a time', request: () => ({ url: `${A}/comment-counts?since=2020-01-01T00:00:00Z&pins=a-pin` }), expect: everyone },
];

describe.each(rows)('$name', (row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const res = await server.app.inject(as(caller, row.request()));
    expect(res.statusCode, res.body).toBe(row.expect[caller]);
  });
});

describe('a planner of B reaches nothing of A through B', () => {
  it("cannot answer A's pins, hide A's comments or see them in B's queue", async () => {
    const B = '/api/consultations/beta';
    const answer = await server.app.inject(as('plannerB', { method: 'PUT', url: `${B}/pins/a-pin/response`, payload: { status: 'done', text: 'x' } }));
    expect(answer.statusCode).toBe(404);
    const bulk = await server.app.inject(as('plannerB', { method: 'PUT', url: `${B}/responses`, payload: { ids: ['a-pin'], status: 'done', text: 'x' } }));
    expect([bulk.statusCode, bulk.json().error.details]).toEqual([404, { missing: ['a-pin'] }]);
    const hide = await server.app.inject(as('plannerB', { method: 'POST', url: `${B}/pins/a-pin/comments/${commentId}/hide`, payload: { reason: 'x' } }));
    expect(hide.statusCode).toBe(404);
    const queue = await server.app.inject(as('plannerB', { url: `${B}/moderation` }));
    expect(queue.json()).toEqual({ items: [] });
    const pin = await server.app.inject({ url: `${A}/pins/a-pin` });
    expect(pin.json().properties.response?.status).not.toBe('done');
    const quote = await server.app.inject(as('plannerB', { method: 'PUT', url: `${B}/pins/a-other/quote`, payload: { featured: true } }));
    expect(quote.statusCode).toBe(404);
    const quotes = (await server.app.inject({ url: `${A}/quotes` })).json().quotes as { pinId: string }[];
    expect(quotes.map((q) => q.pinId)).not.toContain('a-other');
  });
});
