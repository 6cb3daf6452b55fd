// the grey hatch for withheld counts, defined once in the page so svg paths can fill with url(#planner-hatch).
import { HATCH_COLOURS } from '../../core/layerScales.ts';

export function HatchPattern() {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        <pattern id="planner-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill={HATCH_COLOURS.background} />
          <line x1="0" y1="0" x2="0" y2="8" stroke={HATCH_COLOURS.stroke} strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}
