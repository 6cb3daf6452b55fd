// control characters in pin text through the HTTP API: refused with 400 naming the field, nothing stored, on SQLite
// and on PostgreSQL alike (PostgreSQL's text cannot hold U+0000, which used to surface as a 500).
import { describe, expect, it } from 'vitest';
import { unstorableText } from '../../../src/core/storableText.ts';
import { openPostgresStorage } from '../../../src/server/storage/openStorage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';
import { asDevice, DEVICE_A, pinBody, seed, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

const REFUSED: [string, string][] = [
  ['NUL', 'bad\u0000title'],
  ['escape', 'colour \u001b[31mred'],
  ['vertical tab', 'one\u000btwo'],
  ['DEL', 'a\u007fb'],
  ['C1 control', 'a\u0085b'],
  ['lone high surrogate', 'broken \ud83d'],
  ['lone low surrogate', '\ude00 broken'],
];

function contract(open: () => Promise<Storage>) {
  async function withServer(run: (server: TestServer) => Promise<void>) {
    const server = await startTestServer({ storage: await open(), rateLimits: { pinsPerDevicePerMinute: 0, pinsPerAddressPerMinute: 0 } });
    try {
      await run(server);
    } finally {
      await server.close();
    }
  }
  const post = (server: TestServer, properties: Record<string, unknown>) =>
    server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: '/api/pins', payload: pinBody(properties) }));

  it.each(REFUSED)('refuses a %s in a new pin\'s title, note or theme with 400, storing nothing', async (_name, text) => {
    await withServer(async (server) => {
      const before = await server.storage.countPins();
      for (const [field, properties] of [['title', { title: text }], ['note', { note: text }], ['theme', { theme: text }]] as const) {
        const res = await post(server, properties);
        expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe('invalid-pin');
        expect(error.details).toContainEqual(expect.objectContaining({ path: `properties.${field}` }));
      }
      expect(await server.storage.countPins()).toBe(before);
    });
  });

  it('refuses an edit that brings one in, and keeps the pin as it was', async () => {
    await withServer(async (server) => {
      const created = await post(server, { note: 'fine' });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const patch = await server.app.inject(asDevice(DEVICE_A, { method: 'PATCH', url: `/api/pins/${id}`, payload: { properties: { note: 'nul\u0000here', title: 'New' } } }));
      expect(patch.statusCode).toBe(400);
      expect(patch.json().error.details).toContainEqual(expect.objectContaining({ path: 'properties.note' }));
      const stored = await server.app.inject(asDevice(DEVICE_A, { url: `/api/pins/${id}` }));
      expect(stored.json().properties).toMatchObject({ title: 'Dark underpass', note: 'fine' });
    });
  });

  it('stores tabs, line breaks, right-to-left marks and emoji as they were sent', async () => {
    await withServer(async (server) => {
      const note = 'line one\r\nline two\tand a tab — \u200fاردو\u200e 🚲';
      const res = await post(server, { note });
      expect(res.statusCode).toBe(201);
      const stored = await server.app.inject(asDevice(DEVICE_A, { url: `/api/pins/${res.json().id}` }));
      expect(stored.json().properties.note).toBe(note);
    });
  });
}

describe('control characters in pin text, SQLite', () => {
  contract(async () => (await import('../../../src/server/storage/openStorage.ts')).openSqliteStorage({ file: ':memory:', seed }));
});

describe('control characters in pin text, PostgreSQL', () => {
  const db = postgresSuite('t_ctrl');
  if (!db) return;
  contract(() => openPostgresStorage({ connectionString: db.url, schema: db.freshSchema(), seed, poolSize: 2 }));
});

describe('unstorableText', () => {
  it('names the first refused character and its position', () => {
    expect(unstorableText('ok\u0000')).toBe('contains the control character U+0000 at position 3');
    expect(unstorableText('\ud83d')).toBe('contains half of a UTF-16 surrogate pair U+D83D at position 1');
    expect(unstorableText('a\u0009b\u000ac\u000dd')).toBeNull();
    expect(unstorableText('🚲')).toBeNull();
  });
});

describe('the same rule in other core validators', () => {
  it('refuses control characters in theme labels and descriptions', async () => {
    const { parseThemes } = await import('../../../src/core/parseThemes.ts');
    const theme = { id: 'green', label: 'Green space', colour: '#1b9e77', icon: 'tree' };
    expect(parseThemes(JSON.stringify([theme])).ok).toBe(true);
    const bad = parseThemes(JSON.stringify([{ ...theme, label: 'Green\u0000', descriptions: { cy: 'Gwyrdd\u001b' } }]));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['[0].label', '[0].descriptions.cy']));
  });
});

describe('the same rule for imported pins and workshop sessions', () => {
  it('refuses control characters in an imported pin and in a session name', async () => {
    const { parsePins } = await import('../../../src/core/parsePins.ts');
    const { validateSessionInput } = await import('../../../src/core/tableSession.ts');
    const file = (title: string, author = 'a') => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-2.25, 53.45] }, properties: { kind: 'asset', theme: 'safety', title, author } }] });
    const { testAreas, testThemes } = await import('../../support/serverFixtures.ts');
    const context = { areas: testAreas(), themes: testThemes() };
    expect(parsePins(file('Fine'), context).ok).toBe(true);
    expect(parsePins(file('Bad\u0000'), context).ok).toBe(false);
    expect(parsePins(file('Fine', 'x\u0007'), context).ok).toBe(false);
    expect(validateSessionInput({ name: 'Hall', date: '2026-11-28' }).ok).toBe(true);
    expect(validateSessionInput({ name: 'Hall\u0000', date: '2026-11-28' }).ok).toBe(false);
    expect(validateSessionInput({ name: 'Hall', date: '2026-11-28', place: 'Room\u001b' }).ok).toBe(false);
  });
});
