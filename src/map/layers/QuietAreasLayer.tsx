// the quiet areas on the planner map: a dashed orange outline and light fill over the areas far below the
// consultation's rate; the tooltip (text, not html) gives the rate and the protected count behind it.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoJSON, Pane } from 'react-leaflet';
import type { PublishedCount } from '../../core/smallCounts.ts';
import { useQuietAreas } from '../../store/quietAreasStore.ts';
import { textElement } from '../planner/textTooltip.ts';

const quietStyle = { color: '#8a2d00', weight: 3, dashArray: '8 5', opacity: 1, fillColor: '#e67828', fillOpacity: 0.35 };

/** `describeCount` turns a published count into words (the ui's formatter, handed in: src/map never imports src/ui) */
export default function QuietAreasLayer({ describeCount }: { describeCount: (c: PublishedCount) => string }) {
  const { t } = useTranslation();
  const answer = useQuietAreas((s) => s.answer);
  const shown = useQuietAreas((s) => s.shown);
  const data = useMemo((): FeatureCollection<Geometry, { name: string; lines: string[] }> | null => {
    if (!answer) return null;
    const quiet = answer.areas.filter((a) => a.quiet);
    return {
      type: 'FeatureCollection',
      features: quiet.map((a) => ({
        type: 'Feature', geometry: a.geometry,
        properties: {
          name: a.name,
          lines: [t('layers.quiet.tooltip', { name: a.name }), a.perThousand === null ? '' : t('layers.quiet.rate', { rate: a.perThousand }), t('layers.quiet.count', { n: describeCount(a.total) })].filter(Boolean),
        },
      })),
    };
  }, [answer, t, describeCount]);
  if (!shown || !data || data.features.length === 0) return null;
  return (
    // under the context layers (450) and over the choropleth
    <Pane name="quiet-areas" style={{ zIndex: 420 }}>
      <GeoJSON
        key={`${answer?.areas.length}-${t('layers.quiet.tooltip', { name: '' })}-${JSON.stringify(data.features.map((f) => f.properties.lines))}`}
        data={data}
        pane="quiet-areas"
        style={() => quietStyle}
        onEachFeature={(feature: Feature<Geometry, { lines: string[] }>, layer) => {
          layer.bindTooltip(textElement(feature.properties.lines), { sticky: true });
        }}
      />
    </Pane>
  );
}
