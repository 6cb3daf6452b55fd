// JSON text of a FeatureCollection written and read one feature at a time, yielding to the event loop in between,
// so a 10 MB collection of many features never holds it for one whole JSON pass.

/** yield to the event loop after about this much work (ms) */
const SLICE_MS = 8;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function isCollection(value: unknown): value is { type: 'FeatureCollection'; features: unknown[] } & Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((value as { features?: unknown }).features);
}

/**
 * The JSON text of `value`, a FeatureCollection written feature by feature (other values in one go).
 * `JSON.parse` of the result equals `value`, though its members may come in another order.
 * @example
 * await stringifyInSlices({ type: 'FeatureCollection', features: [{ type: 'Feature' }] })
 * // => '{"type":"FeatureCollection","features":[{"type":"Feature"}]}'
 */
export async function stringifyInSlices(value: unknown): Promise<string> {
  if (!isCollection(value)) return JSON.stringify(value);
  const { features, ...rest } = value;
  const head = JSON.stringify(rest);
  const parts: string[] = [];
  let started = performance.now();
  for (const feature of features) {
    parts.push(JSON.stringify(feature) ?? 'null');
    if (performance.now() - started > SLICE_MS) {
      await yieldToLoop();
      started = performance.now();
    }
  }
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"features":[${parts.join(',')}]}`;
}

/** a value sent as JSON texts: `head` without the collection's features, then each feature's own text */
export interface SlicedJson {
  head: string;
  features: string[] | null;
}

/**
 * Splits a value that may hold a FeatureCollection at `path` (e.g. ['value']) into texts to be read back in slices.
 * @example
 * sliceJson({ ok: true, value: { type: 'FeatureCollection', features: [1] } }, ['value'])
 * // => { head: '{"ok":true,"value":{"type":"FeatureCollection"}}', features: ['1'] }
 */
export function sliceJson(value: unknown, path: readonly string[]): SlicedJson {
  let parent: Record<string, unknown> | null = null;
  let node: unknown = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return { head: JSON.stringify(value), features: null };
    parent = node as Record<string, unknown>;
    node = parent[key];
  }
  if (!isCollection(node) || !parent) return { head: JSON.stringify(value), features: null };
  const { features, ...rest } = node;
  const key = path[path.length - 1]!;
  const saved = parent[key];
  parent[key] = rest;
  try {
    return { head: JSON.stringify(value), features: features.map((f) => JSON.stringify(f)) };
  } finally {
    parent[key] = saved;
  }
}

/**
 * Reads back what sliceJson wrote, one feature at a time between turns of the event loop.
 * @example
 * await parseSlices({ head: '{"value":{"type":"FeatureCollection"}}', features: ['1'] }, ['value'])
 * // => { value: { type: 'FeatureCollection', features: [1] } }
 */
export async function parseSlices<T>(sliced: SlicedJson, path: readonly string[]): Promise<T> {
  const value = JSON.parse(sliced.head) as unknown;
  if (!sliced.features) return value as T;
  let node = value as Record<string, unknown>;
  for (const key of path) node = node[key] as Record<string, unknown>;
  const features: unknown[] = [];
  let started = performance.now();
  for (const text of sliced.features) {
    features.push(JSON.parse(text));
    if (performance.now() - started > SLICE_MS) {
      await yieldToLoop();
      started = performance.now();
    }
  }
  node.features = features;
  return value as T;
}
