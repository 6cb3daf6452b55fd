import { describe, expect, it } from 'vitest';
import { createPin, updatePin } from '../../src/core/createPin.ts';
import type { PinDraft } from '../../src/core/types.ts';

const draft: PinDraft = { kind: 'priority', theme: 'safety', title: 'Crossing', note: 'Cars go fast', sentiment: 'negative', position: [-2.24, 53.48] };
const context = { id: 'p1', area: 'E05011368', now: '2025-01-01T10:00:00.000Z' };

describe('createPin', () => {
  it('builds a Point feature in [lng, lat] order with derived fields', () => {
    expect(createPin(draft, { ...context, author: 'dev-1', sessionId: 's1' })).toEqual({
      type: 'Feature',
      id: 'p1',
      geometry: { type: 'Point', coordinates: [-2.24, 53.48] },
      properties: { id: 'p1', kind: 'priority', theme: 'safety', title: 'Crossing', note: 'Cars go fast', sentiment: 'negative', area: 'E05011368', createdAt: context.now, updatedAt: context.now, author: 'dev-1', sessionId: 's1' },
    });
  });

  it('leaves out optional fields that have no value', () => {
    const pin = createPin({ kind: 'asset', theme: 'green', title: 'Park', position: [0, 0] }, context);
    expect(Object.keys(pin.properties).sort()).toEqual(['area', 'createdAt', 'id', 'kind', 'theme', 'title', 'updatedAt']);
  });

  it('does not share the position array with the draft', () => {
    const pin = createPin(draft, context);
    expect(pin.geometry.coordinates).not.toBe(draft.position);
  });
});

describe('updatePin', () => {
  const pin = createPin(draft, context);
  const later = '2025-02-01T10:00:00.000Z';

  it('returns a new pin with the changes and a new updatedAt, leaving the original alone', () => {
    const before = JSON.stringify(pin);
    const updated = updatePin(pin, { title: 'Zebra crossing', kind: 'asset' }, later);
    expect(updated.properties).toMatchObject({ title: 'Zebra crossing', kind: 'asset', createdAt: context.now, updatedAt: later, note: 'Cars go fast' });
    expect(JSON.stringify(pin)).toBe(before);
    expect(updated).not.toBe(pin);
    expect(updated.geometry.coordinates).not.toBe(pin.geometry.coordinates);
  });

  it('removes note and sentiment when they are cleared', () => {
    const updated = updatePin(pin, { note: '', sentiment: undefined }, later);
    expect('note' in updated.properties).toBe(false);
    expect('sentiment' in updated.properties).toBe(false);
  });

  it('keeps fields that are not mentioned, including area and position', () => {
    const updated = updatePin(pin, {}, later);
    expect(updated).toEqual({ ...pin, properties: { ...pin.properties, updatedAt: later } });
  });
});
