// planner-chosen quotes: a planner features a visible pin's words (never a hidden one's), the public reads them as
// text without who wrote them, hiding a pin takes its quote off, and every change is audited; bad input is a 4xx.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

const C = '/api/consultations/loop';
const XSS = '<img src=x onerror=alert(1)>';
let server: TestServer;
let planner = '';
const call = (options: InjectOptions) => server.app.inject(options);
const asPlanner = (options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${planner}` } });
const feature = (id: string, featured: unknown) => call(asPlanner({ method: 'PUT', url: `${C}/pins/${id}/quote`, payload: { featured } }));

beforeEach(async () => {
  let now = Date.parse('2031-01-01T12:00:00.000Z');
  server = await startTestServer({ clock: () => (now += 1000) });
  const made = await server.database.createConsultation(testConsultation({ slug: 'loop' }), 'test');
  if (!made.ok) throw new Error('no consultation');
  const here = server.database.consultation(made.consultation.id);
  await here.createPin(testPin({ id: 'p1', title: 'Pin one', note: `Keep the old oak ${XSS}`, author: 'resident-secret' }));
  await here.createPin(testPin({ id: 'p2', title: 'Just a title' }));
  await here.createPin(testPin({ id: 'p3', title: 'Pin three' }));
  planner = (await server.staff({ loop: 'planner' })).token;
});
afterEach(async () => server.close());

describe('featured quotes', () => {
  it('shows featured words (the note, else the title) in the order featured, as text, without the author', async () => {
    expect((await call({ url: `${C}/quotes` })).json()).toEqual({ quotes: [] });
    expect((await feature('p2', true)).json()).toEqual({ id: 'p2', featured: true });
    expect((await feature('p1', true)).statusCode).toBe(200);
    const res = await call({ url: `${C}/quotes` });
    expect(res.json().quotes).toEqual([
      { pinId: 'p2', text: 'Just a title', theme: expect.any(String), kind: expect.any(String) },
      { pinId: 'p1', text: `Keep the old oak ${XSS}`, theme: expect.any(String), kind: expect.any(String) },
    ]);
    expect(res.body).not.toContain('resident-secret');
    expect((await feature('p2', false)).statusCode).toBe(200);
    expect((await call({ url: `${C}/quotes` })).json().quotes.map((q: { pinId: string }) => q.pinId)).toEqual(['p1']);
    const audit = (await call(asPlanner({ url: `${C}/audit` }))).json();
    const actions = (audit.entries ?? audit).map((e: { action: string; pinId: string }) => [e.action, e.pinId]);
    expect(actions).toEqual(expect.arrayContaining([['feature-quote', 'p2'], ['feature-quote', 'p1'], ['unfeature-quote', 'p2']]));
  });

  it('never shows a hidden pin\'s words: refused while hidden, and hiding a featured pin takes it off', async () => {
    await feature('p3', true);
    await call(asPlanner({ method: 'POST', url: `${C}/pins/p3/hide`, payload: { reason: 'personal data' } }));
    expect((await call({ url: `${C}/quotes` })).json().quotes).toEqual([]);
    const refused = await feature('p3', true);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'pin-hidden']);
    // taking it off is always allowed
    expect((await feature('p3', false)).statusCode).toBe(200);
    await call(asPlanner({ method: 'POST', url: `${C}/pins/p3/restore`, payload: { reason: 'checked' } }));
    expect((await call({ url: `${C}/quotes` })).json().quotes).toEqual([]);
  });

  it.each([
    ['no body field', {}],
    ['a list', [true]],
    ['featured as text', { featured: 'yes' }],
    ['an extra field', { featured: true, text: 'my own words' }],
  ])('refuses %s with 400', async (_name, payload) => {
    const res = await call(asPlanner({ method: 'PUT', url: `${C}/pins/p1/quote`, payload }));
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'invalid-quote']);
  });

  it('answers 404 for a pin that does not exist or a bad id', async () => {
    expect((await feature('nope', true)).statusCode).toBe(404);
    expect((await feature('a%20b', true)).statusCode).toBe(404);
  });
});
