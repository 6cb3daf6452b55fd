// exports of the current layer: GeoJSON and CSV with protected counts, and the map view as a png for reports.
import type { FeatureCollection } from 'geojson';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlatProperties } from '../../core/areaLayerExport.ts';
import { areasLayerGeoJson, hexLayerGeoJson, layerCsv, layerExportInfo, type LayerCollection, type LayerExportMeta } from '../../core/layerExport.ts';
import { gapColour, scaleStops, sequentialColour } from '../../core/layerScales.ts';
import { publishMark } from '../../core/protectedCounts.ts';
import { DEFAULT_MIN_COUNT, isSuppressed, type PublishedCount } from '../../core/smallCounts.ts';
import { effectiveFilter, type PlannerState } from '../../store/plannerStore.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { plannerLayerDataAt, usePlannerLayer, type PlannerLayerData } from '../../store/usePlannerLayer.ts';
import { usePlannerStore, usePlannerStoreApi } from '../../store/usePlannerStore.ts';
import { usePlannerThemes } from '../../store/usePlannerThemes.ts';
import { downloadText } from '../downloadText.ts';
import { drawLayerPng } from './drawLayerPng.ts';

function layerName(s: PlannerState): string {
  if (s.layer === 'areas') return s.areaMeasure === 'share' ? `areas-share-${s.shareTheme}` : `areas-${s.areaMeasure}`;
  if (s.layer === 'gaps') return `gaps-${s.gapTheme}`;
  if (s.layer === 'hex') return `hex-${s.hexMetres}m`;
  return 'clusters';
}

/** The current layer as a collection with protected counts (null before the first answer). */
export function currentLayerCollection(s: PlannerState, data: PlannerLayerData, themeColour: (id: string) => string, about: Partial<LayerExportMeta> = {}): LayerCollection | null {
  if (!s.result) return null;
  const filter = effectiveFilter(s);
  // a protected answer says its own k; otherwise the k `data` was computed with (about.minCount, else the screen's)
  const minCount = s.result.protection?.minCount ?? about.minCount ?? s.minCount;
  const meta: LayerExportMeta = { ...about, layer: layerName(s), filter: JSON.stringify(filter), minCount };
  if (s.layer === 'hex') return data.hexLayout ? hexLayerGeoJson(data.hexLayout, s.result.hexes, data.hexValues, data.hexFills, meta) : null;
  if (s.layer === 'clusters') {
    const themes = s.summary?.themes ?? [];
    // the same flat columns as the area layers: a number, or null with `<column>_hidden` where protection hides it
    const pub = (column: string, c: PublishedCount): FlatProperties => ({ [column]: isSuppressed(c) ? null : c, [`${column}_hidden`]: isSuppressed(c) });
    const features = (s.clusters ?? []).map((m) => {
      // the count is the sum of the mix: protected together, so no theme is the count minus the others
      const published = m.published ?? publishMark(m.count, m.mix, meta.minCount);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [m.lng, m.lat] },
        properties: {
          longitude: m.lng,
          latitude: m.lat,
          ...pub('total', published.count),
          ...Object.assign({}, ...themes.map((t, i) => pub(`${t}_total`, published.mix[i] ?? 0))),
          'marker-color': themeColour(themes[m.mix.indexOf(Math.max(...m.mix))] ?? ''),
        } as FlatProperties,
      };
    });
    return { type: 'FeatureCollection', features, coplan: layerExportInfo(meta, null) };
  }
  return areasLayerGeoJson(s.areas, s.result.areas, data.areaValues, data.areaFills, meta);
}

function legendTitle(s: PlannerState, t: TFunction, label: (id: string) => string): string {
  if (s.layer === 'gaps') return t('planner.legend.gapTitle', { theme: s.gapTheme === 'all' ? t('planner.gap.allThemes') : label(s.gapTheme) });
  if (s.layer === 'hex') return t('planner.legend.hexTitle', { size: s.hexMetres });
  if (s.layer === 'clusters') return t('planner.legend.clusterTitle');
  return s.areaMeasure === 'share' ? t('planner.legend.shareTitle', { theme: label(s.shareTheme) }) : t(`planner.legend.${s.areaMeasure}Title`);
}

export function PlannerExports() {
  const { t } = useTranslation();
  const id = useId();
  const store = usePlannerStoreApi();
  const ready = usePlannerStore((s) => s.result !== null);
  const data = usePlannerLayer();
  const themeOf = usePlannerThemes();
  const consultation = useConsultation();
  const protectedByServer = usePlannerStore((s) => s.result?.protection?.minCount ?? null);
  const screenK = usePlannerStore((s) => s.minCount);
  // the consultation's k is what publication means; without a consultation (a file, the demo) the one on screen
  const publicationK = consultation ? consultation.settings.minCount : Math.max(screenK, DEFAULT_MIN_COUNT);
  const [forPublication, setForPublication] = useState(true);
  const exportK = protectedByServer ?? (forPublication ? publicationK : 1);
  const stamp = () => new Date().toISOString().slice(0, 10);
  // the file names the consultation it is of, as the server's exports do
  const prefix = consultation ? `coplan-${consultation.slug}` : 'coplan';

  function collection(): LayerCollection | null {
    const about: Partial<LayerExportMeta> = {
      consultation: consultation ? { slug: consultation.slug, title: consultation.title } : null,
      boundaryCopyright: consultation?.settings.boundaryCopyright ?? null,
      exportedAt: new Date().toISOString(),
      minCount: exportK,
    };
    const s = store.getState();
    const exported = exportK === s.minCount ? data : plannerLayerDataAt(s, exportK);
    return currentLayerCollection(s, exported, (theme) => themeOf(theme).colour, about);
  }

  function exportGeoJson() {
    const c = collection();
    if (c) downloadText(JSON.stringify(c, null, 1), `${prefix}-${layerName(store.getState())}-${stamp()}.geojson`, 'application/geo+json');
  }

  function exportCsv() {
    const s = store.getState();
    const c = collection();
    if (!c) return;
    downloadText(layerCsv(c), `${prefix}-${layerName(s)}-${stamp()}.csv`, 'text/csv;charset=utf-8');
  }

  function exportPng() {
    const s = store.getState();
    const c = collection();
    if (!c) return;
    const isGap = s.layer === 'gaps';
    const ramp = s.layer === 'clusters' ? [] : isGap ? scaleStops((x) => gapColour(1 - 2 * x), 9) : scaleStops((x) => sequentialColour(x, 1), 9);
    const gd = data.gapDomain.toFixed(1);
    const ends = isGap ? [t('planner.legend.needs', { value: `+${gd}` }), t('planner.legend.balanced'), t('planner.legend.assets', { value: `−${gd}` })] : [t('planner.legend.few'), t('planner.legend.many')];
    const themes = s.summary?.themes ?? [];
    const dots: Array<[number, number, number, string]> =
      s.layer === 'clusters' ? (s.clusters ?? []).map((m) => [m.lng, m.lat, Math.min(24, 4 + Math.sqrt(m.count)), themeOf(themes[m.mix.indexOf(Math.max(...m.mix))] ?? '').colour]) : [];
    const canvas = drawLayerPng({
      title: t('planner.png.title', { layer: t(`planner.layers.${s.layer}`) }),
      subtitle: `${t('planner.png.subtitle', { date: stamp(), k: exportK, pins: s.summary?.pins ?? 0 })} ${exportK > 1 ? t('privacy.png.protected', { k: exportK }) : t('privacy.png.raw')}`,
      layer: s.layer === 'clusters' ? { type: 'FeatureCollection', features: [] } : (c as FeatureCollection),
      outlines: s.areas,
      dots,
      legend: { title: legendTitle(s, t, (id) => themeOf(id).label), ramp, ends: ramp.length ? ends : [], keys: exportK > 1 ? [['hatch', t('planner.legend.fewer', { k: exportK })]] : [] },
    });
    canvas.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${prefix}-${layerName(s)}-${stamp()}.png`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, 'image/png');
  }

  return (
    <section className="planner-section" aria-labelledby={`${id}-export`}>
      <h2 id={`${id}-export`}>{t('planner.export.heading')}</h2>
      {protectedByServer !== null ? (
        <p className="planner-hint">{t('privacy.export.publicOnly')}</p>
      ) : (
        <>
          <label className="planner-check">
            <input type="checkbox" checked={forPublication} onChange={(e) => setForPublication(e.target.checked)} aria-describedby={`${id}-publish`} />
            {t('privacy.export.publish', { k: publicationK })}
          </label>
          <p id={`${id}-publish`} className="planner-hint">
            {t('privacy.export.publishHint')}
          </p>
        </>
      )}
      <div className="planner-row planner-row--wrap">
        <button type="button" disabled={!ready} onClick={exportGeoJson}>
          {t('planner.export.geojson')}
        </button>
        <button type="button" disabled={!ready} onClick={exportCsv}>
          {t('planner.export.csv')}
        </button>
        <button type="button" disabled={!ready} onClick={exportPng}>
          {t('planner.export.png')}
        </button>
      </div>
    </section>
  );
}
