// the dialogue's routes: answers in every read of a pin (and the exports), answering many pins at once, comments with
// replies, their edit window, reports, hiding and the queue; bad input is a 4xx, and text stays text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { CSV_HEADER } from '../../../src/core/exportPins.ts';
import { asDevice, DEVICE_A, DEVICE_A_ID, DEVICE_B, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { readCsv } from '../../support/readCsv.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

const C = '/api/consultations/loop';
const XSS = '<img src=x onerror=alert(1)>';
let server: TestServer;
let planner = '';
let now = Date.parse('2031-01-01T12:00:00.000Z');

const asPlanner = (options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${planner}` } });
const call = (options: InjectOptions) => server.app.inject(options);

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

describe('answers', () => {
  it('puts the answer in every read of the pin and in both exports', async () => {
    const put = await call(asPlanner({ method: 'PUT', url: `${C}/pins/p1/response`, payload: { status: 'planned', text: XSS } }));
    expect(put.statusCode, put.body).toBe(200);
    const response = put.json().properties.response;
    expect(response).toEqual({ status: 'planned', text: XSS, at: expect.any(String) });
    expect((await call({ url: `${C}/pins/p1` })).json().properties.response).toEqual(response);
    const list = (await call({ url: `${C}/pins` })).json().features as { id: string; properties: { response?: unknown } }[];
    expect(list.find((f) => f.id === 'p1')?.properties.response).toEqual(response);
    expect(list.find((f) => f.id === 'p2')?.properties.response).toBeUndefined();
    const geojson = JSON.parse((await call(asPlanner({ url: `${C}/export/pins.geojson` }))).body);
    expect(geojson.features.find((f: { id: string }) => f.id === 'p1').properties.response).toEqual(response);
    const rows = readCsv((await call(asPlanner({ url: `${C}/export/pins.csv` }))).body.replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[0] === 'p1')!;
    expect([row[CSV_HEADER.indexOf('response_status')], row[CSV_HEADER.indexOf('response_text')]]).toEqual(['planned', XSS]);
    const history = (await call(asPlanner({ url: `${C}/pins/p1/response/history` }))).json();
    expect(history.changes.map((c: { status: string; previous: unknown }) => [c.status, c.previous])).toEqual([['planned', null]]);
  });

  it('answers many pins at once, all or nothing', async () => {
    const refused = await call(asPlanner({ method: 'PUT', url: `${C}/responses`, payload: { ids: ['p1', 'nope'], status: 'done', text: 'Fixed' } }));
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'pins-not-found']);
    expect((await call({ url: `${C}/pins/p1` })).json().properties.response).toBeUndefined();
    const done = await call(asPlanner({ method: 'PUT', url: `${C}/responses`, payload: { ids: ['p1', 'p2', 'p3', 'p1'], status: 'done', text: 'Fixed' } }));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().pins.map((p: { id: string; properties: { response: { status: string } } }) => [p.id, p.properties.response.status])).toEqual([['p1', 'done'], ['p2', 'done'], ['p3', 'done']]);
  });

  it.each([
    ['a status outside the set', { status: 'maybe', text: '' }],
    ['text over 1000 characters', { status: 'done', text: 'x'.repeat(1001) }],
    ['a control character', { status: 'done', text: 'a\u0000b' }],
    ['an extra field', { status: 'done', text: '', by: 'someone' }],
    ['a list', [1, 2]],
    ['text that is a number', { status: 'done', text: 5 }],
  ])('refuses %s with 400', async (_name, payload) => {
    const res = await call(asPlanner({ method: 'PUT', url: `${C}/pins/p1/response`, payload }));
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'invalid-response']);
  });

  it.each([
    ['no ids', { ids: [], status: 'done', text: '' }],
    ['a bad id', { ids: ['a b'], status: 'done', text: '' }],
    ['too many ids', { ids: Array.from({ length: 501 }, (_, i) => `p${i}`), status: 'done', text: '' }],
  ])('refuses a bulk answer with %s with 400', async (_name, payload) => {
    const res = await call(asPlanner({ method: 'PUT', url: `${C}/responses`, payload }));
    expect(res.statusCode).toBe(400);
  });

  it('answers 404 for a pin that does not exist or a bad id', async () => {
    for (const id of ['missing', '%20bad']) {
      const res = await call(asPlanner({ method: 'PUT', url: `${C}/pins/${id}/response`, payload: { status: 'done', text: '' } }));
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('comments', () => {
  // a second apart, so the thread's order (by time) is certain
  const post = (token: string, pin: string, payload: InjectOptions['payload']) => {
    now += 1000;
    return call(asDevice(token, { method: 'POST', url: `${C}/pins/${pin}/comments`, payload }));
  };

  it('threads replies one level deep, marks the device\'s own, and keeps text as text', async () => {
    const top = await post(DEVICE_A, 'p1', { text: XSS });
    expect(top.statusCode, top.body).toBe(201);
    expect(top.json()).toMatchObject({ text: XSS, mine: true, parentId: null });
    expect(top.json()).not.toHaveProperty('author');
    const reply = await post(DEVICE_B, 'p1', { text: 'Reply', parentId: top.json().id });
    await post(DEVICE_A, 'p1', { text: 'Reply to the reply', parentId: reply.json().id });
    await post(DEVICE_B, 'p1', { text: 'Second thread' });
    const list = (await call(asDevice(DEVICE_A, { url: `${C}/pins/p1/comments` }))).json().comments;
    expect(list.map((c: { text: string; parentId: string | null; mine?: boolean }) => [c.text, c.parentId === null, c.mine ?? false])).toEqual([
      [XSS, true, true], ['Reply', false, false], ['Reply to the reply', false, true], ['Second thread', true, false],
    ]);
    expect(JSON.stringify(list)).not.toContain(DEVICE_A_ID);
  });

  it('lets its author edit and delete a comment for 15 minutes only', async () => {
    const made = (await post(DEVICE_A, 'p1', { text: 'First words' })).json();
    const url = `${C}/pins/p1/comments/${made.id}`;
    const edited = await call(asDevice(DEVICE_A, { method: 'PATCH', url, payload: { text: 'Better words' } }));
    expect([edited.statusCode, edited.json().text, typeof edited.json().editedAt]).toEqual([200, 'Better words', 'string']);
    expect((await call(asDevice(DEVICE_B, { method: 'PATCH', url, payload: { text: 'Not mine' } }))).statusCode).toBe(403);
    now += 16 * 60 * 1000;
    const late = await call(asDevice(DEVICE_A, { method: 'PATCH', url, payload: { text: 'Too late' } }));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'edit-window-closed']);
    expect((await call(asDevice(DEVICE_A, { method: 'DELETE', url }))).statusCode).toBe(409);
    const fresh = (await post(DEVICE_A, 'p1', { text: 'Delete me' })).json();
    expect((await call(asDevice(DEVICE_A, { method: 'DELETE', url: `${C}/pins/p1/comments/${fresh.id}` }))).statusCode).toBe(204);
    const texts = (await call({ url: `${C}/pins/p1/comments` })).json().comments.map((c: { text: string }) => c.text);
    expect(texts).toEqual(['Better words']);
  });

  it('is reported, queued for planners, hidden with a reason (audited) and then gone for residents', async () => {
    const made = (await post(DEVICE_A, 'p1', { text: 'Names a neighbour' })).json();
    await post(DEVICE_B, 'p1', { text: 'Under it', parentId: made.id });
    const url = `${C}/pins/p1/comments/${made.id}`;
    expect((await call(asDevice(DEVICE_B, { method: 'POST', url: `${url}/report` }))).json()).toEqual({ reported: true, first: true });
    expect((await call(asDevice(DEVICE_B, { method: 'POST', url: `${url}/report` }))).json()).toEqual({ reported: true, first: false });
    await call(asDevice(DEVICE_A, { method: 'POST', url: `${C}/pins/p2/report` }));
    const queue = (await call(asPlanner({ url: `${C}/moderation` }))).json().items;
    expect(queue.map((i: { type: string; reports: number; comment?: { text: string }; pin: { id: string } }) => [i.type, i.reports, i.comment?.text ?? i.pin.id])).toEqual([
      ['comment', 1, 'Names a neighbour'], ['pin', 1, 'p2'],
    ]);
    expect((await call(asPlanner({ method: 'POST', url: `${url}/hide`, payload: {} }))).statusCode).toBe(400);
    const hidden = await call(asPlanner({ method: 'POST', url: `${url}/hide`, payload: { reason: 'personal data' } }));
    expect(hidden.json()).toMatchObject({ hidden: true, hiddenReason: 'personal data' });
    expect((await call({ url: `${C}/pins/p1/comments` })).json().comments).toEqual([]);
    expect((await call(asPlanner({ url: `${C}/pins/p1/comments` }))).json().comments).toHaveLength(2);
    expect((await call(asDevice(DEVICE_B, { method: 'POST', url: `${url}/report` }))).statusCode).toBe(404);
    expect((await call(asPlanner({ url: `${C}/moderation` }))).json().items.map((i: { type: string }) => i.type)).toEqual(['pin']);
    const audit = (await call(asPlanner({ url: `${C}/audit` }))).json().entries;
    expect(audit[0]).toMatchObject({ action: 'hide-comment', reason: 'personal data', pinId: 'p1' });
  });

  it.each([
    ['empty text', { text: '   ' }],
    ['text over 500 characters', { text: 'x'.repeat(501) }],
    ['a control character', { text: 'a\u001bb' }],
    ['a bad parent id', { text: 'ok', parentId: '../x' }],
    ['no body', undefined],
  ] as [string, InjectOptions['payload']][])('refuses a comment with %s with 400', async (_name, payload) => {
    const res = await post(DEVICE_A, 'p1', payload);
    expect(res.statusCode).toBe(400);
  });

  it('refuses comments without a signed device, on unknown or hidden pins, to unknown parents, and once the consultation closes', async () => {
    expect((await call({ method: 'POST', url: `${C}/pins/p1/comments`, payload: { text: 'x' } })).statusCode).toBe(401);
    expect((await post('unsigned-device-0123456789', 'p1', { text: 'x' })).json().error.code).toBe('device-token-unsigned');
    expect((await post(DEVICE_A, 'missing', { text: 'x' })).statusCode).toBe(404);
    expect((await post(DEVICE_A, 'p1', { text: 'x', parentId: 'no-such-comment' })).statusCode).toBe(404);
    await call(asPlanner({ method: 'POST', url: `${C}/pins/p3/hide`, payload: { reason: 'test' } }));
    expect((await post(DEVICE_A, 'p3', { text: 'x' })).statusCode).toBe(404);
    expect((await call({ url: `${C}/pins/p3/comments` })).statusCode).toBe(404);
    await call(asPlanner({ method: 'PATCH', url: C, payload: { status: 'closed' } }));
    expect((await post(DEVICE_A, 'p1', { text: 'x' })).statusCode).toBe(409);
    // planners still answer a closed consultation
    expect((await call(asPlanner({ method: 'PUT', url: `${C}/pins/p1/response`, payload: { status: 'done', text: '' } }))).statusCode).toBe(200);
  });
});

describe('comment rate limits', () => {
  it('counts comments like other writes', async () => {
    await server.close();
    server = await startTestServer({ clock: () => now, rateLimits: { writesPerDevicePerMinute: 2 } });
    const made = await server.database.createConsultation(testConsultation({ slug: 'loop' }), 'test');
    if (!made.ok) throw new Error('no consultation');
    await server.database.consultation(made.consultation.id).createPin(testPin({ id: 'p9' }));
    planner = (await server.staff({ loop: 'planner' })).token;
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(asDevice(DEVICE_A, { method: 'POST', url: `${C}/pins/p9/comments`, payload: { text: `n${i}` } }))).statusCode);
    expect(codes).toEqual([201, 201, 429]);
  });
});

describe('bad input never gives a 500', () => {
  const ROUTES: [InjectOptions['method'], string][] = [
    ['PUT', '/pins/:id/response'], ['PUT', '/responses'], ['GET', '/pins/:id/response/history'], ['GET', '/moderation'], ['GET', '/feed.atom'],
    ['GET', '/pins/:id/comments'], ['POST', '/pins/:id/comments'], ['PATCH', '/pins/:id/comments/:commentId'], ['DELETE', '/pins/:id/comments/:commentId'],
    ['POST', '/pins/:id/comments/:commentId/report'], ['POST', '/pins/:id/comments/:commentId/hide'], ['POST', '/pins/:id/comments/:commentId/restore'], ['POST', '/pins/:id/report'],
  ];
  const PARAMS = ['%00', '..%2F..%2Fetc', 'x'.repeat(2000), "'; DROP TABLE comments; --", '%F0%9F%92%A9', 'p1'];
  const BODIES: unknown[] = [[1, 2], 42, 'text', null, { text: 7, status: [], ids: 'p1', parentId: {} }, { text: 'x', parentId: 'x'.repeat(65) }, { ids: [null], status: 'done', text: '' }];

  it('answers every dialogue route\'s garbage with a JSON 4xx', async () => {
    const comment = (await call(asDevice(DEVICE_A, { method: 'POST', url: `${C}/pins/p1/comments`, payload: { text: 'real' } }))).json().id as string;
    const fives: string[] = [];
    for (const [method, pattern] of ROUTES) {
      for (const param of PARAMS) {
        for (const commentId of [param, comment]) {
          const url = `${C}${pattern.replace(':id', param).replace(':commentId', commentId)}?lastEventId=x&limit=-1`;
          for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : BODIES) {
            for (const headers of [{ authorization: `Bearer ${planner}` }, { 'x-device-token': DEVICE_A }, { 'x-device-token': 'a.b.c' }] as Record<string, string>[]) {
              const options: InjectOptions = { method, url, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' } };
              if (body !== undefined) options.payload = JSON.stringify(body);
              const res = await call(options);
              if (res.statusCode >= 500 || (res.statusCode >= 400 && typeof res.json().error?.code !== 'string')) fives.push(`${method} ${url.slice(0, 80)} -> ${res.statusCode} ${res.body.slice(0, 100)}`);
            }
          }
        }
      }
    }
    expect(fives).toEqual([]);
  }, 60_000);
});
