// the one rule for text that reaches storage: control characters and broken UTF-16 are refused, never stripped.
import './zodJitless.ts';
//
// refused: U+0000–U+001F except tab, line feed and carriage return; U+007F–U+009F (DEL and the C1 controls); a lone
// surrogate (half of a UTF-16 pair, which UTF-8 cannot hold). Everything else is text, right-to-left marks included.
// why refuse rather than strip: nobody types a NUL or an escape; they come from a bug or a probe, and silently editing
// what a person sent hides both. A refusal names the field and the character, and leaves nothing half-stored. It is
// checked here, before any database, so SQLite and PostgreSQL (whose text cannot hold U+0000 at all) answer alike.
import type { z } from 'zod/mini';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Why `text` may not be stored, or null when it may: the first refused character, by code point and position.
 * @example
 * unstorableText('Dark underpass') // => null
 * unstorableText('line one\nline two\ttab') // => null
 * unstorableText('bad\u0000title') // => 'contains the control character U+0000 at position 4'
 */
export function unstorableText(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const what = code >= 0xd800 && code <= 0xdfff ? 'half of a UTF-16 surrogate pair' : 'the control character';
  return `contains ${what} U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1}`;
}

/**
 * A zod check for text fields that reach storage: `z.string().superRefine(storableText('title'))`, or in zod/mini
 * `z.string().check(z.superRefine(storableText('title')))`.
 * @example
 * z.string().check(z.superRefine(storableText('note'))).safeParse('a\u001bb').success // => false
 */
export function storableText(field: string): (value: string, ctx: z.core.$RefinementCtx<string>) => void {
  return (value, ctx) => {
    const problem = unstorableText(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${field} ${problem}; text may not hold control characters` });
  };
}
