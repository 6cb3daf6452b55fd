import { describe, expect, it } from 'vitest';
import { byteRange } from '../../src/server/basemap/byteRange.ts';

describe('byteRange', () => {
  it('reads the three forms of one range, clamping an end past the file', () => {
    expect(byteRange('bytes=0-126', 1000)).toEqual({ kind: 'part', start: 0, end: 126 });
    expect(byteRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(byteRange('bytes=990-5000', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
  });

  it('a range starting past the end, backwards, empty or malformed is unsatisfiable', () => {
    expect(byteRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=20-10', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=abc', 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('no header, another unit or several ranges give the whole file', () => {
    expect(byteRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('items=0-5', 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-5, 10-20', 1000)).toEqual({ kind: 'whole' });
  });
});
