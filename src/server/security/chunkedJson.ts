// JSON written and read in slices, yielding to the event loop in between, so a 10 MB body (many features, or one
// feature of a million positions) never holds it for one whole JSON pass.

/** yield to the event loop after about this much work (ms) */
const SLICE_MS = 8;
/** positions (or other plain items) per JSON chunk of a long array */
const CHUNK = 2048;
/** a subtree whose JSON is at most this long travels as one text */
const LEAF_CHARS = 64 * 1024;

type Pace = () => Promise<void> | null;

/** a pacer: null while the current slice has time left, else a promise that resolves on the next turn of the loop */
function pacer(): Pace {
  let started = performance.now();
  return () => {
    if (performance.now() - started < SLICE_MS) return null;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = performance.now();
        resolve();
      }),
    );
  };
}

/** an array of plain items (numbers, positions, objects) rather than of arrays of arrays: written in chunks */
function isLeafy(value: unknown[]): boolean {
  const first = value[0];
  return !Array.isArray(first) || !Array.isArray(first[0]);
}

/**
 * The JSON text of a value parsed from JSON, written a slice at a time: objects member by member, arrays of arrays
 * item by item, long arrays of positions in chunks. `JSON.parse` of the result equals `value`.
 * @example
 * await stringifyInSlices({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] })
 * // => '{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1],[0,0]]]}'
 */
export async function stringifyInSlices(value: unknown): Promise<string> {
  const out: string[] = [];
  const pace = pacer();
  const write = async (node: unknown): Promise<void> => {
    const wait = pace();
    if (wait) await wait;
    if (Array.isArray(node)) {
      if (isLeafy(node)) {
        out.push('[');
        for (let k = 0; k < node.length; k += CHUNK) {
          if (k > 0) out.push(',');
          out.push(JSON.stringify(node.slice(k, k + CHUNK)).slice(1, -1));
          const later = pace();
          if (later) await later;
        }
        out.push(']');
        return;
      }
      out.push('[');
      for (let i = 0; i < node.length; i++) {
        if (i > 0) out.push(',');
        await write(node[i]);
      }
      out.push(']');
      return;
    }
    if (typeof node === 'object' && node !== null) {
      out.push('{');
      let first = true;
      for (const [key, item] of Object.entries(node)) {
        if (item === undefined) continue;
        out.push(first ? '' : ',', JSON.stringify(key), ':');
        first = false;
        await write(item);
      }
      out.push('}');
      return;
    }
    out.push(JSON.stringify(node) ?? 'null');
  };
  await write(value);
  return out.join('');
}

/** a value as JSON texts small enough to read between other requests */
export type SlicedJson =
  | { t: 'leaf'; json: string }
  | { t: 'chunks'; parts: string[] }
  | { t: 'array'; items: SlicedJson[] }
  | { t: 'object'; keys: string[]; values: SlicedJson[] };

/**
 * Cuts a value into JSON texts of at most about 64 KB (in the worker, where the time it takes does not matter).
 * @example
 * sliceJson({ ok: true }) // => { t: 'leaf', json: '{"ok":true}' }
 */
export function sliceJson(value: unknown): SlicedJson {
  const json = JSON.stringify(value) ?? 'null';
  if (json.length <= LEAF_CHARS || typeof value !== 'object' || value === null) return { t: 'leaf', json };
  if (Array.isArray(value)) {
    if (isLeafy(value)) {
      const parts: string[] = [];
      for (let k = 0; k < value.length; k += CHUNK) parts.push(JSON.stringify(value.slice(k, k + CHUNK)));
      return { t: 'chunks', parts };
    }
    return { t: 'array', items: value.map(sliceJson) };
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return { t: 'object', keys: entries.map(([key]) => key), values: entries.map(([, item]) => sliceJson(item)) };
}

/**
 * Reads back what sliceJson cut, one text at a time between turns of the event loop.
 * @example
 * await parseSlices({ t: 'object', keys: ['n'], values: [{ t: 'chunks', parts: ['[1,2]', '[3]'] }] }) // => { n: [1, 2, 3] }
 */
export async function parseSlices<T>(sliced: SlicedJson): Promise<T> {
  const pace = pacer();
  const read = async (node: SlicedJson): Promise<unknown> => {
    const wait = pace();
    if (wait) await wait;
    if (node.t === 'leaf') return JSON.parse(node.json) as unknown;
    if (node.t === 'chunks') {
      const out: unknown[] = [];
      for (const part of node.parts) {
        for (const item of JSON.parse(part) as unknown[]) out.push(item);
        const later = pace();
        if (later) await later;
      }
      return out;
    }
    if (node.t === 'array') {
      const out: unknown[] = [];
      for (const item of node.items) out.push(await read(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < node.keys.length; i++) out[node.keys[i]!] = await read(node.values[i]!);
    return out;
  };
  return (await read(sliced)) as T;
}
