// press-and-hold spots in the table's corners that open the facilitator panel; a deliberate gesture, not a tap.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableSide } from '../../core/pointerTracker.ts';
import { useTableStore } from './useTableStore.ts';

export const LONG_PRESS_MS = 1500;
const CORNERS = [
  { id: 'bottom-left', side: 'bottom' },
  { id: 'bottom-right', side: 'bottom' },
  { id: 'top-left', side: 'top' },
  { id: 'top-right', side: 'top' },
] as const satisfies readonly { id: string; side: TableSide }[];

function Corner({ id, side }: { id: string; side: TableSide }) {
  const { t } = useTranslation();
  const opened = useTableStore((s) => s.panelOpened);
  const timer = useRef<number | undefined>(undefined);
  const [pressing, setPressing] = useState(false);

  function stop() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setPressing(false);
  }
  useEffect(function stopOnUnmount() {
    return function clearPress() {
      window.clearTimeout(timer.current);
    };
  }, []);

  return (
    <button
      type="button"
      className={`facilitator-corner facilitator-corner--${id}${pressing ? ' facilitator-corner--pressing' : ''}`}
      aria-label={t(`table.corner.${id}`)}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        setPressing(true);
        timer.current = window.setTimeout(() => {
          stop();
          opened(side);
        }, LONG_PRESS_MS);
      }}
      onPointerUp={stop}
      onPointerCancel={stop}
      onLostPointerCapture={stop}
      onClick={(event) => {
        // keyboard users press Enter or Space: holding a key is not a gesture they can be asked for
        if (event.detail === 0) opened(side);
      }}
    >
      <span className="facilitator-corner-ring" aria-hidden="true" />
    </button>
  );
}

export function FacilitatorCorners() {
  return (
    <>
      {CORNERS.map((corner) => (
        <Corner key={corner.id} id={corner.id} side={corner.side} />
      ))}
    </>
  );
}
