// a cluster's theme mix as a small svg donut: static markup from numbers and #rrggbb colours only, never user text.
import L from 'leaflet';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * The donut's svg markup for per-theme counts and colours, with the count label in the middle.
 * @example
 * clusterSvg([3, 1], ['#119649', '#700A77'], '4', 40) // => '<svg ...><path .../>...</svg>'
 */
export function clusterSvg(mix: readonly number[], colours: readonly string[], label: string, size: number): string {
  // a count, "<k" (a small count withheld) or "?" (withheld so that it cannot be worked out from the others)
  if (!/^(?:<?[0-9]{1,9}|\?)$/.test(label)) throw new Error('cluster labels are digits, "<k" or "?" only');
  const total = mix.reduce((a, b) => a + b, 0);
  const r = size / 2;
  const inner = r * 0.58;
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  mix.forEach((n, i) => {
    if (n <= 0 || total <= 0) return;
    const colour = HEX_COLOUR.test(colours[i] ?? '') ? colours[i]! : '#777777';
    if (n === total) {
      parts.push(`<circle cx="${r}" cy="${r}" r="${(r + inner) / 2}" fill="none" stroke="${colour}" stroke-width="${r - inner}"/>`);
      return;
    }
    const sweep = (n / total) * Math.PI * 2;
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const p = (a: number, rr: number) => `${(r + rr * Math.cos(a)).toFixed(2)} ${(r + rr * Math.sin(a)).toFixed(2)}`;
    parts.push(`<path d="M${p(angle, r)} A${r} ${r} 0 ${large} 1 ${p(end, r)} L${p(end, inner)} A${inner} ${inner} 0 ${large} 0 ${p(angle, inner)} Z" fill="${colour}"/>`);
    angle = end;
  });
  const font = Math.max(10, Math.round(size * 0.3));
  const text = label.replace('<', '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true">${parts.join('')}<circle cx="${r}" cy="${r}" r="${inner}" fill="#fff"/><text x="${r}" y="${r}" text-anchor="middle" dominant-baseline="central" font-size="${font}" font-weight="700" fill="#1b1b1b">${text}</text></svg>`;
}

/** A leaflet divIcon for a cluster. */
export function clusterIcon(mix: readonly number[], colours: readonly string[], label: string, count: number): L.DivIcon {
  const size = Math.round(Math.min(52, 30 + Math.log10(Math.max(1, count)) * 5));
  return L.divIcon({ html: clusterSvg(mix, colours, label, size), className: 'planner-cluster view-cluster', iconSize: [size, size] });
}
