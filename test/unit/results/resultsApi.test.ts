import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadResults } from '../../../src/persistence/resultsApi.ts';

const hidden = { suppressed: true, lessThan: 5 };
const answer = { status: 'done', text: 'Fitted', at: '2026-05-01T00:00:00Z' };

function fakeServer(budget: number, withQuotes = true): string[] {
  const asked: string[] = [];
  const bodies: Record<string, unknown> = {
    '/api/consultations/park%202026': { title: 'Park', status: 'open', opensAt: '2026-04-01T00:00:00Z', closesAt: null, closedAt: null, settings: { minCount: 7 } },
    '/api/consultations/park%202026/aggregates/areas': {
      features: [{ type: 'Feature', geometry: null, properties: { id: 'n', name: 'North', counts: { total: hidden, asset: hidden, priority: 0, byTheme: {} } } }],
      outside: 0,
    },
    '/api/consultations/park%202026/aggregates/planner?top=10&hex=2000': { top: { asset: [{ row: 3, title: 'Oak', theme: 'green', supports: 4 }], priority: [] } },
    '/api/consultations/park%202026/pins': { features: [{ properties: { id: 'p1', title: 'Bench', response: answer } }, { properties: { id: 'p2', title: 'Lamp' } }] },
    '/api/consultations/park%202026/themes': [{ id: 'green', label: 'Green' }],
    '/api/consultations/park%202026/quotes': { quotes: [{ pinId: 'p1', text: '<b>Keep</b> it', theme: 'green', kind: 'asset' }] },
  };
  if (!withQuotes) delete bodies['/api/consultations/park%202026/quotes'];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (url.endsWith('/budget')) return new Response('{}', { status: budget });
    const body = bodies[url];
    return body === undefined ? new Response(JSON.stringify({ error: { code: 'not-found', message: 'No.' } }), { status: 404 }) : Response.json(body);
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadResults', () => {
  it('reads the public figures, the pins with their answers, the dates and whether there is a budget', async () => {
    const asked = fakeServer(200);
    const data = await loadResults('park 2026');
    expect(asked.some((u) => u.includes('raw='))).toBe(false);
    expect(data.minCount).toBe(7);
    expect(data.areas).toEqual([{ id: 'n', name: 'North', counts: { total: hidden, asset: hidden, priority: 0, byTheme: {} }, geometry: null }]);
    expect(data.top.asset).toEqual([{ title: 'Oak', theme: 'green', supports: 4 }]);
    expect(data.pins).toEqual([{ id: 'p1', title: 'Bench', response: answer }, { id: 'p2', title: 'Lamp' }]);
    expect(data.opensAt).toBe('2026-04-01T00:00:00Z');
    expect(data.hasBudget).toBe(true);
    expect(data.quotes).toEqual([{ pinId: 'p1', text: '<b>Keep</b> it', theme: 'green' }]);
  });

  it('still reads the page from a server that has no quotes', async () => {
    fakeServer(200, false);
    const data = await loadResults('park 2026');
    expect([data.quotes, data.pins.length]).toEqual([[], 2]);
  });

  it('says there is no budget when the budget answers 404, and fails with the server message for an unknown consultation', async () => {
    fakeServer(404);
    expect((await loadResults('park 2026')).hasBudget).toBe(false);
    await expect(loadResults('elsewhere')).rejects.toThrow('No.');
  });
});
