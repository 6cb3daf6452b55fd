// the context layers' API calls for one consultation (list, read, confirm an asset, upload, delete), each answer checked.
import { z } from 'zod';
import { ASSET_VERDICTS } from '../core/layers/assetConfirmationsByArea.ts';
import type { AssetVerdict } from '../core/layers/assetConfirmationsByArea.ts';
import type { LayerGeometry, LayerKind, LayerMapping } from '../core/layers/layerTypes.ts';
import type { PublishedCount } from '../core/smallCounts.ts';
import type { HttpRepository } from './httpRepository.ts';

const kind = z.enum(['assets', 'reference']);
const summarySchema = z.object({ id: z.string().min(1), name: z.string(), kind, featureCount: z.number().int().nonnegative(), createdAt: z.string() });
const count = z.union([z.number().int().nonnegative(), z.object({ suppressed: z.literal(true), lessThan: z.number().optional(), atLeast: z.number().optional() })]);
const position = z.tuple([z.number(), z.number()]);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);
const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().min(1),
  geometry,
  properties: z.object({
    name: z.string(),
    category: z.string(),
    theme: z.string().optional(),
    confirmations: z.object({ valued: count, missing: count, closed: count }).optional(),
    myVerdict: z.enum(ASSET_VERDICTS as [AssetVerdict, ...AssetVerdict[]]).optional(),
  }),
});
const layerSchema = summarySchema.omit({ featureCount: true }).extend({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) });

export type ContextLayerSummary = z.infer<typeof summarySchema>;
/** one feature as read: an asset's confirmations are small-count protected for the public, raw for its planners */
export interface ContextFeature {
  id: string;
  geometry: LayerGeometry;
  name: string;
  category: string;
  theme?: string;
  confirmations?: Record<AssetVerdict, PublishedCount>;
  myVerdict?: AssetVerdict;
}
export interface ContextLayer {
  id: string;
  name: string;
  kind: LayerKind;
  features: ContextFeature[];
}
export interface LayerUploadBody {
  name: string;
  kind: LayerKind;
  format: 'geojson' | 'csv';
  data: string;
  mapping?: LayerMapping;
}

export interface ContextLayerClient {
  list(): Promise<ContextLayerSummary[]>;
  read(id: string): Promise<ContextLayer>;
  confirm(layerId: string, featureId: string, verdict: AssetVerdict): Promise<void>;
  upload(body: LayerUploadBody): Promise<{ id: string; features: number }>;
  remove(id: string): Promise<void>;
}

function toFeature(f: z.infer<typeof featureSchema>): ContextFeature {
  const { name, category, theme, confirmations, myVerdict } = f.properties;
  return {
    id: f.id, geometry: f.geometry as LayerGeometry, name, category,
    ...(theme !== undefined ? { theme } : {}),
    ...(confirmations ? { confirmations: confirmations as Record<AssetVerdict, PublishedCount> } : {}),
    ...(myVerdict ? { myVerdict } : {}),
  };
}

/**
 * The context layer calls of one consultation over the app's HTTP client.
 * @example
 * const layers = createContextLayerClient(api); const [first] = await layers.list(); await layers.read(first.id);
 */
export function createContextLayerClient(api: Pick<HttpRepository, 'consultationBase' | 'send'>): ContextLayerClient {
  const base = `${api.consultationBase}/layers`;
  const layerPath = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    async list() {
      return z.object({ layers: z.array(summarySchema) }).parse((await api.send('GET', base)).json).layers;
    },
    async read(id) {
      const layer = layerSchema.parse((await api.send('GET', layerPath(id))).json);
      return { id: layer.id, name: layer.name, kind: layer.kind, features: layer.features.map(toFeature) };
    },
    async confirm(layerId, featureId, verdict) {
      await api.send('POST', `${layerPath(layerId)}/features/${encodeURIComponent(featureId)}/confirm`, { body: { verdict } });
    },
    async upload(body) {
      const answer = z.object({ id: z.string(), features: z.object({ features: z.array(z.unknown()) }) }).parse((await api.send('POST', base, { body })).json);
      return { id: answer.id, features: answer.features.features.length };
    },
    async remove(id) {
      await api.send('DELETE', layerPath(id));
    },
  };
}
