// the touch-table's on-screen keyboard without the screen: layouts per script, accents, and what a key does to a field.

/** A key: a character to type (with long-press variants), or one of the keyboard's own actions. */
export type KeyboardKey =
  | { type: 'char'; value: string; variants?: readonly string[] }
  | { type: 'backspace' }
  | { type: 'space' }
  | { type: 'shift' }
  | { type: 'symbols' }
  | { type: 'letters' }
  | { type: 'done' };

export type KeyboardLayoutId = 'latin' | 'latin-cy' | 'latin-pl' | 'urdu' | 'symbols';

export interface KeyboardLayout {
  id: KeyboardLayoutId;
  /** the writing direction of its letters (Urdu is right-to-left) */
  dir: 'ltr' | 'rtl';
  /** a row of the language's accented letters above the letters, or none */
  accents: readonly string[];
  rows: readonly (readonly KeyboardKey[])[];
  /** letters that Shift turns to capitals (scripts without case have none) */
  hasCase: boolean;
}

/** What kind of text a field takes: e-mail addresses, passwords and voter codes are typed in Latin letters in every language. */
export type FieldKind = 'text' | 'email' | 'password' | 'code';

// long-press variants: Welsh vowels with circumflex, acute, grave and diaeresis (ŵ and ŷ too), Polish letters
const VARIANTS: Record<string, readonly string[]> = {
  a: ['â', 'á', 'à', 'ä', 'ą'],
  c: ['ć'],
  e: ['ê', 'é', 'è', 'ë', 'ę'],
  i: ['î', 'í', 'ì', 'ï'],
  l: ['ł'],
  n: ['ń'],
  o: ['ô', 'ó', 'ò', 'ö'],
  s: ['ś'],
  u: ['û', 'ú', 'ù', 'ü'],
  w: ['ŵ', 'ẃ', 'ẁ', 'ẅ'],
  y: ['ŷ', 'ý', 'ỳ', 'ÿ'],
  z: ['ź', 'ż'],
};
const ACCENTS: Record<string, readonly string[]> = {
  'latin-cy': ['â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ', 'á', 'é', 'ï', 'ë'],
  'latin-pl': ['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż'],
};

const chars = (letters: string, withVariants = true): KeyboardKey[] =>
  [...letters].map((value) => (withVariants && VARIANTS[value] ? { type: 'char', value, variants: VARIANTS[value] } : { type: 'char', value }));

const LATIN_ROWS: readonly (readonly KeyboardKey[])[] = [
  chars('1234567890'),
  chars('qwertyuiop'),
  [...chars('asdfghjkl'), { type: 'char', value: '’' }],
  [{ type: 'shift' }, ...chars('zxcvbnm'), { type: 'char', value: '@' }, { type: 'backspace' }],
  [{ type: 'symbols' }, { type: 'char', value: ',' }, { type: 'space' }, { type: 'char', value: '.' }, { type: 'char', value: '-' }, { type: 'done' }],
];

const SYMBOL_ROWS: readonly (readonly KeyboardKey[])[] = [
  chars('1234567890', false),
  chars('@#&_-+=()/', false),
  [...chars('!?:;"\'*%$', false), { type: 'backspace' }],
  [{ type: 'letters' }, { type: 'char', value: ',' }, { type: 'space' }, { type: 'char', value: '.' }, { type: 'done' }],
];

// the Urdu letters in alphabetical order, with hamza and madda forms on long press
const URDU_VARIANTS: Record<string, readonly string[]> = { ا: ['آ', 'أ'], و: ['ؤ'], ی: ['ئ', 'ي'], ہ: ['ۂ', 'ۃ', 'ه'], ک: ['ك'] };
const urdu = (letters: string): KeyboardKey[] =>
  [...letters].map((value) => (URDU_VARIANTS[value] ? { type: 'char', value, variants: URDU_VARIANTS[value] } : { type: 'char', value }));
const URDU_ROWS: readonly (readonly KeyboardKey[])[] = [
  urdu('ابپتٹثجچحخ'),
  urdu('دڈذرڑزژسشص'),
  urdu('ضطظعغفقکگل'),
  [...urdu('منںوہھءیے'), { type: 'backspace' }],
  [{ type: 'symbols' }, { type: 'char', value: '،' }, { type: 'space' }, { type: 'char', value: '۔' }, { type: 'char', value: '؟' }, { type: 'done' }],
];

/**
 * The keyboard for a field in an interface language: Urdu letters for Urdu text, Latin with the language's
 * accents row for Welsh and Polish, plain Latin (accents on long press) for English and for every e-mail or password.
 * @example
 * keyboardLayoutFor('ur', 'text').dir // => 'rtl'
 * keyboardLayoutFor('ur', 'email').id // => 'latin'
 * keyboardLayoutFor('ur', 'code').id // => 'latin'
 * keyboardLayoutFor('pl', 'text').accents // => ['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż']
 */
export function keyboardLayoutFor(language: string, field: FieldKind, symbols = false): KeyboardLayout {
  if (symbols) return { id: 'symbols', dir: 'ltr', accents: [], rows: SYMBOL_ROWS, hasCase: false };
  const lang = language.toLowerCase().split('-')[0];
  if (field === 'text' && lang === 'ur') return { id: 'urdu', dir: 'rtl', accents: [], rows: URDU_ROWS, hasCase: false };
  const id: KeyboardLayoutId = field === 'text' && lang === 'cy' ? 'latin-cy' : field === 'text' && lang === 'pl' ? 'latin-pl' : 'latin';
  return { id, dir: 'ltr', accents: ACCENTS[id] ?? [], rows: LATIN_ROWS, hasCase: true };
}

/** A field's text and selection, as an input element reports them (UTF-16 offsets). */
export interface FieldText {
  value: string;
  start: number;
  end: number;
}

/**
 * Types into a field: text replaces the selection (or goes in at the caret), 'backspace' removes the selection or
 * the one character before the caret (a whole emoji or surrogate pair). Text that would pass `maxLength` is cut.
 * @example
 * typeIntoField({ value: 'cat', start: 3, end: 3 }, 's') // => { value: 'cats', start: 4, end: 4 }
 * typeIntoField({ value: 'cats', start: 4, end: 4 }, 'backspace') // => { value: 'cat', start: 3, end: 3 }
 */
export function typeIntoField(field: FieldText, input: string, maxLength = Infinity): FieldText {
  const start = Math.max(0, Math.min(field.start, field.end, field.value.length));
  const end = Math.min(field.value.length, Math.max(field.start, field.end));
  const before = field.value.slice(0, start);
  const after = field.value.slice(end);
  if (input === 'backspace') {
    if (end > start) return { value: before + after, start, end: start };
    const kept = [...before].slice(0, -1).join('');
    return { value: kept + after, start: kept.length, end: kept.length };
  }
  const room = Math.max(0, maxLength - before.length - after.length);
  const inserted = [...input].reduce((text, ch) => (text.length + ch.length <= room ? text + ch : text), '');
  const caret = before.length + inserted.length;
  return { value: before + inserted + after, start: caret, end: caret };
}

/**
 * A character as the keyboard types it: Shift gives the capital where the script has one.
 * @example
 * keyCharacter('ŵ', true) // => 'Ŵ'
 * keyCharacter('ب', true) // => 'ب'
 */
export function keyCharacter(value: string, shifted: boolean): string {
  return shifted ? value.toLocaleUpperCase() : value;
}
