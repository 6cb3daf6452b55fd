// boundary geometry to svg path data (and canvas paths) through a projection; shared by the summary and its png.
import type { ScreenPoint } from '../../core/pointerTracker.ts';
import type { AreaGeometry, LngLat } from '../../core/types.ts';

type Project = (position: LngLat) => ScreenPoint;

function rings(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function areaPathData(geometry: AreaGeometry, project: Project): string {
  const parts: string[] = [];
  for (const polygon of rings(geometry)) {
    for (const ring of polygon) {
      ring.forEach(([lng, lat], i) => {
        const { x, y } = project([lng!, lat!]);
        parts.push(`${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`);
      });
      parts.push('Z');
    }
  }
  return parts.join('');
}

export function traceArea(context: CanvasRenderingContext2D, geometry: AreaGeometry, project: Project): void {
  for (const polygon of rings(geometry)) {
    for (const ring of polygon) {
      ring.forEach(([lng, lat], i) => {
        const { x, y } = project([lng!, lat!]);
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      context.closePath();
    }
  }
}
