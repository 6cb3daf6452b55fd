// API behaviour for planners: sign-in, what residents may not do, moderation with audit, replacing areas, export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, asDevice, awayFromWindowEdge, DEVICE_A, pinBody, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

describe('planner API', () => {
  let server: TestServer;
  let pinId: string;
  beforeEach(async () => {
    server = await startTestServer({ rateLimits: { signInFailuresPer15Minutes: 3 } });
    pinId = (await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({ title: '=HYPERLINK("x")' }) }))).json().id;
  });
  afterEach(() => server.close());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses residents (with or without a device token) everything planners do', async () => {
    const attempts = [
      { method: 'POST', url: `/api/pins/${pinId}/hide`, payload: { reason: 'spam' } },
      { method: 'POST', url: `/api/pins/${pinId}/restore`, payload: { reason: 'ok' } },
      { method: 'PUT', url: '/api/areas', payload: testAreas() },
      { method: 'PUT', url: '/api/themes', payload: testThemes() },
      { method: 'GET', url: '/api/export/pins.geojson' },
      { method: 'GET', url: '/api/export/pins.csv' },
      { method: 'GET', url: '/api/audit' },
    ] as const;
    for (const attempt of attempts) {
      for (const options of [attempt, asDevice(DEVICE_A, attempt), { ...attempt, headers: bearer('forged.token') }]) {
        const res = await server.app.inject(options);
        expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(401);
        expect(res.json().error.code).toBe('sign-in-required');
      }
    }
    expect((await server.storage.getPin(pinId))?.properties.hidden).toBe(false);
    expect(await server.storage.listAudit()).toEqual([]);
  });

  it('refuses a wrong password and then rate-limits attempts, even a right one', async () => {
    const attempt = (password: string) => server.app.inject({ method: 'POST', url: '/api/session', payload: { email: ADMIN_EMAIL, password } });
    await awayFromWindowEdge(15 * 60_000);
    const wrong = await attempt('guess number one');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('wrong-credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    await attempt('guess 2');
    await attempt('guess 3');
    const blocked = await attempt(ADMIN_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too-many-attempts');
    expect((await attempt('x')).statusCode).toBe(429);
  });

  it('hides and restores a pin with a reason, in the audit log and out of residents\' view', async () => {
    const token = await server.plannerToken();
    const noReason = await server.app.inject({ method: 'POST', url: `/api/pins/${pinId}/hide`, headers: bearer(token), payload: {} });
    expect(noReason.statusCode).toBe(400);
    const hidden = await server.app.inject({ method: 'POST', url: `/api/pins/${pinId}/hide`, headers: bearer(token), payload: { reason: 'names a neighbour' } });
    expect(hidden.json().properties).toMatchObject({ hidden: true, hiddenReason: 'names a neighbour' });
    const residentList = (await server.app.inject({ url: '/api/pins' })).json().features.map((f: { id: string }) => f.id);
    expect(residentList).not.toContain(pinId);
    expect((await server.app.inject({ url: `/api/pins/${pinId}` })).statusCode).toBe(404);
    // the author still sees their own hidden pin
    expect((await server.app.inject(asDevice(DEVICE_A, { url: `/api/pins/${pinId}` }))).statusCode).toBe(200);
    const plannerList = (await server.app.inject({ url: '/api/pins?includeHidden=true', headers: bearer(token) })).json().features;
    expect(plannerList.find((f: { id: string }) => f.id === pinId).properties.hidden).toBe(true);

    await server.app.inject({ method: 'POST', url: `/api/pins/${pinId}/restore`, headers: bearer(token), payload: { reason: 'author edited it' } });
    const audit = (await server.app.inject({ url: '/api/audit', headers: bearer(token) })).json().entries;
    expect(audit.map((e: { action: string; reason: string }) => [e.action, e.reason])).toEqual([['restore', 'author edited it'], ['hide', 'names a neighbour']]);
    expect((await server.app.inject({ url: `/api/pins/${pinId}` })).statusCode).toBe(200);
  });

  it('replaces areas all-or-nothing', async () => {
    const token = await server.plannerToken();
    const put = (payload: unknown) => server.app.inject({ method: 'PUT', url: '/api/areas', headers: bearer(token), payload: payload as object });
    const invalid = await put({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('invalid-areas');
    const eastOnly = { ...testAreas(), features: testAreas().features.slice(1) };
    const refused = await put(eastOnly);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'pins-outside-areas', details: { count: 2 } });
    expect((await server.app.inject({ url: '/api/areas' })).json().features).toHaveLength(2);

    const big = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'all', name: 'Everywhere' }, geometry: { type: 'Polygon', coordinates: [[[-3, 53], [-1, 53], [-1, 54], [-3, 54], [-3, 53]]] } }] };
    const ok = await put(big);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, areas: 1, reassigned: 2 });
    expect((await server.storage.getPin(pinId))?.properties.area).toBe('all');
    // new pins are placed with the new areas straight away
    const far = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody({}, [-1.5, 53.5]) }));
    expect(far.json().properties.area).toBe('all');
  });

  it('replaces themes but not away from ones in use', async () => {
    const token = await server.plannerToken();
    const put = (payload: unknown) => server.app.inject({ method: 'PUT', url: '/api/themes', headers: bearer(token), payload: payload as object });
    expect((await put([{ id: 'Bad Id', label: 'x', colour: 'red', icon: 'x' }])).json().error.code).toBe('invalid-themes');
    expect((await put(testThemes().filter((t) => t.id !== 'safety'))).json().error.code).toBe('themes-in-use');
    const ok = await put([...testThemes(), { id: 'play', label: 'Play', colour: '#AABBCC', icon: 'ball' }]);
    expect(ok.statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/themes' })).json().map((t: { id: string }) => t.id)).toEqual(['green', 'safety', 'play']);
  });

  it('exports GeoJSON and CSV without device identities, with formulas neutralised', async () => {
    const token = await server.plannerToken();
    const geojson = await server.app.inject({ url: '/api/export/pins.geojson', headers: bearer(token) });
    expect(geojson.headers['content-type']).toContain('application/geo+json');
    const parsed = JSON.parse(geojson.body);
    expect(parsed.features.map((f: { id: string }) => f.id)).toContain(pinId);
    expect(geojson.body).not.toContain('"author"');
    const csv = await server.app.inject({ url: '/api/export/pins.csv', headers: bearer(token) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^\uFEFFid,kind,theme/);
    expect(csv.body).toContain(`'=HYPERLINK`);
  });
});
