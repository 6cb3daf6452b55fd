// the consultation's areas drawn as inline SVG from their GeoJSON, shaded by their published count: it needs no tiles,
// so it shows the same on screen, offline and in a printed PDF.
import { fitProjection } from '../../core/fitProjection.ts';
import type { LngLat } from '../../core/types.ts';
import type { ResultsArea } from '../../persistence/resultsApi.ts';
import { barValue } from '../planner/formatPublished.ts';

const WIDTH = 640;
const HEIGHT = 400;

type Ring = LngLat[];

function ringsOf(geometry: ResultsArea['geometry']): Ring[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

export function AreaMapSvg({ areas, label, describe }: { areas: readonly ResultsArea[]; label: string; describe: (area: ResultsArea) => string }) {
  const rings = areas.map((a) => ringsOf(a.geometry));
  const points = rings.flat(2);
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const { project } = fitProjection([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], WIDTH, HEIGHT, 12);
  const most = Math.max(1, ...areas.map((a) => barValue(a.counts.total)));
  return (
    <svg className="results-map" data-testid="results-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {areas.map((area, i) => {
        const d = rings[i]!.map((ring) => `M${ring.map((p) => { const s = project(p); return `${s.x.toFixed(1)},${s.y.toFixed(1)}`; }).join('L')}Z`).join('');
        const share = barValue(area.counts.total) / most;
        return (
          <path key={area.id} d={d} fillRule="evenodd" fill="#1d70b8" fillOpacity={0.1 + 0.6 * share} stroke="#0b0c0c" strokeWidth={1.5}>
            <title>{describe(area)}</title>
          </path>
        );
      })}
    </svg>
  );
}
