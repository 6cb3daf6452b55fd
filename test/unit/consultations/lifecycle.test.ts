import { describe, expect, it } from 'vitest';
import { acceptsContributions, closedAt, effectiveStatus } from '../../../src/core/consultations/lifecycle.ts';
import type { ConsultationTimes } from '../../../src/core/consultations/lifecycle.ts';

const at = (iso: string) => Date.parse(iso);
const c = (over: Partial<ConsultationTimes>): ConsultationTimes => ({ status: 'draft', opensAt: null, closesAt: null, statusChangedAt: '2026-04-01T00:00:00.000Z', ...over });

describe('effectiveStatus', () => {
  it('opens a draft when opensAt passes, and not before', () => {
    const draft = c({ opensAt: '2026-05-01T09:00:00.000Z' });
    expect(effectiveStatus(draft, at('2026-05-01T08:59:59.999Z'))).toBe('draft');
    expect(effectiveStatus(draft, at('2026-05-01T09:00:00.000Z'))).toBe('open');
  });

  it('closes an open (or scheduled draft) consultation when closesAt passes', () => {
    expect(effectiveStatus(c({ status: 'open', closesAt: '2026-06-01T00:00:00.000Z' }), at('2026-06-01T00:00:00.000Z'))).toBe('closed');
    expect(effectiveStatus(c({ status: 'open', closesAt: '2026-06-01T00:00:00.000Z' }), at('2026-05-31T23:59:59.000Z'))).toBe('open');
    expect(effectiveStatus(c({ opensAt: '2026-05-01T00:00:00.000Z', closesAt: '2026-06-01T00:00:00.000Z' }), at('2026-07-01T00:00:00.000Z'))).toBe('closed');
  });

  it('leaves a status a person set after the scheduled time alone', () => {
    // reopened by hand on 10 June, after the 1 June closing date: stays open
    const reopened = c({ status: 'open', closesAt: '2026-06-01T00:00:00.000Z', statusChangedAt: '2026-06-10T00:00:00.000Z' });
    expect(effectiveStatus(reopened, at('2026-06-11T00:00:00.000Z'))).toBe('open');
    // put back to draft after opensAt: stays a draft
    expect(effectiveStatus(c({ opensAt: '2026-05-01T00:00:00.000Z', statusChangedAt: '2026-05-02T00:00:00.000Z' }), at('2026-05-03T00:00:00.000Z'))).toBe('draft');
  });

  it('never moves an archived or closed consultation', () => {
    expect(effectiveStatus(c({ status: 'archived', opensAt: '2026-05-01T00:00:00.000Z' }), at('2027-01-01T00:00:00.000Z'))).toBe('archived');
    expect(effectiveStatus(c({ status: 'closed', opensAt: '2026-05-01T00:00:00.000Z' }), at('2027-01-01T00:00:00.000Z'))).toBe('closed');
  });
});

describe('closedAt', () => {
  it('is the closing time when the clock closed it, the change time when a person did, null while open', () => {
    expect(closedAt(c({ status: 'open', closesAt: '2026-06-01T00:00:00Z' }), at('2026-06-02T00:00:00Z'))).toBe('2026-06-01T00:00:00.000Z');
    expect(closedAt(c({ status: 'closed', statusChangedAt: '2026-05-20T12:00:00.000Z' }), at('2026-06-02T00:00:00Z'))).toBe('2026-05-20T12:00:00.000Z');
    expect(closedAt(c({ status: 'open' }), at('2026-06-02T00:00:00Z'))).toBeNull();
    // closed by hand after its closing date (or made closed, like the demo's 2025 consultation): closed on that date
    expect(closedAt(c({ status: 'closed', closesAt: '2025-07-31T00:00:00Z', statusChangedAt: '2026-12-01T10:00:00.000Z' }), at('2026-12-02T00:00:00Z'))).toBe('2025-07-31T00:00:00.000Z');
    // closed by hand before it: closed then
    expect(closedAt(c({ status: 'closed', closesAt: '2026-07-31T00:00:00Z', statusChangedAt: '2026-06-10T10:00:00.000Z' }), at('2026-12-02T00:00:00Z'))).toBe('2026-06-10T10:00:00.000Z');
  });
});

it('takes contributions only while open', () => {
  expect((['draft', 'open', 'closed', 'archived'] as const).filter(acceptsContributions)).toEqual(['open']);
});
