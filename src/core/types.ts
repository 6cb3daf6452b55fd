// domain types shared by browser, worker, server and cli. positions are GeoJSON [lng, lat] everywhere.
import type { PinResponse } from './dialogue/responseStatus.ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** A GeoJSON position in GeoJSON order: longitude first. Branded so a Leaflet [lat, lng] cannot slip in. */
export type LngLat = readonly [lng: number, lat: number] & { readonly __order?: 'lnglat' };

/** What a pin says: something to keep (asset) or something to change (priority). */
export type PinKind = 'asset' | 'priority';
export const PIN_KINDS: readonly PinKind[] = ['asset', 'priority'];

/** How the resident feels about the place, if they say. */
export type Sentiment = 'positive' | 'neutral' | 'negative';
export const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

export const TITLE_MAX = 80;
export const NOTE_MAX = 500;

export interface PinProperties {
  id: string;
  kind: PinKind;
  /** theme id from the themes file */
  theme: string;
  title: string;
  note?: string;
  sentiment?: Sentiment;
  /** id of the neighbourhood that contains the pin, set by assignment */
  area: string;
  /** ISO 8601 timestamps */
  createdAt: string;
  updatedAt: string;
  /** anonymous device token of whoever made it; owners may edit and delete */
  author?: string;
  /** how many residents support it */
  supports?: number;
  /** workshop session the pin was made in (touch-table mode) */
  sessionId?: string;
  /** a planner's public answer (core/dialogue/pinResponse.ts) */
  response?: PinResponse;
}

export type PinFeature = Feature<Point, PinProperties> & { id: string };
export type PinCollection = FeatureCollection<Point, PinProperties>;

/** The fields a resident fills in; the rest is derived (id, area, timestamps). */
export interface PinDraft {
  kind: PinKind;
  theme: string;
  title: string;
  note?: string;
  sentiment?: Sentiment;
  position: LngLat;
}

export interface Theme {
  id: string;
  /** English label, the fallback */
  label: string;
  /** translations of the label, by language code */
  labels?: Record<string, string>;
  description?: string;
  descriptions?: Record<string, string>;
  /** #rrggbb */
  colour: string;
  /** icon name from the app's icon set */
  icon: string;
}

export interface AreaProperties {
  id: string;
  name: string;
  [key: string]: unknown;
}

export type AreaGeometry = Polygon | MultiPolygon;
export type AreaFeature = Feature<AreaGeometry, AreaProperties> & { id: string };
export type AreaCollection = FeatureCollection<AreaGeometry, AreaProperties>;

/** One thing wrong (or repaired) in some input, precise enough to fix it by hand. */
export interface Problem {
  /** 0-based index of the feature in the input, when the problem is inside one */
  feature?: number;
  /** JSON path inside the input, e.g. "features[3].geometry.coordinates[0]" */
  path: string;
  /** short stable rule name, e.g. "ring-not-closed", "projected-coordinates" */
  rule: string;
  /** a sentence for a person */
  message: string;
}

export type Validated<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };
