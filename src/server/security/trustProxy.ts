// which forwarding proxies the server believes about the client's address (TRUST_PROXY), and nothing more.
import net from 'node:net';

/**
 * `false`: the socket's peer is the client (no proxy). A number n ≥ 1: exactly n proxies stand in front of the server,
 * so the client is the n-th address from the right of `X-Forwarded-For`. A list: the proxies' addresses or CIDR
 * ranges (or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`); the client is the right-most address that
 * is not one of them. Entries a client writes itself are always left of what the proxies append, so they are never read.
 */
export type TrustProxy = false | number | readonly string[];

/** what fastify's `trustProxy` option takes: a list of addresses/CIDRs, or a function asked about each hop from the socket outward */
export type FastifyTrustProxy = false | string[] | ((address: string, hop: number) => boolean);

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads the TRUST_PROXY setting: unset, '' or '0' for none, a whole number of hops, or a comma-separated list of
 * addresses/CIDRs. Anything else (notably `true`, which would believe every entry a client sends) is refused.
 * @example
 * parseTrustProxy('1') // => 1
 * parseTrustProxy('10.0.0.0/8, 192.168.1.4') // => ['10.0.0.0/8', '192.168.1.4']
 * parseTrustProxy('true') // throws: TRUST_PROXY must be a hop count …
 */
export function parseTrustProxy(raw: string | undefined, name = 'TRUST_PROXY'): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`${name} must be a hop count from 0 to 10 or a list of proxy addresses, got "${raw}"`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) {
    throw new Error(
      `${name} must be a hop count (e.g. 1) or a comma-separated list of proxy addresses/CIDRs (e.g. 10.0.0.0/8,::1); "${wrong}" is neither` +
        (/^(true|yes|on)$/i.test(wrong) ? ' (trusting every X-Forwarded-For entry would let any client choose its own address)' : ''),
    );
  }
  return entries;
}

/**
 * Turns the setting into fastify's option. A hop count becomes a function trusting the socket and the n−1 entries
 * the proxies appended (fastify 5 itself refuses a bare number, as it cannot tell a proxy from a direct client).
 * @example
 * const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
 * trust('10.0.0.1', 0) // => true  (the load balancer that connected)
 * trust('203.0.113.7', 1) // => false (the address it appended: the client)
 */
export function fastifyTrustProxy(setting: TrustProxy | undefined): FastifyTrustProxy {
  if (setting === undefined || setting === false || setting === 0) return false;
  if (typeof setting === 'number') {
    if (!Number.isInteger(setting) || setting < 0) throw new Error(`trustProxy must be a whole number of hops, got ${setting}`);
    const hops = setting;
    return (_address, hop) => hop < hops;
  }
  const wrong = setting.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) throw new Error(`trustProxy: "${wrong}" is not an address or CIDR range`);
  return [...setting];
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
