import { describe, expect, it } from 'vitest';
import { currentGroup, groupOfPin, nextGroupOf, pinRecorded, tablePinLook, tablePins } from '../../src/core/tableGroups.ts';
import { createTableSession } from '../../src/core/tableSession.ts';
import type { PinFeature } from '../../src/core/types.ts';

function pin(id: string, sessionId?: string): PinFeature {
  const createdAt = '2026-04-18T10:00:00.000Z';
  const properties: PinFeature['properties'] = { id, kind: 'asset', theme: 'green', title: 'Green', area: 'old-town', createdAt, updatedAt: createdAt };
  if (sessionId) properties.sessionId = sessionId;
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [-2, 53] }, properties };
}

const started = createTableSession({ name: 'Walk', date: '2026-04-18' }, { id: 's1', now: '2026-04-18T10:00:00.000Z' });

describe('table groups', () => {
  it('counts groups from one, and notes which group made each pin', () => {
    expect(currentGroup(started)).toBe(1);
    const first = pinRecorded(started, 'a');
    const second = pinRecorded(nextGroupOf(first, '2026-04-18T10:30:00.000Z'), 'b');
    expect(currentGroup(second)).toBe(2);
    expect(second.groupStarts).toEqual(['2026-04-18T10:30:00.000Z']);
    expect(second.pinGroups).toEqual({ a: 1, b: 2 });
    expect(groupOfPin(second, 'a')).toBe(1);
    // a pin noted nowhere (made before groups were kept) is the first group's
    expect(groupOfPin(second, 'unknown')).toBe(1);
    // nothing is changed in place
    expect(started).toMatchObject({ groupStarts: [], pinGroups: {} });
    expect(first.groupStarts).toEqual([]);
  });

  it('gives this group\'s pins their own look, dims earlier groups\', and calls everything else other', () => {
    const session = pinRecorded(nextGroupOf(pinRecorded(started, 'a'), '2026-04-18T10:30:00.000Z'), 'b');
    expect(tablePinLook(pin('a', 's1'), session)).toBe('earlier');
    expect(tablePinLook(pin('b', 's1'), session)).toBe('current');
    expect(tablePinLook(pin('c', 'other-session'), session)).toBe('other');
    expect(tablePinLook(pin('d'), session)).toBe('other');
    expect(tablePinLook(pin('b', 's1'), undefined)).toBe('other');
  });

  it('shows this session\'s pins only until others are asked for, without hidden ones, others drawn first', () => {
    const session = { ...pinRecorded(pinRecorded(started, 'a'), 'h'), hiddenPinIds: ['h'] };
    const pins = [pin('a', 's1'), pin('x'), pin('h', 's1'), pin('y', 'old')];
    expect(tablePins(pins, session, { showOthers: false, showSession: true }).map((p) => p.pin.id)).toEqual(['a']);
    expect(tablePins(pins, session, { showOthers: true, showSession: true }).map((p) => `${p.pin.id}:${p.look}`)).toEqual(['x:other', 'y:other', 'a:current']);
    expect(tablePins(pins, session, { showOthers: true, showSession: false }).map((p) => p.pin.id)).toEqual(['x', 'y']);
    // before a session starts the table is empty unless others are shown
    expect(tablePins(pins, undefined, { showOthers: false, showSession: true })).toEqual([]);
  });
});
