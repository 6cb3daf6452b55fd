// the map view as a png for reports: the layer drawn onto a canvas from its GeoJSON, with a title and legend (no tiles).
import type { Feature, FeatureCollection, Position } from 'geojson';
import { HATCH_COLOURS } from '../../core/layerScales.ts';

export interface PngLegend {
  title: string;
  /** colour stops, drawn as a ramp */
  ramp: string[];
  ends: string[];
  /** extra keys: [fill ('hatch' for withheld), text] */
  keys: Array<[string, string]>;
}

export interface PngInput {
  title: string;
  subtitle: string;
  /** features with a `fill` property (or none: outline only) */
  layer: FeatureCollection;
  outlines: FeatureCollection;
  /** extra dots (clusters) [lng, lat, radius px, colour] */
  dots?: Array<[number, number, number, string]>;
  legend: PngLegend;
  width?: number;
  height?: number;
}

function ringsOf(f: Feature): Position[][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Draws the layer with an equirectangular projection scaled by cos(latitude), fine at neighbourhood scale. */
export function drawLayerPng(input: PngInput): HTMLCanvasElement {
  const width = input.width ?? 1200;
  const height = input.height ?? 900;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const all = [...input.outlines.features, ...input.layer.features].flatMap(ringsOf).flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of all) {
    minX = Math.min(minX, x!);
    minY = Math.min(minY, y!);
    maxX = Math.max(maxX, x!);
    maxY = Math.max(maxY, y!);
  }
  const top = 90;
  const legendH = 120;
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 60) / ((maxX - minX) * k || 1), (height - top - legendH - 30) / (maxY - minY || 1));
  const ox = (width - (maxX - minX) * k * scale) / 2;
  const px = (x: number) => ox + (x - minX) * k * scale;
  const py = (y: number) => top + (maxY - y) * scale;
  const hatch = hatchPattern(ctx);
  const trace = (f: Feature) => {
    ctx.beginPath();
    for (const ring of ringsOf(f)) ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(px(x!), py(y!)) : ctx.lineTo(px(x!), py(y!))));
  };
  for (const f of input.layer.features) {
    const fill = (f.properties as { fill?: unknown } | null)?.fill;
    trace(f);
    if (typeof fill === 'string') {
      ctx.fillStyle = fill.startsWith('url(') ? (hatch ?? HATCH_COLOURS.background) : fill;
      ctx.fill('evenodd');
    }
    ctx.strokeStyle = 'rgba(60,60,60,0.6)';
    ctx.lineWidth = 0.8;
    ctx.stroke();
  }
  ctx.strokeStyle = '#2f4b6e';
  ctx.lineWidth = 1.5;
  for (const f of input.outlines.features) {
    trace(f);
    ctx.stroke();
  }
  for (const [x, y, r, colour] of input.dots ?? []) {
    ctx.beginPath();
    ctx.arc(px(x), py(y), r, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.stroke();
  }
  ctx.fillStyle = '#1b1b1b';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText(input.title, 30, 44);
  ctx.font = '16px system-ui, sans-serif';
  ctx.fillText(input.subtitle, 30, 72);
  drawLegend(ctx, input.legend, 30, height - legendH + 10, hatch);
  return canvas;
}

function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.fillStyle = HATCH_COLOURS.background;
  t.fillRect(0, 0, 8, 8);
  t.strokeStyle = HATCH_COLOURS.stroke;
  t.lineWidth = 2;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: PngLegend, x: number, y: number, hatch: CanvasPattern | null): void {
  ctx.fillStyle = '#1b1b1b';
  ctx.font = 'bold 16px system-ui, sans-serif';
  ctx.fillText(legend.title, x, y);
  const rampW = 360;
  if (legend.ramp.length) {
    const gradient = ctx.createLinearGradient(x, 0, x + rampW, 0);
    legend.ramp.forEach((c, i) => gradient.addColorStop(i / Math.max(1, legend.ramp.length - 1), c));
    ctx.fillStyle = gradient;
    ctx.fillRect(x, y + 12, rampW, 18);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = '14px system-ui, sans-serif';
    legend.ends.forEach((text, i) => {
      const at = legend.ends.length === 1 ? 0 : i / (legend.ends.length - 1);
      ctx.textAlign = at === 0 ? 'left' : at === 1 ? 'right' : 'center';
      ctx.fillText(text, x + at * rampW, y + 50);
    });
    ctx.textAlign = 'left';
  }
  let kx = x + rampW + 40;
  for (const [fill, text] of legend.keys) {
    ctx.fillStyle = fill === 'hatch' ? (hatch ?? HATCH_COLOURS.background) : fill;
    ctx.fillRect(kx, y + 12, 22, 18);
    ctx.strokeStyle = '#555';
    ctx.strokeRect(kx, y + 12, 22, 18);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = '14px system-ui, sans-serif';
    ctx.fillText(text, kx + 30, y + 26);
    kx += 40 + ctx.measureText(text).width;
  }
}
