// a small drawing of boundaries from a file, before they replace anyone's: enough to see it is the right place and shape.
import bbox from '@turf/bbox';
import { fitProjection } from '../../../core/fitProjection.ts';
import type { AreaCollection } from '../../../core/types.ts';
import { areaPathData } from '../../table/areaPathData.ts';

const WIDTH = 240;
const HEIGHT = 160;

export function AreaOutlinePreview({ areas, label }: { areas: AreaCollection; label: string }) {
  if (areas.features.length === 0) return null;
  const [w, s, e, n] = bbox(areas);
  const { project } = fitProjection([w, s, e, n], WIDTH, HEIGHT, 6);
  return (
    <svg className="boundary-preview__map" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
      {areas.features.map((a) => (
        <path key={a.properties.id} d={areaPathData(a.geometry, project)} fill="#dbe7f3" stroke="#1f4e79" strokeWidth={1} fillRule="evenodd" />
      ))}
    </svg>
  );
}
