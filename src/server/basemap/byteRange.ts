// reads an HTTP Range header (RFC 9110 §14) for one file: the one range we serve, none, or unsatisfiable.

export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/**
 * One `bytes=` range against a file of `size` bytes; `end` is inclusive. A header we do not understand or several
 * ranges give the whole file (a server may ignore Range); a range wholly past the end is unsatisfiable (416).
 * @example
 * byteRange('bytes=0-126', 1000) // => { kind: 'part', start: 0, end: 126 }
 * byteRange('bytes=-100', 1000) // => { kind: 'part', start: 900, end: 999 }
 * byteRange('bytes=5000-', 1000) // => { kind: 'unsatisfiable' }
 */
export function byteRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return /^\s*bytes\s*=/i.test(header) && !header.includes(',') ? { kind: 'unsatisfiable' } : { kind: 'whole' };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== '' && Number(last) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}
