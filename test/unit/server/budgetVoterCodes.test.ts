// one-time voter codes: a planner prints a PDF sheet of new codes; each code casts one ballot, once, without a device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { testAreas, testThemes } from '../../support/serverFixtures.ts';

const B = '/api/consultations/codes/budget';
let server: TestServer;
let planner = '';

/** the codes printed on the sheet: its text runs are hex strings (the file is not compressed) */
function codesIn(pdf: Buffer): string[] {
  const runs = [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
  return runs.filter((text) => /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(text));
}

beforeAll(async () => {
  server = await startTestServer();
  const made = await server.database.createConsultation({ slug: 'codes', title: 'Codes', summary: '', status: 'open', opensAt: null, closesAt: null, settings: {}, areas: testAreas(), themes: testThemes() }, 'test');
  if (!made.ok) throw new Error('no consultation');
  planner = (await server.staff({ codes: 'planner' })).token;
  const auth = { authorization: `Bearer ${planner}` };
  await server.app.inject({ method: 'PUT', url: B, headers: auth, payload: { amount: 10, currency: 'GBP', rule: 'greedy' } });
  await server.app.inject({ method: 'POST', url: `${B}/projects`, headers: auth, payload: { id: 'a', title: 'A', cost: 5 } });
});
afterAll(async () => server.close());

describe('voter codes', () => {
  it('prints a sheet of new codes for planners only', async () => {
    expect((await server.app.inject({ url: `${B}/voter-codes.pdf` })).statusCode).toBe(401);
    const bad = await server.app.inject({ url: `${B}/voter-codes.pdf?count=0`, headers: { authorization: `Bearer ${planner}` } });
    expect(bad.statusCode).toBe(400);
    const res = await server.app.inject({ url: `${B}/voter-codes.pdf?count=30`, headers: { authorization: `Bearer ${planner}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const codes = codesIn(res.rawPayload);
    expect(codes).toHaveLength(30);
    expect(new Set(codes).size).toBe(30);
    const budget = server.database.consultation((await server.database.getConsultation('codes'))!.id).budget();
    expect(await budget.voterCodeCounts()).toEqual({ total: 30, used: 0 });
  });

  it('takes one ballot per code, whatever its case, and refuses a made-up code', async () => {
    const sheet = await server.app.inject({ url: `${B}/voter-codes.pdf?count=2`, headers: { authorization: `Bearer ${planner}` } });
    const [code] = codesIn(sheet.rawPayload);
    const put = (payload: unknown) => server.app.inject({ method: 'PUT', url: `${B}/ballot`, payload: payload as never });
    const first = await put({ projects: ['a'], code: code!.toLowerCase() });
    expect(first.statusCode, first.body).toBe(200);
    const again = await put({ projects: ['a'], code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('voter-code-used');
    expect((await put({ projects: ['a'], code: 'AAAA-BBBB-CCCC' })).json().error.code).toBe('unknown-voter-code');
    // the over-budget rule applies to code ballots too, and a refused ballot does not use the code up
    const [, second] = codesIn(sheet.rawPayload);
    expect((await put({ projects: ['a', 'a'], code: second })).statusCode).toBe(422);
    expect((await put({ projects: ['a'], code: second })).statusCode).toBe(200);
  });
});
