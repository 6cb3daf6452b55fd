// the context layers switched on (asset registers, conservation areas…), drawn over the boundaries and under the pins,
// one colour per category as the legend shows; names go into tooltips as text, never html. Loaded lazily.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import type { Layer, PathOptions } from 'leaflet';
import { useMemo } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import { categoryColours, layerLegend } from '../../core/layers/layerStyle.ts';
import type { ContextLayer } from '../../persistence/contextLayerClient.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { textElement } from '../planner/textTooltip.ts';

interface Drawn {
  id: string;
  name: string;
  category: string;
  colour: string;
}

function asCollection(layer: ContextLayer, colours: Map<string, string>): FeatureCollection<Geometry, Drawn> {
  return {
    type: 'FeatureCollection',
    features: layer.features.map((f) => ({
      type: 'Feature', id: f.id, geometry: f.geometry as Geometry,
      properties: { id: f.id, name: f.name, category: f.category, colour: colours.get(f.category) ?? '#555555' },
    })),
  };
}

function OneLayer({ layer, version }: { layer: ContextLayer; version: number }) {
  const themes = useAppStore((s) => s.themes);
  const focused = useContextLayers((s) => (s.focused?.layerId === layer.id ? s.focused.featureId : null));
  const focus = useContextLayers((s) => s.featureFocused);
  const data = useMemo(() => {
    const colours = categoryColours(layerLegend(layer.features, Object.fromEntries(themes.map((t) => [t.id, t.colour]))));
    return asCollection(layer, colours);
  }, [layer, themes]);
  const style = (feature?: Feature<Geometry, Drawn>): PathOptions => {
    const colour = feature?.properties.colour ?? '#555555';
    const line = feature?.geometry.type === 'LineString' || feature?.geometry.type === 'MultiLineString';
    const on = feature?.properties.id === focused;
    // WARNING: leaflet applies this style to the points' circle markers too, over pointToLayer's options.
    // points are rings (white inside) so they never read as residents' pins, which are filled
    if (feature?.geometry.type === 'Point' || feature?.geometry.type === 'MultiPoint') return { color: on ? '#1b1f24' : colour, weight: on ? 5 : 4, opacity: 1, fillColor: '#ffffff', fillOpacity: 1 };
    return { color: colour, weight: on ? 5 : line ? 3 : 2, opacity: 0.95, fillColor: colour, fillOpacity: line ? 0 : 0.22, dashArray: layer.kind === 'reference' && !line ? '6 4' : '' };
  };
  return (
    <GeoJSON
      // react-leaflet's <GeoJSON> ignores new data and styles: a new read or focus makes a fresh layer
      key={`${layer.id}-${version}-${focused ?? ''}`}
      data={data}
      style={style}
      pane="context-layers"
      pointToLayer={(feature: Feature<Geometry, Drawn>, latlng) => {
        const on = feature.properties.id === focused;
        return L.circleMarker(latlng, { pane: 'context-layers', radius: on ? 9 : 6 });
      }}
      onEachFeature={(feature: Feature<Geometry, Drawn>, drawn: Layer) => {
        const { name, category } = feature.properties;
        drawn.bindTooltip(textElement(category ? [name, category] : [name]), { direction: 'top', sticky: feature.geometry.type !== 'Point' });
        drawn.on('click', () => focus({ layerId: layer.id, featureId: feature.properties.id }));
      }}
    />
  );
}

export default function ContextLayerOverlay() {
  const shown = useContextLayers((s) => s.shown);
  const layers = useContextLayers((s) => s.layers);
  const versions = useMemo(() => new WeakMap<ContextLayer, number>(), []);
  let next = 0;
  return (
    // above the boundaries (overlay pane 400) and under the pins (marker pane 600)
    <Pane name="context-layers" style={{ zIndex: 450 }}>
      {shown.map((id) => {
        const layer = layers[id];
        if (!layer) return null;
        if (!versions.has(layer)) versions.set(layer, Date.now() + next++);
        return <OneLayer key={id} layer={layer} version={versions.get(layer)!} />;
      })}
    </Pane>
  );
}
