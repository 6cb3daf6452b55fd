// the explorer's query codec and its edge cases: round trips, refusals, accents, undated pins, stable order, no mutation.
import { describe, expect, it } from 'vitest';
import { createPin } from '../../../src/core/createPin.ts';
import { buildResponseIndex, foldForSearch, queryResponses, selectResponses, sortResponses } from '../../../src/core/responses/responseIndex.ts';
import { DEFAULT_RESPONSE_QUERY, NO_RESPONSE_FILTER, parseResponseQuery, responseFilterOf, responseQueryToSearch } from '../../../src/core/responses/responseQuery.ts';
import type { ResponseQuery } from '../../../src/core/responses/responseQuery.ts';
import { areas, pins, themes } from '../pinFixtures.ts';

const fromSearch = (search: string) => parseResponseQuery(Object.fromEntries(new URLSearchParams(search)));

describe('responseQueryToSearch and parseResponseQuery', () => {
  it('writes nothing for the default query', () => {
    expect(responseQueryToSearch(DEFAULT_RESPONSE_QUERY)).toBe('');
    expect(fromSearch('')).toEqual({ ok: true, query: DEFAULT_RESPONSE_QUERY });
  });

  it('reads back every field it writes', () => {
    const query: ResponseQuery = { area: 'east', themes: ['green', 'safety'], kind: 'priority', from: '2026-04-01', to: '2026-04-30', text: 'Łąka, "quoted" & more', moderation: 'all', sort: 'supports', dir: 'asc', offset: 100, limit: 25 };
    expect(fromSearch(responseQueryToSearch(query))).toEqual({ ok: true, query });
  });

  it('reads back the answer panel\'s answer and map box filters, and refuses bad ones', () => {
    const query: ResponseQuery = { ...DEFAULT_RESPONSE_QUERY, answer: 'unanswered', bbox: [-2.3, 53.4, -2.2, 53.5] };
    expect(responseQueryToSearch(query)).toBe('answer=unanswered&bbox=-2.3%2C53.4%2C-2.2%2C53.5');
    expect(fromSearch(responseQueryToSearch(query))).toEqual({ ok: true, query });
    expect(responseFilterOf(query)).toEqual({ ...NO_RESPONSE_FILTER, answer: 'unanswered', bbox: [-2.3, 53.4, -2.2, 53.5] });
    const parsed = parseResponseQuery({ answer: 'maybe', bbox: '-2.2,53.4,-2.3,53.5' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['answer', 'bbox']);
    for (const bbox of ['1,2,3', '0,0,0,NaN', '-181,0,0,0', '0,,1,1']) expect(parseResponseQuery({ bbox }).ok, bbox).toBe(false);
  });

  it('keeps an empty theme list apart from no theme filter', () => {
    expect(responseQueryToSearch({ themes: [] })).toBe('theme=%2C');
    expect(fromSearch(responseQueryToSearch({ themes: [] }))).toMatchObject({ ok: true, query: { themes: [] } });
  });

  it('names each bad value', () => {
    const parsed = parseResponseQuery({ sort: 'colour', dir: 'up', kind: 'idea', from: '2026-02-30', limit: '0', offset: '-1', moderation: 'gone', q: 'x'.repeat(201), area: ['a', 'b'] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).sort()).toEqual(['area', 'dir', 'from', 'kind', 'limit', 'moderation', 'offset', 'q', 'sort']);
  });

  it('refuses a start after the end', () => {
    expect(parseResponseQuery({ from: '2026-05-01', to: '2026-04-01' }).ok).toBe(false);
  });

  it('leaves sort and page out of the filter', () => {
    const query: ResponseQuery = { ...DEFAULT_RESPONSE_QUERY, kind: 'asset', offset: 50, sort: 'title' };
    expect(responseFilterOf(query)).toEqual({ ...NO_RESPONSE_FILTER, kind: 'asset' });
  });
});

describe('foldForSearch', () => {
  it('ignores case, accents, Polish ł and repeated spaces, and keeps Urdu', () => {
    expect(foldForSearch('  Łąka  Żółta ')).toBe('laka zolta');
    expect(foldForSearch('Ysgol GYMRAEG ŵyr')).toBe('ysgol gymraeg wyr');
    expect(foldForSearch('کمیونٹی ہال')).toBe('کمیونٹی ہال');
  });
});

describe('the response index', () => {
  const undated = createPin({ kind: 'asset', theme: 'green', title: 'Undated', position: [-2.5, 53.5] }, { id: 'p3', area: 'west', now: 'not a date' });
  const all = [...pins, undated];
  const index = buildResponseIndex(all, { themes, areas });

  it('names themes and areas, and counts a missing supports as 0', () => {
    expect(index.rows[0]).toMatchObject({ id: 'p1', themeLabel: 'Green space', areaName: 'East, "Old" Town', supports: 0, status: null, hidden: false });
  });

  it('drops an undated pin from any date filter but keeps it without one', () => {
    expect(selectResponses(index, { ...NO_RESPONSE_FILTER, from: '2000-01-01' }).map((i) => index.rows[i]!.id)).toEqual(['p1', 'p2']);
    expect(selectResponses(index, NO_RESPONSE_FILTER)).toHaveLength(3);
  });

  it('sorts undated pins as the oldest and does not change its input', () => {
    const selected = [0, 1, 2];
    expect(sortResponses(index, selected, 'createdAt', 'asc').map((i) => index.rows[i]!.id)).toEqual(['p3', 'p1', 'p2']);
    expect(selected).toEqual([0, 1, 2]);
  });

  it('pages past the end as an empty page with the total', () => {
    expect(queryResponses(index, { ...DEFAULT_RESPONSE_QUERY, offset: 10 })).toEqual({ total: 3, offset: 10, rows: [] });
  });

  it('does not change the pins', () => {
    const before = JSON.stringify(all);
    const again = buildResponseIndex(all, { themes, areas });
    queryResponses(again, { ...DEFAULT_RESPONSE_QUERY, text: 'park', sort: 'title' });
    expect(JSON.stringify(all)).toBe(before);
  });
});
