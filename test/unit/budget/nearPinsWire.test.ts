// the pins-near query codec (defaults, a round trip, each bad or missing value named, the answer read back) and its client's one question per place.
import { describe, expect, it } from 'vitest';
import { ASSETS_NEAR_METRES } from '../../../src/core/budget/projectPlaces.ts';
import { NEAR_LIMIT_DEFAULT, NEAR_LIMIT_MAX, NEAR_RADIUS_MAX, nearAnswerFromJson, nearQueryToSearch, parseNearQuery } from '../../../src/core/pins/nearPinsWire.ts';
import type { NearQuery } from '../../../src/core/pins/nearPinsWire.ts';
import { createPinsNearClient } from '../../../src/persistence/pinsNearClient.ts';

const fromSearch = (search: string) => parseNearQuery(Object.fromEntries(new URLSearchParams(search)));

describe('nearQueryToSearch and parseNearQuery', () => {
  it('reads back what it writes', () => {
    const query: NearQuery = { position: [-2.123456, 53.4], radius: 250.5, kind: 'priority', limit: 7 };
    expect(fromSearch(nearQueryToSearch(query))).toEqual({ ok: true, query });
  });

  it('defaults the radius to the budget\u2019s "near", the kind to assets and the limit', () => {
    expect(parseNearQuery({ lon: '-2.1', lat: '53.4' })).toEqual({ ok: true, query: { position: [-2.1, 53.4], radius: ASSETS_NEAR_METRES, kind: 'asset', limit: NEAR_LIMIT_DEFAULT } });
  });

  it('names each bad or missing value', () => {
    const parsed = parseNearQuery({ lat: 'NaN', radius: String(NEAR_RADIUS_MAX + 1), limit: String(NEAR_LIMIT_MAX + 1), kind: 'tree' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.path}:${p.rule}`)).toEqual(['lon:required', 'lat:invalid-number', 'radius:invalid-number', 'limit:invalid-number', 'kind:invalid-value']);
    for (const bad of [{ lon: '', lat: '1' }, { lon: 'Infinity', lat: '1' }, { lon: '1', lat: '91' }, { lon: '1', lat: '1', radius: '-5' }, { lon: '1', lat: '1', limit: '2.5' }, { lon: ['1', '2'], lat: '1' }]) {
      expect(parseNearQuery(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('reads an answer and refuses a broken one', () => {
    const answer = { pins: [{ id: 'a', kind: 'asset', theme: 'green', title: 'Oak', position: [-2.1, 53.4], metres: 12 }], truncated: false };
    expect(nearAnswerFromJson(answer)).toEqual({ ok: true, answer });
    expect(nearAnswerFromJson({ pins: [{ id: 'a' }], truncated: false }).ok).toBe(false);
  });
});

describe('createPinsNearClient', () => {
  const query: NearQuery = { position: [-2.1, 53.4], radius: 300, kind: 'asset', limit: 5 };
  const fakeApi = (answers: unknown[]) => {
    const asked: string[] = [];
    return {
      asked,
      api: {
        consultationBase: '/api/consultations/town',
        send: async (_method: string, path: string) => {
          asked.push(path);
          const next = answers.shift();
          if (next instanceof Error) throw next;
          return { status: 200, json: next, text: '', headers: new Headers() };
        },
      },
    };
  };

  it('asks the server once per question, and again after a failure or a broken answer', async () => {
    const good = { pins: [{ id: 'a', kind: 'asset', theme: 'green', title: 'Oak', position: [-2.1, 53.4], metres: 3 }], truncated: false };
    const { api, asked } = fakeApi([new Error('offline'), { pins: 'no' }, good]);
    const near = createPinsNearClient(api);
    await expect(near(query)).rejects.toThrow('offline');
    await expect(near(query)).rejects.toThrow(/not valid/);
    expect(await near(query)).toEqual(good);
    expect(await near(query)).toEqual(good);
    expect(asked).toEqual(Array(3).fill(`/api/consultations/town/pins/near?${nearQueryToSearch(query)}`));
  });
});
