import { describe, expect, it } from 'vitest';
import { sessionPins, summariseSession } from '../../src/core/sessionSummary.ts';
import { createTableSession, idleSecondsFrom, parseTableSession, validateSessionInput } from '../../src/core/tableSession.ts';
import type { PinFeature, PinKind } from '../../src/core/types.ts';

let n = 0;
function pin(kind: PinKind, theme: string, area: string, extra: { sessionId?: string; note?: string; minute?: number } = {}): PinFeature {
  const id = `p${++n}`;
  const createdAt = `2026-04-18T10:${String(extra.minute ?? n).padStart(2, '0')}:00.000Z`;
  const properties: PinFeature['properties'] = { id, kind, theme, title: theme, area, createdAt, updatedAt: createdAt };
  if (extra.sessionId !== undefined) properties.sessionId = extra.sessionId;
  if (extra.note) properties.note = extra.note;
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [-2, 53] }, properties };
}

describe('summariseSession', () => {
  const s = 'session-a';
  const pins = [
    pin('priority', 'transport', 'old-town', { sessionId: s, note: 'Crossing by the school', minute: 1 }),
    pin('priority', 'transport', 'old-town', { sessionId: s, minute: 2 }),
    pin('priority', 'safety', 'brookside', { sessionId: s, minute: 3 }),
    pin('asset', 'green', 'old-town', { sessionId: s, note: 'The oak', minute: 4 }),
    pin('asset', 'green', 'brookside', { sessionId: s, minute: 5 }),
    pin('asset', 'green', 'brookside', { sessionId: s, minute: 6 }),
    pin('priority', 'transport', 'old-town', { sessionId: 'session-b', minute: 7 }),
    pin('asset', 'green', 'old-town', { minute: 8 }),
  ];

  it('counts only the session\'s pins, by kind, theme and neighbourhood', () => {
    const summary = summariseSession(pins, s);
    expect(summary.counts).toEqual({ asset: 3, priority: 3, total: 6 });
    expect(summary.byTheme).toEqual([
      { id: 'green', asset: 3, priority: 0, total: 3 },
      { id: 'transport', asset: 0, priority: 2, total: 2 },
      { id: 'safety', asset: 0, priority: 1, total: 1 },
    ]);
    expect(summary.byArea).toEqual([
      // a tie on total goes to the area with more priorities
      { id: 'old-town', asset: 1, priority: 2, total: 3 },
      { id: 'brookside', asset: 2, priority: 1, total: 3 },
    ]);
  });

  it('ranks top priorities and assets by theme and place, with their notes', () => {
    const summary = summariseSession(pins, s, { top: 2 });
    expect(summary.topPriorities).toEqual([
      { theme: 'transport', area: 'old-town', count: 2, notes: ['Crossing by the school'] },
      { theme: 'safety', area: 'brookside', count: 1, notes: [] },
    ]);
    expect(summary.topAssets).toEqual([
      { theme: 'green', area: 'brookside', count: 2, notes: [] },
      { theme: 'green', area: 'old-town', count: 1, notes: ['The oak'] },
    ]);
  });

  it('leaves hidden pins out everywhere, and does not change its input', () => {
    const before = JSON.stringify(pins);
    const summary = summariseSession(pins, s, { hiddenIds: [pins[0]!.id, pins[1]!.id] });
    expect(summary.counts).toEqual({ asset: 3, priority: 1, total: 4 });
    expect(summary.topPriorities.map((t) => t.theme)).toEqual(['safety']);
    expect(JSON.stringify(pins)).toBe(before);
  });

  it('gives empty rows for a session with no pins, and refuses a bad top', () => {
    expect(summariseSession(pins, 'nobody')).toMatchObject({ counts: { asset: 0, priority: 0, total: 0 }, byTheme: [], topAssets: [] });
    expect(() => summariseSession(pins, s, { top: 1.5 })).toThrow(/top must be a whole number/);
  });

  it('quotes the notes people left, keep and change apart, oldest first, at most the number asked', () => {
    const summary = summariseSession(pins, s);
    expect(summary.quotes).toEqual({
      asset: [{ pinId: pins[3]!.id, note: 'The oak', theme: 'green', area: 'old-town' }],
      priority: [{ pinId: pins[0]!.id, note: 'Crossing by the school', theme: 'transport', area: 'old-town' }],
    });
    const many = [1, 2, 3].map((m) => pin('asset', 'green', 'brookside', { sessionId: 'q', note: ` note ${m} `, minute: 10 + m }));
    expect(summariseSession([...many].reverse(), 'q', { quotes: 2 }).quotes.asset.map((q) => q.note)).toEqual(['note 1', 'note 2']);
    expect(summariseSession(pins, s, { hiddenIds: [pins[3]!.id] }).quotes.asset).toEqual([]);
    expect(() => summariseSession(pins, s, { quotes: -1 })).toThrow(/quotes must be a whole number/);
  });

  it('lists a session\'s pins oldest first', () => {
    const shuffled = [pins[5]!, pins[0]!, pins[3]!];
    expect(sessionPins(shuffled, s).map((p) => p.properties.createdAt.slice(14, 16))).toEqual(['01', '04', '06']);
  });
});

describe('table sessions', () => {
  it('accepts a named session on a real day, trimming and dropping empty optional fields', () => {
    expect(validateSessionInput({ name: '  Spring walk ', place: ' ', date: '2026-04-18', facilitator: 'Ama' })).toEqual({
      ok: true,
      value: { name: 'Spring walk', date: '2026-04-18', facilitator: 'Ama' },
      warnings: [],
    });
  });

  it('says which field is wrong', () => {
    const result = validateSessionInput({ name: '', date: '2026-02-30', place: 'x'.repeat(81) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({ name: 'name is required', date: 'date is not a real day', place: 'place must be at most 80 characters' });
  });

  it('makes sessions with ids the server accepts, and reads stored ones back', () => {
    const session = createTableSession({ name: 'Walk', date: '2026-04-18' }, { id: 'abc-123', now: '2026-04-18T10:00:00.000Z' });
    expect(session).toEqual({ id: 'abc-123', name: 'Walk', date: '2026-04-18', startedAt: '2026-04-18T10:00:00.000Z', hiddenPinIds: [], groupStarts: [], pinGroups: {} });
    expect(parseTableSession(session)).toEqual({ ok: true, value: session, warnings: [] });
    // a session stored before groups existed reads back as one group with no pins noted
    const { groupStarts: _g, pinGroups: _p, ...older } = session;
    expect(parseTableSession(older)).toEqual({ ok: true, value: session, warnings: [] });
    const badGroup = parseTableSession({ ...session, pinGroups: { p1: 0 } });
    expect(badGroup.ok ? [] : badGroup.errors.map((e) => e.path)).toEqual(['pinGroups.p1']);
    expect(() => createTableSession({ name: 'Walk', date: '2026-04-18' }, { id: 'a b', now: '2026-04-18T10:00:00.000Z' })).toThrow(/letters, digits/);
    const damaged = parseTableSession({ ...session, startedAt: 'yesterday' });
    expect(damaged.ok ? [] : damaged.errors.map((e) => e.path)).toEqual(['startedAt']);
  });

  it('reads the idle time from ?idle= in seconds, else the default', () => {
    expect(idleSecondsFrom('?idle=5')).toBe(5);
    expect(idleSecondsFrom('?tiles=off', 90)).toBe(90);
    expect(idleSecondsFrom('?idle=soon')).toBe(120);
    expect(idleSecondsFrom('?idle=0')).toBe(120);
  });
});
