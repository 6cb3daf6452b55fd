// after a drop: a large card near the new pin, facing whoever dropped it, to add a short note or skip.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYBOARD_SIZE, viewportBeside } from '../../core/keyboardPlacement.ts';
import { spreadCards } from '../../core/noteCardLayout.ts';
import type { ScreenPoint } from '../../core/pointerTracker.ts';
import { cardCentreNear, sideRotation } from '../../core/sideRotation.ts';
import { NOTE_MAX } from '../../core/types.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import type { NotePrompt } from '../../store/tableStore.ts';
import type { ThemeView } from '../useThemeLabels.ts';
import { useTableStore } from './useTableStore.ts';

const CARD = { width: 440, height: 300 };
/** a card nobody touches goes away on its own; the pin stays */
export const NOTE_CARD_TIMEOUT_MS = 45_000;

function NoteCard({ prompt, centre, themes }: { prompt: NotePrompt; centre: ScreenPoint; themes: Map<string, ThemeView> }) {
  const { t } = useTranslation();
  const id = useId();
  const pin = useAppStore((s) => s.pins.find((p) => p.id === prompt.pinId));
  const noteSaved = useTableStore((s) => s.noteSaved);
  const closed = useTableStore((s) => s.notePromptClosed);
  const [note, setNote] = useState('');
  const [touchedAt, setTouchedAt] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(
    function dismissWhenLeft() {
      const timer = window.setTimeout(() => closed(prompt.pinId), NOTE_CARD_TIMEOUT_MS);
      return function keepWhileUsed() {
        window.clearTimeout(timer);
      };
    },
    [closed, prompt.pinId, touchedAt],
  );

  if (!pin) return null;
  const theme = themes.get(pin.properties.theme);
  const trimmed = note.trim();
  return (
    <form
      className="note-card"
      data-drop-obstacle={`note-${prompt.pinId}`}
      data-table-side={prompt.side}
      aria-labelledby={`${id}-heading`}
      style={{ left: centre.x, top: centre.y, width: CARD.width, transform: `translate(-50%, -50%) rotate(${sideRotation(prompt.side)}deg)` }}
      onPointerDown={() => setTouchedAt(Date.now())}
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed) void noteSaved(prompt.pinId, trimmed);
        else closed(prompt.pinId);
      }}
    >
      <h2 id={`${id}-heading`} className="note-card-heading">
        <span className="note-card-swatch" style={{ background: theme?.theme.colour }} aria-hidden="true" />
        {t('table.note.heading', { theme: theme?.label ?? pin.properties.theme })}
      </h2>
      <label htmlFor={`${id}-note`} className="note-card-label">
        {t('table.note.label')}
      </label>
      <textarea
        id={`${id}-note`}
        ref={area}
        className="note-card-input"
        value={note}
        maxLength={NOTE_MAX}
        rows={3}
        onChange={(event) => {
          setNote(event.target.value);
          setTouchedAt(Date.now());
        }}
      />
      <div className="note-card-actions">
        <button type="button" className="table-button" onClick={() => closed(prompt.pinId)}>
          {t('table.note.skip')}
        </button>
        <button type="submit" className="table-button table-button--primary" disabled={trimmed === ''}>
          {t('table.note.save')}
        </button>
      </div>
    </form>
  );
}

export function NoteCards({ themes }: { themes: Map<string, ThemeView> }) {
  const prompts = useTableStore((s) => s.notePrompts);
  const keyboards = useTableStore((s) => s.keyboards);
  const screen = { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  // each card sits between its pin and its person; with that side's keyboard open it moves out of the keyboard's
  // way, and cards of several people are moved apart so none covers another's field
  const placed = prompts.map((prompt) => {
    const room = keyboards[prompt.side] ? viewportBeside(screen, prompt.side, KEYBOARD_SIZE.height + 12) : screen;
    return { side: prompt.side, room, centre: cardCentreNear(prompt.at, prompt.side, CARD, room, 48) };
  });
  const centres = spreadCards(placed, CARD);
  return (
    <>
      {prompts.map((prompt, i) => (
        <NoteCard key={prompt.pinId} prompt={prompt} centre={centres[i]!} themes={themes} />
      ))}
    </>
  );
}
