// calls onIdle after `seconds` without a touch, a press or a key anywhere on the page.
import { useEffect, useRef } from 'react';

export function useIdleTimer(seconds: number, onIdle: () => void, enabled: boolean): void {
  const callback = useRef(onIdle);
  useEffect(function keepLatestCallback() {
    callback.current = onIdle;
  });
  useEffect(
    function watchForActivity() {
      if (!enabled) return;
      let timer = window.setTimeout(() => callback.current(), seconds * 1000);
      function activity(event: Event) {
        // a hovering mouse is not someone at the table; a moving finger or pressed button is
        if (event instanceof PointerEvent && event.type === 'pointermove' && event.buttons === 0 && event.pointerType === 'mouse') return;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => callback.current(), seconds * 1000);
      }
      const events = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
      for (const type of events) window.addEventListener(type, activity, { capture: true, passive: true });
      return function stopWatching() {
        window.clearTimeout(timer);
        for (const type of events) window.removeEventListener(type, activity, { capture: true });
      };
    },
    [seconds, enabled],
  );
}
