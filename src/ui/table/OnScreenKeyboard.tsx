// one side's on-screen keyboard: types into its field by id (never by focus, so two sides can type at once),
// turned to face its side, letters of the interface language's script, accents on a row or a long press.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyboardFrame } from '../../core/keyboardPlacement.ts';
import { keyCharacter, keyboardLayoutFor, typeIntoField } from '../../core/onScreenKeyboard.ts';
import type { FieldKind, KeyboardKey } from '../../core/onScreenKeyboard.ts';
import { sideRotation } from '../../core/sideRotation.ts';
import { useTableStore } from './useTableStore.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;
const LONG_PRESS_MS = 450;

function fieldKind(field: Field | null): FieldKind {
  // a voter code is printed in Latin letters and digits whatever the interface language
  if (field?.dataset.keyboardKind === 'code') return 'code';
  if (field instanceof HTMLInputElement && (field.type === 'email' || field.type === 'password')) return field.type;
  return 'text';
}

/** Types into a field as a person would: react's onChange sees an ordinary input event. */
function typeInto(field: Field, input: string): void {
  // WARNING: email inputs have no selection api (selectionStart is null): they are typed at the end
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? field.value.length;
  const next = typeIntoField({ value: field.value, start, end }, input, field.maxLength > 0 ? field.maxLength : Infinity);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  setter?.call(field, next.value);
  try {
    field.setSelectionRange(next.start, next.end);
  } catch {
    // not every input type has a caret to move
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function OnScreenKeyboard({ frame, fieldId }: { frame: KeyboardFrame; fieldId: string }) {
  const { t, i18n } = useTranslation();
  const closed = useTableStore((s) => s.keyboardClosed);
  const [shifted, setShifted] = useState(false);
  const [symbols, setSymbols] = useState(false);
  const [variants, setVariants] = useState<{ base: string; list: readonly string[] } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const held = useRef(false);

  const field = document.getElementById(fieldId) as Field | null;
  const kind = fieldKind(field);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const layout = keyboardLayoutFor(language, kind, symbols);
  const lettersLayout = keyboardLayoutFor(language, kind);

  function type(input: string) {
    const target = document.getElementById(fieldId) as Field | null;
    if (!target) {
      closed(fieldId);
      return;
    }
    typeInto(target, input);
    // the caret shows where the next letter goes; another side's field keeps its text whoever has focus
    target.focus({ preventScroll: true });
  }
  function typeCharacter(value: string) {
    type(keyCharacter(value, shifted && layout.hasCase));
    setShifted(false);
    setVariants(null);
  }
  function press(key: KeyboardKey) {
    if (key.type === 'char') typeCharacter(key.value);
    else if (key.type === 'backspace') type('backspace');
    else if (key.type === 'space') type(' ');
    else if (key.type === 'shift') setShifted((s) => !s);
    else if (key.type === 'symbols') setSymbols(true);
    else if (key.type === 'letters') setSymbols(false);
    else closed(fieldId);
  }
  function keyText(key: KeyboardKey): { text: string; label?: string; wide?: number } {
    switch (key.type) {
      case 'char':
        return { text: keyCharacter(key.value, shifted && layout.hasCase) };
      case 'backspace':
        return { text: '⌫', label: t('table.keyboard.backspace'), wide: 2 };
      case 'shift':
        return { text: '⇧', label: t('table.keyboard.shift'), wide: 2 };
      case 'space':
        return { text: t('table.keyboard.space'), wide: 5 };
      case 'symbols':
        return { text: t('table.keyboard.symbols'), wide: 2 };
      case 'letters':
        return { text: lettersLayout.id === 'urdu' ? 'ا ب' : t('table.keyboard.letters'), wide: 2 };
      case 'done':
        return { text: t('table.keyboard.done'), wide: 2 };
    }
  }

  const rotate = sideRotation(frame.side);
  const rows = layout.rows.length + (layout.accents.length > 0 || variants ? 1 : 0);
  const keyHeight = Math.max(44, Math.min(64, Math.floor((frame.height - 24 - (rows - 1) * 6) / rows)));
  const extra = variants ? { label: t('table.keyboard.variants', { letter: variants.base }), keys: variants.list } : layout.accents.length > 0 ? { label: t('table.keyboard.accents'), keys: layout.accents } : null;
  return (
    <div
      className="table-keyboard"
      role="group"
      aria-label={t('table.keyboard.label', { side: t(`table.keyboard.side.${frame.side}`) })}
      data-drop-obstacle={`keyboard-${frame.side}`}
      data-keyboard-side={frame.side}
      style={{ left: frame.centre.x, top: frame.centre.y, width: frame.width, height: frame.height, transform: `translate(-50%, -50%) rotate(${rotate}deg)`, ['--key-height' as string]: `${keyHeight}px` }}
      // a key must not take the focus from the field it types into
      onPointerDown={(event) => event.preventDefault()}
      onContextMenu={(event) => event.preventDefault()}
    >
      {extra ? (
        <div className="table-keyboard-row table-keyboard-row--extra" role="group" aria-label={extra.label}>
          {extra.keys.map((ch) => (
            <button key={ch} type="button" className="table-key" onClick={() => typeCharacter(ch)}>
              {keyCharacter(ch, shifted)}
            </button>
          ))}
        </div>
      ) : null}
      {layout.rows.map((row, r) => (
        <div key={r} className="table-keyboard-row" dir={layout.dir}>
          {row.map((key, k) => {
            const { text, label, wide } = keyText(key);
            const hasVariants = key.type === 'char' && key.variants !== undefined;
            return (
              <button
                key={k}
                type="button"
                className={`table-key table-key--${key.type}`}
                style={wide ? { flexGrow: wide } : undefined}
                aria-label={label}
                aria-pressed={key.type === 'shift' ? shifted : undefined}
                lang={key.type === 'char' && layout.id === 'urdu' ? 'ur' : undefined}
                // "?123" must not come out as "123?" in a right-to-left row
                dir={key.type === 'char' || key.type === 'space' ? undefined : 'auto'}
                onPointerDown={() => {
                  held.current = false;
                  window.clearTimeout(timer.current);
                  if (key.type === 'char' && key.variants) {
                    const list = key.variants;
                    timer.current = window.setTimeout(() => {
                      held.current = true;
                      setVariants({ base: key.value, list });
                    }, LONG_PRESS_MS);
                  }
                }}
                onPointerUp={() => window.clearTimeout(timer.current)}
                onPointerCancel={() => window.clearTimeout(timer.current)}
                onClick={() => {
                  // the lift after a long press opened the variants: it types nothing
                  if (held.current) {
                    held.current = false;
                    return;
                  }
                  press(key);
                }}
                title={hasVariants ? t('table.keyboard.holdHint') : undefined}
              >
                {text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
