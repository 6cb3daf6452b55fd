// security headers on every answer (API, built app, 404s) through @fastify/helmet, with a CSP fitted to the built app.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** the basemap's tile URL template (TILE_URL); its host is the one other place images may come from */
  tileUrl: string;
  /** served over HTTPS (SECURE_COOKIES / production): send HSTS and ask browsers to upgrade plain requests */
  secure: boolean;
}

/**
 * The CSP source for a tile URL template: its origin, with a `{s}` subdomain as a wildcard; '' for none or relative.
 * @example
 * tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png') // => 'https://*.tile.openstreetmap.org'
 * tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png') // => 'https://tile.openstreetmap.org'
 * tileSource('/tiles/{z}/{x}/{y}.png') // => '' (the app's own origin, already allowed)
 */
export function tileSource(tileUrl: string): string {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!match) return '';
  const [, scheme, authority] = match as unknown as [string, string, string];
  // placeholders in the host ({s}, {a-c}, {switch:a,b}) stand for subdomains
  const host = authority.replace(/^\{[^}]*\}\./, '*.');
  if (/[{}\s;,'"]/.test(host)) throw new Error(`TILE_URL's host "${authority}" cannot be allowed by the Content-Security-Policy; use a {s}. subdomain placeholder or a plain host`);
  return `${scheme.toLowerCase()}://${host.toLowerCase()}`;
}

/**
 * The Content-Security-Policy directives: the app's own module scripts, worker and stylesheets only (no eval, no
 * inline script or style); images from the app, data:/blob: (Leaflet's icons, PNG exports) and the tile host;
 * requests to the app's own origin only.
 * @example
 * contentSecurityPolicy({ tileUrl: '', secure: false })['script-src'] // => ["'self'"]
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): Record<string, string[] | null> {
  const tiles = tileSource(options.tileUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'worker-src': ["'self'"],
    // Leaflet and React position everything through element.style (CSSOM), which CSP does not govern; style="…"
    // attributes in markup and <style> elements are refused, and test/e2e/csp.desktop.spec.ts shows the app needs neither
    'style-src': ["'self'"],
    'style-src-attr': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // on plain http (a laptop, the tests) an upgrade would send the app's own requests to a port with no TLS
    'upgrade-insecure-requests': options.secure ? [] : null,
  };
}

/**
 * Registers @fastify/helmet for every route, the not-found handler included.
 * @example
 * await registerSecurityHeaders(app, { tileUrl: DEFAULT_TILE_URL, secure: true });
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    // tile servers (OpenStreetMap's among them) ask for a Referer naming the site; the origin is enough, never the path
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: options.secure ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    // tiles are cross-origin images: the default COEP (off) and CORP same-origin on our own answers are right
    crossOriginEmbedderPolicy: false,
  });
}
