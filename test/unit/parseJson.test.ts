import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core/parseJson.ts';

describe('parseJson', () => {
  it('parses JSON, ignoring a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('says where the JSON breaks, as a line and column', () => {
    const r = parseJson('{\n  "a": 1\n  "b": 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ path: '(root)', rule: 'invalid-json' });
      expect(r.error.message).toContain('line 3, column 3');
    }
  });

  it('explains truncated and empty text', () => {
    const truncated = parseJson('{"a": ');
    expect(!truncated.ok && truncated.error.message).toMatch(/stops before the JSON is complete/);
    const empty = parseJson('  \n');
    expect(!empty.ok && empty.error.message).toMatch(/empty/);
  });
});
