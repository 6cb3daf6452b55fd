import { describe, expect, it } from 'vitest';
import { keyboardClosedFor, keyboardFootprint, keyboardOpened, placeKeyboards, viewportBeside } from '../../src/core/keyboardPlacement.ts';
import { keyCharacter, keyboardLayoutFor, typeIntoField } from '../../src/core/onScreenKeyboard.ts';
import type { ScreenRect } from '../../src/core/dropToLngLat.ts';

const letters = (layout: ReturnType<typeof keyboardLayoutFor>) =>
  layout.rows.flat().flatMap((k) => (k.type === 'char' ? [k.value, ...(k.variants ?? [])] : []));

describe('keyboard layouts', () => {
  it('gives Welsh and Polish their accents as a row and every Latin layout them on long press', () => {
    const cy = keyboardLayoutFor('cy', 'text');
    expect(cy.accents).toEqual(expect.arrayContaining(['â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ']));
    expect(keyboardLayoutFor('pl', 'text').accents).toEqual(['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż']);
    expect(keyboardLayoutFor('en', 'text').accents).toEqual([]);
    for (const ch of ['ŵ', 'ŷ', 'ą', 'ł', 'ż', 'ó']) expect(letters(keyboardLayoutFor('en', 'text'))).toContain(ch);
  });

  it('types Urdu right to left in Urdu letters, but e-mail and passwords in Latin in every language', () => {
    const ur = keyboardLayoutFor('ur', 'text');
    expect(ur).toMatchObject({ id: 'urdu', dir: 'rtl', hasCase: false });
    for (const ch of ['ا', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ', 'آ', '۔', '؟']) expect(letters(ur)).toContain(ch);
    expect(letters(ur)).not.toContain('a');
    for (const lang of ['ur', 'cy', 'pl', 'en']) {
      expect(keyboardLayoutFor(lang, 'email')).toMatchObject({ id: 'latin', dir: 'ltr', accents: [] });
      expect(keyboardLayoutFor(lang, 'password').id).toBe('latin');
      // a voter code is printed in Latin capitals and digits: an Urdu voter at the table types it too
      expect(keyboardLayoutFor(lang, 'code')).toMatchObject({ id: 'latin', dir: 'ltr', accents: [], hasCase: true });
    }
    // an e-mail and the e2e password are typable from the letters and symbols layers
    const typable = new Set([...letters(keyboardLayoutFor('en', 'email')), ...letters(keyboardLayoutFor('en', 'email', true))]);
    for (const ch of 'e2e-admin-password-1 fay.o_neil+x@council.example') if (ch !== ' ') expect(typable).toContain(ch);
  });

  it('capitalises with shift where the script has capitals', () => {
    expect(keyCharacter('ŵ', true)).toBe('Ŵ');
    expect(keyCharacter('ł', true)).toBe('Ł');
    expect(keyCharacter('q', false)).toBe('q');
    expect(keyCharacter('ب', true)).toBe('ب');
  });
});

describe('typing into a field', () => {
  it('inserts at the caret, replaces a selection and keeps to the maximum length', () => {
    expect(typeIntoField({ value: 'cat', start: 3, end: 3 }, 's')).toEqual({ value: 'cats', start: 4, end: 4 });
    expect(typeIntoField({ value: 'cat', start: 0, end: 0 }, 'a ')).toEqual({ value: 'a cat', start: 2, end: 2 });
    expect(typeIntoField({ value: 'big oak', start: 0, end: 3 }, 'old')).toEqual({ value: 'old oak', start: 3, end: 3 });
    expect(typeIntoField({ value: 'abc', start: 3, end: 3 }, 'de', 4)).toEqual({ value: 'abcd', start: 4, end: 4 });
    expect(typeIntoField({ value: 'abcd', start: 4, end: 4 }, 'e', 4)).toEqual({ value: 'abcd', start: 4, end: 4 });
    // a caret reported past the end (a value set from outside) types at the end
    expect(typeIntoField({ value: 'ab', start: 9, end: 9 }, 'c')).toEqual({ value: 'abc', start: 3, end: 3 });
  });

  it('backspace removes the selection or the one character before the caret, a surrogate pair whole', () => {
    expect(typeIntoField({ value: 'cats', start: 4, end: 4 }, 'backspace')).toEqual({ value: 'cat', start: 3, end: 3 });
    expect(typeIntoField({ value: 'cats', start: 1, end: 3 }, 'backspace')).toEqual({ value: 'cs', start: 1, end: 1 });
    expect(typeIntoField({ value: '', start: 0, end: 0 }, 'backspace')).toEqual({ value: '', start: 0, end: 0 });
    expect(typeIntoField({ value: 'oak🌳', start: 5, end: 5 }, 'backspace')).toEqual({ value: 'oak', start: 3, end: 3 });
    expect(typeIntoField({ value: 'ŵyr', start: 1, end: 1 }, 'backspace')).toEqual({ value: 'yr', start: 0, end: 0 });
  });
});

describe('keyboards at the table', () => {
  it('keeps one keyboard per side, and one side per field', () => {
    let open = keyboardOpened({}, 'bottom', 'note-a', 1);
    open = keyboardOpened(open, 'top', 'note-b', 2);
    expect(open).toEqual({ bottom: { fieldId: 'note-a', order: 1 }, top: { fieldId: 'note-b', order: 2 } });
    // the bottom side moves on to another field: still one keyboard there
    open = keyboardOpened(open, 'bottom', 'note-c', 3);
    expect(open).toEqual({ bottom: { fieldId: 'note-c', order: 3 }, top: { fieldId: 'note-b', order: 2 } });
    // someone at the left end takes over the top's field: the top's keyboard goes
    open = keyboardOpened(open, 'left', 'note-b', 4);
    expect(Object.keys(open).sort()).toEqual(['bottom', 'left']);
    expect(keyboardClosedFor(open, 'note-c')).toEqual({ left: { fieldId: 'note-b', order: 4 } });
  });

  const viewport: ScreenRect = { left: 0, top: 0, width: 1920, height: 1080 };
  // the table's palettes at 1920×1080: long sides centred, short-end strips between them
  const palettes = [
    { side: 'bottom' as const, rect: { left: 80, top: 917, width: 1760, height: 163 } },
    { side: 'top' as const, rect: { left: 80, top: 0, width: 1760, height: 163 } },
    { side: 'left' as const, rect: { left: 0, top: 184, width: 350, height: 712 } },
    { side: 'right' as const, rect: { left: 1570, top: 184, width: 350, height: 712 } },
  ];
  const intersects = (a: ScreenRect, b: ScreenRect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

  it('puts a keyboard along its own edge, over its own palette, and clear of the other sides\' palettes', () => {
    const frames = placeKeyboards(['bottom', 'left'], viewport, palettes);
    const bottom = keyboardFootprint(frames.bottom!);
    expect(bottom.top + bottom.height).toBe(1080);
    expect(bottom.left).toBeGreaterThanOrEqual(350 + 12);
    expect(bottom.left + bottom.width).toBeLessThanOrEqual(1570 - 12);
    const left = keyboardFootprint(frames.left!);
    expect(left.left).toBe(0);
    expect(frames.left!.width).toBeGreaterThan(500);
    for (const [side, rect] of [['bottom', bottom], ['left', left]] as const) {
      for (const p of palettes) if (p.side !== side) expect(intersects(rect, p.rect)).toBe(false);
    }
    expect(intersects(bottom, left)).toBe(false);
    expect(intersects(bottom, palettes[0]!.rect)).toBe(true);
  });

  it('a keyboard opened later keeps clear of one already open at a neighbouring side', () => {
    const frames = placeKeyboards(['left', 'bottom', 'top', 'right'], viewport, []);
    const rects = Object.values(frames).map((f) => keyboardFootprint(f));
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(intersects(rects[i]!, rects[j]!)).toBe(false);
    expect(frames.left).toMatchObject({ centre: { x: 170, y: 540 }, width: 1080, height: 340 });
  });

  it('leaves the rest of the screen free for the card or panel that faces the keyboard\'s side', () => {
    expect(viewportBeside(viewport, 'bottom', 340)).toEqual({ left: 0, top: 0, width: 1920, height: 740 });
    expect(viewportBeside(viewport, 'top', 340)).toEqual({ left: 0, top: 340, width: 1920, height: 740 });
    expect(viewportBeside(viewport, 'left', 340)).toEqual({ left: 340, top: 0, width: 1580, height: 1080 });
    expect(viewportBeside(viewport, 'right', 340)).toEqual({ left: 0, top: 0, width: 1580, height: 1080 });
  });
});

describe('note cards of several people', () => {
  const screen = { left: 0, top: 0, width: 1920, height: 1080 };
  const size = { width: 440, height: 300 };
  it('moves two cards apart sideways when the keyboards leave no height for one above the other', async () => {
    const { spreadCards, cardsApart } = await import('../../src/core/noteCardLayout.ts');
    const cards = [
      { centre: { x: 860, y: 590 }, side: 'bottom' as const, room: { ...screen, height: 728 } },
      { centre: { x: 1080, y: 490 }, side: 'top' as const, room: { ...screen, top: 352, height: 728 } },
    ];
    const before = JSON.stringify(cards);
    const spread = spreadCards(cards, size);
    expect(cardsApart(cards.map((c, i) => ({ ...c, centre: spread[i]! })), size)).toBe(true);
    expect(spread[0]!.x).toBeLessThan(860);
    expect(spread[1]!.x).toBeGreaterThan(1080);
    expect(JSON.stringify(cards)).toBe(before);
  });

  it('leaves cards that do not overlap where they are, and keeps each in its room', async () => {
    const { spreadCards } = await import('../../src/core/noteCardLayout.ts');
    const apart = [
      { centre: { x: 400, y: 600 }, side: 'bottom' as const, room: screen },
      { centre: { x: 1400, y: 400 }, side: 'top' as const, room: screen },
    ];
    expect(spreadCards(apart, size)).toEqual([{ x: 400, y: 600 }, { x: 1400, y: 400 }]);
    // three cards at one spot end apart, all on screen
    const crowd = [0, 1, 2].map(() => ({ centre: { x: 960, y: 540 }, side: 'bottom' as const, room: screen }));
    const spread = spreadCards(crowd, size);
    for (const c of spread) {
      expect(c.x - size.width / 2).toBeGreaterThanOrEqual(0);
      expect(c.x + size.width / 2).toBeLessThanOrEqual(1920);
    }
    const { cardsApart } = await import('../../src/core/noteCardLayout.ts');
    expect(cardsApart(crowd.map((c, i) => ({ ...c, centre: spread[i]! })), size)).toBe(true);
  });
});
