// one consultation's context layers over Kysely, the same rules for SQLite and PostgreSQL.
import type { LayerCollection, LayerKind } from '../../../core/layers/layerTypes.ts';
import type { ContextLayersTable, Db } from '../db/database.ts';
import type { AssetVerdict, LayerStorage, LayerSummary, VerdictCounts } from '../layerStorage.ts';

const toSummary = (r: Omit<ContextLayersTable, 'features' | 'consultation_id'>): LayerSummary => ({
  id: r.id, name: r.name, kind: r.kind as LayerKind, featureCount: Number(r.feature_count), createdAt: r.created_at,
});

/**
 * The context layers of one consultation. Cheap: no I/O until a method is called.
 * @example
 * const layers = layerStorage(db, consultationId); await layers.confirm(layerId, '3', deviceHash, 'valued', new Date().toISOString());
 */
export function layerStorage(db: Db, consultationId: string): LayerStorage {
  const id = consultationId;
  const summaryColumns = ['id', 'name', 'kind', 'feature_count', 'created_at'] as const;
  // a layer's confirmations are reached only through a layer of this consultation
  const ownLayer = (layerId: string) => db.selectFrom('context_layers').where('consultation_id', '=', id).where('id', '=', layerId);
  return {
    async createLayer(layer) {
      await db.insertInto('context_layers').values({
        id: layer.id, consultation_id: id, name: layer.name, kind: layer.kind,
        features: JSON.stringify(layer.features), feature_count: layer.features.features.length, created_at: layer.createdAt,
      }).execute();
    },
    async listLayers() {
      const rows = await db.selectFrom('context_layers').select(summaryColumns).where('consultation_id', '=', id).orderBy('created_at').orderBy('id').execute();
      return rows.map(toSummary);
    },
    async getLayer(layerId) {
      const row = await ownLayer(layerId).select([...summaryColumns, 'features']).executeTakeFirst();
      return row ? { ...toSummary(row), features: JSON.parse(row.features) as LayerCollection } : null;
    },
    async deleteLayer(layerId) {
      const result = await db.deleteFrom('context_layers').where('consultation_id', '=', id).where('id', '=', layerId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async confirm(layerId, featureId, device, verdict, at) {
      const row = await ownLayer(layerId).select(['kind', 'features']).executeTakeFirst();
      if (!row) return 'no-layer';
      if (row.kind !== 'assets') return 'not-assets';
      if (!(JSON.parse(row.features) as LayerCollection).features.some((f) => f.id === featureId)) return 'no-feature';
      const before = await db.selectFrom('asset_confirmations').select('verdict')
        .where('layer_id', '=', layerId).where('feature_id', '=', featureId).where('device', '=', device).executeTakeFirst();
      await db.insertInto('asset_confirmations').values({ layer_id: layerId, feature_id: featureId, device, verdict, at })
        .onConflict((oc) => oc.columns(['layer_id', 'feature_id', 'device']).doUpdateSet({ verdict, at }))
        .execute();
      return { created: !before };
    },
    async confirmationCounts(layerId) {
      const rows = await db.selectFrom('asset_confirmations')
        .innerJoin('context_layers', 'context_layers.id', 'asset_confirmations.layer_id')
        .select(['asset_confirmations.feature_id as feature', 'asset_confirmations.verdict as verdict', (eb) => eb.fn.countAll().as('n')])
        .where('context_layers.consultation_id', '=', id).where('asset_confirmations.layer_id', '=', layerId)
        .groupBy(['asset_confirmations.feature_id', 'asset_confirmations.verdict'])
        .execute();
      const counts: Record<string, VerdictCounts> = {};
      for (const r of rows) {
        const c = (counts[r.feature] ??= { valued: 0, missing: 0, closed: 0 });
        c[r.verdict as AssetVerdict] = Number(r.n);
      }
      return counts;
    },
    async verdictsOf(layerId, device) {
      const rows = await db.selectFrom('asset_confirmations')
        .innerJoin('context_layers', 'context_layers.id', 'asset_confirmations.layer_id')
        .select(['asset_confirmations.feature_id as feature', 'asset_confirmations.verdict as verdict'])
        .where('context_layers.consultation_id', '=', id).where('asset_confirmations.layer_id', '=', layerId)
        .where('asset_confirmations.device', '=', device)
        .execute();
      return Object.fromEntries(rows.map((r) => [r.feature, r.verdict as AssetVerdict]));
    },
  };
}
