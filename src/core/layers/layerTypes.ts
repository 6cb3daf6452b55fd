// the shapes of a context layer: what a planner uploads (a mapping for messy columns) and what Coplan keeps and serves.
import type { Problem } from '../types.ts';

export type LayerKind = 'assets' | 'reference';
export type LayerFormat = 'geojson' | 'csv';

export type LayerGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'MultiPoint'; coordinates: [number, number][] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'MultiLineString'; coordinates: [number, number][][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** flat properties, so a GIS tool and the map legend read them alike */
export interface LayerProperties {
  name: string;
  /** '' when the source has none */
  category: string;
  /** the consultation theme the planner mapped this category to */
  theme?: string;
}

export interface LayerFeature {
  type: 'Feature';
  /** '1', '2', …: the feature's position in the upload, stable for confirmations */
  id: string;
  geometry: LayerGeometry;
  properties: LayerProperties;
}

export interface LayerCollection {
  type: 'FeatureCollection';
  features: LayerFeature[];
}

/** which source column (CSV) or property (GeoJSON) holds what; lon/lat only for CSV */
export interface LayerMapping {
  name?: string;
  category?: string;
  /** category value → theme id */
  themeByCategory?: Record<string, string>;
  lon?: string;
  lat?: string;
}

export type LayerParse = { ok: true; value: LayerCollection } | { ok: false; errors: Problem[] };

/** an upload larger than this is refused: the layer is drawn on phones */
export const MAX_LAYER_FEATURES = 20_000;
export const MAX_LAYER_ERRORS = 50;
export const MAX_NAME_LENGTH = 200;
export const MAX_CATEGORY_LENGTH = 100;
