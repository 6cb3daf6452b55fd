// turns uploaded text into a JSON value, or one "invalid-json" problem that says where the text broke.
import type { Problem } from './types.ts';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: Problem };

/**
 * Parses JSON text; on failure the problem names the line and column of the parser's position when it gives one.
 * A leading byte-order mark (common in files saved on Windows) is ignored.
 * @example
 * parseJson('{"type": "Point"}') // => { ok: true, value: { type: 'Point' } }
 * parseJson('{\n"a": 1\n"b": 2}') // => { ok: false, error: { rule: 'invalid-json', path: '(root)', message: '… line 3, column 1 …' } }
 */
export function parseJson(text: string): ParsedJson {
  if (typeof text !== 'string') {
    return { ok: false, error: { path: '(root)', rule: 'invalid-json', message: 'expected the text of a JSON file' } };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    return { ok: false, error: { path: '(root)', rule: 'invalid-json', message: 'the file is empty: expected JSON' } };
  }
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { path: '(root)', rule: 'invalid-json', message: `the file is not valid JSON: ${reason}${where(source, reason)}` } };
  }
}

// v8 reports "at position N" (and newer versions "(line L column C)"); turn a bare position into a line and column.
function where(source: string, reason: string): string {
  if (/line \d+/.test(reason)) return '';
  const match = /position (\d+)/.exec(reason);
  if (!match) return reason.includes('end of JSON') ? ' (the text stops before the JSON is complete)' : '';
  const position = Number(match[1]);
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
