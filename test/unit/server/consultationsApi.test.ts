// the consultations API: the list by audience, creating (also from a template), the lifecycle and its refusals, and
// nothing of one consultation reaching another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asDevice, DEVICE_A, DEVICE_B, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

let server: TestServer;
// the server's clock; storage stamps creation with the real time, so tests only move it forwards
let now = Date.now();
let admin = '';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeEach(async () => {
  now = Date.now();
  server = await startTestServer({ clock: () => now });
  admin = await server.plannerToken();
});
afterEach(async () => server.close());

const create = (payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: '/api/consultations', headers: bearer(admin), payload });
const patch = (slug: string, payload: Record<string, unknown>) => server.app.inject({ method: 'PATCH', url: `/api/consultations/${slug}`, headers: bearer(admin), payload });
const slugs = (res: { json(): { consultations: { slug: string }[] } }) => res.json().consultations.map((c) => c.slug);

async function openConsultation(slug: string) {
  expect((await create({ slug, title: `About ${slug}`, template: { format: 'coplan-consultation-template', version: 1, title: slug, summary: '', areas: testAreas(), themes: testThemes(), settings: {} } })).statusCode).toBe(201);
  expect((await patch(slug, { status: 'open' })).statusCode).toBe(200);
}

describe('creating and listing', () => {
  it('creates a draft only staff see, then lists it for everyone once open', async () => {
    const made = await create({ slug: 'park-plan', title: 'Park plan', summary: 'What should change in the park?' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ slug: 'park-plan', status: 'draft', counts: { pins: 0 }, settings: { minCount: 5, parts: { map: true, table: true } } });
    expect(slugs(await server.app.inject({ url: '/api/consultations' }))).not.toContain('park-plan');
    expect(slugs(await server.app.inject({ url: '/api/consultations', headers: bearer(admin) }))).toContain('park-plan');
    expect((await server.app.inject({ url: '/api/consultations/park-plan' })).statusCode).toBe(404);
    expect((await patch('park-plan', { status: 'open' })).json().status).toBe('open');
    expect(slugs(await server.app.inject({ url: '/api/consultations' }))).toContain('park-plan');
  });

  it('without a template starts with the default themes and no areas', async () => {
    await create({ slug: 'bare', title: 'Bare' });
    const themes = await server.app.inject({ url: '/api/consultations/bare/themes', headers: bearer(admin) });
    expect(themes.json().map((t: { id: string }) => t.id)).toEqual(testThemes().map((t) => t.id));
    expect((await server.app.inject({ url: '/api/consultations/bare/areas', headers: bearer(admin) })).json().features).toEqual([]);
  });

  it('refuses a taken slug, a bad slug, bad dates and a bad template, creating nothing', async () => {
    await create({ slug: 'taken', title: 'One' });
    const count = async () => (await server.app.inject({ url: '/api/consultations', headers: bearer(admin) })).json().consultations.length;
    const before = await count();
    expect((await create({ slug: 'taken', title: 'Two' })).json().error.code).toBe('slug-taken');
    expect((await create({ slug: 'Bad Slug', title: 'x' })).json().error).toMatchObject({ code: 'invalid-consultation', details: [{ path: 'slug' }] });
    expect((await create({ slug: 'dates', title: 'x', opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-05-01T00:00:00Z' })).statusCode).toBe(400);
    const badTemplate = await create({ slug: 'from-bad', title: 'x', template: { format: 'coplan-consultation-template', version: 1, title: 'x', areas: { type: 'FeatureCollection', features: [] }, themes: [], pins: [] } });
    expect(badTemplate.statusCode).toBe(400);
    expect(badTemplate.json().error.code).toBe('invalid-template');
    expect(badTemplate.json().error.details.map((d: { path: string }) => d.path)).toContain('template.pins');
    expect(await count()).toBe(before);
  });

  it("a template carries a consultation's areas, themes and settings to a new one, and no pins", async () => {
    await openConsultation('source');
    await patch('source', { settings: { minCount: 3, privacyNotice: 'Kept for a year.' } });
    expect((await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/source/pins', payload: pinBody() }))).statusCode).toBe(201);
    const template = await server.app.inject({ url: '/api/consultations/source/template', headers: bearer(admin) });
    expect(template.headers['content-disposition']).toContain('coplan-source-template.json');
    expect(template.body).not.toContain('Dark underpass');
    const copy = await create({ slug: 'copy', title: 'Copy', template: template.json() });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', counts: { pins: 0 }, settings: { minCount: 3, privacyNotice: 'Kept for a year.' } });
    const areas = await server.app.inject({ url: '/api/consultations/copy/areas', headers: bearer(admin) });
    expect(areas.json().features.map((f: { id: string }) => f.id)).toEqual(['west', 'east']);
  });
});

describe('lifecycle', () => {
  it('refuses every resident write to a closed consultation with 409 and still shows it, saying since when', async () => {
    await openConsultation('town');
    const pin = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/town/pins', payload: pinBody() }));
    const id = pin.json().id as string;
    const closed = await patch('town', { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: new Date(now).toISOString() });
    const writes = [
      asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/town/pins', payload: pinBody() }),
      asDevice(DEVICE_A, { method: 'PATCH', url: `/api/consultations/town/pins/${id}`, payload: { properties: { title: 'Changed' } } }),
      asDevice(DEVICE_A, { method: 'DELETE', url: `/api/consultations/town/pins/${id}` }),
      asDevice(DEVICE_B, { method: 'POST', url: `/api/consultations/town/pins/${id}/support` }),
      asDevice(DEVICE_B, { method: 'DELETE', url: `/api/consultations/town/pins/${id}/support` }),
    ];
    for (const write of writes) {
      const res = await server.app.inject(write);
      expect(res.statusCode, `${write.method} ${write.url}`).toBe(409);
      expect(res.json().error.code).toBe('consultation-closed');
    }
    const read = await server.app.inject({ url: '/api/consultations/town/pins' });
    expect(read.json().features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual(['Dark underpass']);
    expect(slugs(await server.app.inject({ url: '/api/consultations' }))).toContain('town');
  });

  it('opens and closes by the server clock', async () => {
    const opensAt = new Date(now + 3600_000).toISOString();
    const closesAt = new Date(now + 7 * 86400_000).toISOString();
    await create({ slug: 'timed', title: 'Timed', opensAt, closesAt, template: { format: 'coplan-consultation-template', version: 1, title: 'x', areas: testAreas(), themes: testThemes() } });
    const post = () => server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/timed/pins', payload: pinBody() }));
    expect((await post()).statusCode).toBe(404);
    now = Date.parse(opensAt);
    expect((await server.app.inject({ url: '/api/consultations/timed' })).json().status).toBe('open');
    expect((await post()).statusCode).toBe(201);
    now = Date.parse(closesAt);
    const closed = await server.app.inject({ url: '/api/consultations/timed' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: closesAt });
    expect((await post()).json().error.code).toBe('consultation-closed');
  });

  it('takes an archived consultation off the list for everyone but staff', async () => {
    await openConsultation('old');
    await patch('old', { status: 'archived' });
    expect(slugs(await server.app.inject({ url: '/api/consultations' }))).not.toContain('old');
    expect((await server.app.inject({ url: '/api/consultations/old/pins' })).statusCode).toBe(404);
    expect((await server.app.inject({ url: '/api/consultations/old', headers: bearer(admin) })).json().status).toBe('archived');
  });

  it("takes pins only through the parts that are on: the map's, the table's (a workshop session), or both", async () => {
    await openConsultation('parts');
    const post = (sessionId?: string) => server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/parts/pins', payload: pinBody(sessionId ? { sessionId } : {}) }));
    expect((await post()).statusCode).toBe(201);
    expect((await post('hall-1')).statusCode).toBe(201);
    await patch('parts', { settings: { parts: { map: false, table: true } } });
    expect((await post()).json().error.code).toBe('part-off');
    expect((await post('hall-1')).statusCode).toBe(201);
    await patch('parts', { settings: { parts: { map: true, table: false } } });
    expect((await post()).statusCode).toBe(201);
    expect((await post('hall-1')).json().error.code).toBe('part-off');
  });

  it('refuses bad changes naming the field, changing nothing', async () => {
    await openConsultation('strict');
    for (const payload of [{ status: 'paused' }, { settings: { minCount: -2 } }, { settings: { colour: 'red' } }, { title: '' }, { closesAt: 'tomorrow' }, { owner: 'me' }]) {
      const res = await patch('strict', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await server.app.inject({ url: '/api/consultations/strict' })).json()).toMatchObject({ status: 'open', title: 'About strict', settings: { minCount: 5 } });
  });
});

describe('isolation', () => {
  it('keeps pins, supports, exports, audit and aggregates of two consultations apart', async () => {
    await openConsultation('one');
    await openConsultation('two');
    const inOne = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/consultations/one/pins', payload: pinBody({ title: 'Only in one' }) }));
    const id = inOne.json().id as string;
    await server.app.inject(asDevice(DEVICE_B, { method: 'POST', url: `/api/consultations/one/pins/${id}/support` }));
    await server.app.inject({ method: 'POST', url: `/api/consultations/one/pins/${id}/hide`, headers: bearer(admin), payload: { reason: 'test' } });
    const two = (path: string) => server.app.inject({ url: `/api/consultations/two${path}`, headers: bearer(admin) });
    expect((await two('/pins?includeHidden=true')).json().features).toEqual([]);
    expect((await two(`/pins/${id}`)).statusCode).toBe(404);
    expect((await two('/export/pins.csv')).body).not.toContain('Only in one');
    expect((await two('/audit')).json().entries.filter((e: { action: string }) => e.action === 'hide')).toEqual([]);
    expect((await two('/aggregates/summary')).json().pins).toBe(0);
    expect((await server.app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/consultations/two/pins/${id}`, payload: { properties: { title: 'x' } } }))).statusCode).toBe(404);
    const audit = (await server.app.inject({ url: '/api/consultations/one/audit', headers: bearer(admin) })).json().entries;
    expect(audit.find((e: { action: string }) => e.action === 'hide')).toMatchObject({ actor: 'Test Admin <admin@coplan.test>', pinId: id });
  });
});
