// the session's pins over the boundaries as plain svg: prints, scales and reads without tiles or leaflet.
import bbox from '@turf/bbox';
import { useMemo } from 'react';
import { fitProjection } from '../../core/fitProjection.ts';
import type { AreaCollection, PinFeature, Theme } from '../../core/types.ts';
import { areaPathData } from './areaPathData.ts';

export function SummaryMap({ areas, pins, themes, label, width = 720, height = 720 }: { areas: AreaCollection; pins: readonly PinFeature[]; themes: Map<string, Theme>; label: string; width?: number; height?: number }) {
  const drawn = useMemo(() => {
    if (areas.features.length === 0) return null;
    const box = bbox(areas) as [number, number, number, number];
    const projection = fitProjection(box, width, height, 16);
    return { paths: areas.features.map((f) => ({ id: f.properties.id, d: areaPathData(f.geometry, projection.project) })), project: projection.project };
  }, [areas, width, height]);
  if (!drawn) return null;
  return (
    <svg className="summary-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {drawn.paths.map((p) => (
        <path key={p.id} d={p.d} fill="#eef3f8" stroke="#2f4b6e" strokeWidth={1.5} fillRule="evenodd" />
      ))}
      {pins.map((pin) => {
        const [lng, lat] = pin.geometry.coordinates;
        const { x, y } = drawn.project([lng!, lat!]);
        const colour = themes.get(pin.properties.theme)?.colour ?? '#5a6472';
        return pin.properties.kind === 'asset' ? (
          <circle key={pin.id} cx={x} cy={y} r={9} fill={colour} stroke="#fff" strokeWidth={2.5} />
        ) : (
          <path key={pin.id} d={`M${x} ${y - 11}L${x + 11} ${y}L${x} ${y + 11}L${x - 11} ${y}Z`} fill={colour} stroke="#111" strokeWidth={2} />
        );
      })}
    </svg>
  );
}
