import { describe, expect, it } from 'vitest';
import { validatePinDraft } from '../../src/core/validatePin.ts';

describe('validatePinDraft', () => {
  const good = { kind: 'asset', theme: 'green', title: '  Park  ', note: '', position: [-2.2, 53.4] };

  it('trims text and drops an empty note', () => {
    const r = validatePinDraft(good);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual({ kind: 'asset', theme: 'green', title: 'Park', position: [-2.2, 53.4] });
  });

  it('names the field and the rule when a title is too long', () => {
    const r = validatePinDraft({ ...good, title: 'x'.repeat(81) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'title', rule: 'invalid-title' });
  });

  it('refuses unknown themes, kinds and positions out of range', () => {
    expect(validatePinDraft(good, new Set(['safety'])).ok).toBe(false);
    expect(validatePinDraft({ ...good, kind: 'wish' }).ok).toBe(false);
    expect(validatePinDraft({ ...good, position: [400000, 90000] }).ok).toBe(false);
  });
});
