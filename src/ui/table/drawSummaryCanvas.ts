// draws a session summary onto a canvas for the png record: map on the left, the words on the right.
// canvas drawing keeps the app free of an html-to-image dependency; fillText renders user text as text.
import bbox from '@turf/bbox';
import { fitProjection } from '../../core/fitProjection.ts';
import type { AreaCollection, PinFeature, Theme } from '../../core/types.ts';
import { traceArea } from './areaPathData.ts';
import type { SummaryRowText, SummaryText } from './summaryText.ts';

export const PNG_SIZE = { width: 1920, height: 1080 };
const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

export function drawSummaryCanvas(canvas: HTMLCanvasElement, input: { text: SummaryText; areas: AreaCollection; pins: readonly PinFeature[]; themes: Map<string, Theme> }): void {
  const { text, areas, pins, themes } = input;
  canvas.width = PNG_SIZE.width;
  canvas.height = PNG_SIZE.height;
  const c = canvas.getContext('2d');
  if (!c) throw new Error('this browser cannot draw on a canvas');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, canvas.width, canvas.height);

  // the map: boundaries, then pins (circle = keep, diamond = change)
  const mapSize = 1000;
  if (areas.features.length > 0) {
    const { project } = fitProjection(bbox(areas) as [number, number, number, number], mapSize, mapSize, 24);
    c.save();
    c.translate(40, 40);
    for (const feature of areas.features) {
      c.beginPath();
      traceArea(c, feature.geometry, project);
      c.fillStyle = '#eef3f8';
      c.fill('evenodd');
      c.strokeStyle = '#2f4b6e';
      c.lineWidth = 2;
      c.stroke();
    }
    for (const pin of pins) {
      const [lng, lat] = pin.geometry.coordinates;
      const { x, y } = project([lng!, lat!]);
      c.beginPath();
      if (pin.properties.kind === 'asset') c.arc(x, y, 11, 0, Math.PI * 2);
      else {
        c.moveTo(x, y - 13);
        c.lineTo(x + 13, y);
        c.lineTo(x, y + 13);
        c.lineTo(x - 13, y);
        c.closePath();
      }
      c.fillStyle = themes.get(pin.properties.theme)?.colour ?? '#5a6472';
      c.fill();
      c.strokeStyle = pin.properties.kind === 'asset' ? '#ffffff' : '#111111';
      c.lineWidth = 3;
      c.stroke();
    }
    c.restore();
  }

  // the words
  let y = 80;
  const x = 1100;
  const width = 780;
  c.fillStyle = '#1b1f24';
  c.textBaseline = 'alphabetic';
  const line = (value: string, size: number, weight = 400, gap = 10) => {
    c.font = `${weight} ${size}px ${FONT}`;
    for (const part of wrap(c, value, width)) {
      c.fillText(part, x, y);
      y += size + gap;
    }
  };
  const rows = (list: SummaryRowText[]) => {
    for (const row of list) {
      if (row.colour) {
        c.fillStyle = row.colour;
        c.fillRect(x, y - 18, 20, 20);
        c.fillStyle = '#1b1f24';
      }
      c.font = `400 22px ${FONT}`;
      c.fillText(row.label, x + (row.colour ? 32 : 0), y);
      c.fillText(row.counts, x + 430, y);
      y += 32;
    }
    y += 10;
  };
  line(text.heading, 48, 700, 14);
  line(text.subheading, 24, 400, 8);
  line(text.totals, 30, 700, 20);
  if (text.empty) line(text.empty, 24);
  line(text.byThemeHeading, 26, 700);
  rows(text.byTheme);
  line(text.byAreaHeading, 26, 700);
  rows(text.byArea);
  if (text.moreAreas) line(text.moreAreas, 20);
  line(text.topPrioritiesHeading, 26, 700);
  text.topPriorities.forEach((item, i) => line(`${i + 1}. ${item}`, 22, 400, 6));
  y += 8;
  line(text.topAssetsHeading, 26, 700);
  text.topAssets.forEach((item, i) => line(`${i + 1}. ${item}`, 22, 400, 6));
}

/** Resolves with the png bytes of the canvas. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the summary could not be turned into a png'))), 'image/png'));
}
