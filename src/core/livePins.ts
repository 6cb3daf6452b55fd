// the planner's pins as growable typed columns that change one pin at a time: put or remove by id in amortised O(1).
import type { PlannerPins } from './loadPlannerPins.ts';
import type { PinTable } from './pinTable.ts';

/** A per-row integer (an area or hex id) worked out from a pin's position, kept in step with the rows. */
export interface GroupColumn {
  /** the first `length` entries, as counting loops read them (a view: valid until the next change) */
  view(): Int32Array;
  /** rows whose id is negative (in no group) */
  outside(): number;
}

export interface LivePins {
  readonly length: number;
  /** the rows as a PinTable (views, valid until the next change); themes and sessions in code order, unused ones included */
  table(): PinTable;
  supports(): Uint32Array;
  titles(): readonly string[];
  ids(): readonly string[];
  rowOf(id: string): number | undefined;
  /** pins per theme code / session code (index into table().themes / sessions) */
  themeCounts(): readonly number[];
  sessionCounts(): readonly number[];
  /** writes the one row of `one` as pin `id`: in place when the id has a row, else appended; returns the row */
  put(id: string, one: PlannerPins): number;
  /** removes pin `id` (the last row moves into its place); false when there was none */
  remove(id: string): boolean;
  /** a column computed by `assign(lng, lat)` for every row now and every row put later */
  addColumn(assign: (lng: number, lat: number) => number): GroupColumn;
}

function grown<T extends Float64Array | Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 16));
  next.set(a);
  return next;
}

/**
 * Starts from a loaded table (rows kept in their order) and takes single-pin changes after it.
 * WARNING: a removal moves the last row into the hole, so rows stop being in load order once a pin is removed;
 * everything that reads rows counts, except top-pin ties and clusters, which the engine orders by (createdAt, id).
 * @example
 * const live = createLivePins(loadPlannerPins(pins));
 * live.put('p9', loadPlannerPins({ type: 'FeatureCollection', features: [pin9] })); live.remove('p1');
 */
export function createLivePins(initial: PlannerPins): LivePins {
  const t = initial.table;
  let length = t.length;
  let lng = t.lng.slice();
  let lat = t.lat.slice();
  let kind = t.kind.slice();
  let theme = t.theme.slice();
  let session = t.session.slice();
  let time = (t.time ?? new Float64Array(length).fill(NaN)).slice();
  let feature = t.feature.slice();
  let supports = initial.supports.slice();
  const titles = initial.titles.slice();
  const ids = initial.ids.slice();
  const themes = t.themes.slice();
  const sessions = t.sessions.slice();
  const themeCode = new Map(themes.map((name, i) => [name, i]));
  const sessionCode = new Map(sessions.map((name, i) => [name, i]));
  const themeCounts = new Array<number>(themes.length).fill(0);
  const sessionCounts = new Array<number>(sessions.length).fill(0);
  for (let r = 0; r < length; r++) {
    themeCounts[theme[r]!]!++;
    sessionCounts[session[r]!]!++;
  }
  const rows = new Map<string, number>();
  ids.forEach((id, r) => {
    if (id !== '') rows.set(id, r);
  });
  const columns: { values: Int32Array; negatives: number; assign: (lng: number, lat: number) => number }[] = [];
  let cached: PinTable | null = null;

  function code(map: Map<string, number>, list: string[], counts: number[], name: string): number {
    let c = map.get(name);
    if (c === undefined) {
      if (list.length === 65_535) throw new RangeError('more than 65535 distinct themes or sessions');
      c = list.length;
      list.push(name);
      counts.push(0);
      map.set(name, c);
    }
    return c;
  }

  function setGroups(r: number): void {
    for (const col of columns) {
      if (r < length && col.values[r]! < 0) col.negatives--;
      const v = col.assign(lng[r]!, lat[r]!);
      col.values[r] = v;
      if (v < 0) col.negatives++;
    }
  }

  return {
    get length() {
      return length;
    },
    table() {
      cached ??= {
        length,
        lng: lng.subarray(0, length),
        lat: lat.subarray(0, length),
        kind: kind.subarray(0, length),
        theme: theme.subarray(0, length),
        themes,
        session: session.subarray(0, length),
        sessions,
        time: time.subarray(0, length),
        feature: feature.subarray(0, length),
      };
      return cached;
    },
    supports: () => supports.subarray(0, length),
    titles: () => titles,
    ids: () => ids,
    rowOf: (id) => rows.get(id),
    themeCounts: () => themeCounts,
    sessionCounts: () => sessionCounts,
    put(id, one) {
      const o = one.table;
      let r = rows.get(id);
      if (r === undefined) {
        r = length;
        const need = length + 1;
        lng = grown(lng, need);
        lat = grown(lat, need);
        kind = grown(kind, need);
        theme = grown(theme, need);
        session = grown(session, need);
        time = grown(time, need);
        feature = grown(feature, need);
        supports = grown(supports, need);
        for (const col of columns) col.values = grown(col.values, need);
        rows.set(id, r);
      } else {
        themeCounts[theme[r]!]!--;
        sessionCounts[session[r]!]!--;
      }
      lng[r] = o.lng[0]!;
      lat[r] = o.lat[0]!;
      kind[r] = o.kind[0]!;
      theme[r] = code(themeCode, themes, themeCounts, o.themes[o.theme[0]!]!);
      session[r] = code(sessionCode, sessions, sessionCounts, o.sessions[o.session[0]!]!);
      time[r] = o.time ? o.time[0]! : NaN;
      feature[r] = r;
      supports[r] = one.supports[0]!;
      titles[r] = one.titles[0]!;
      ids[r] = id;
      themeCounts[theme[r]!]!++;
      sessionCounts[session[r]!]!++;
      setGroups(r);
      if (r === length) length++;
      cached = null;
      return r;
    },
    remove(id) {
      const r = rows.get(id);
      if (r === undefined) return false;
      themeCounts[theme[r]!]!--;
      sessionCounts[session[r]!]!--;
      for (const col of columns) if (col.values[r]! < 0) col.negatives--;
      const last = length - 1;
      if (r !== last) {
        lng[r] = lng[last]!;
        lat[r] = lat[last]!;
        kind[r] = kind[last]!;
        theme[r] = theme[last]!;
        session[r] = session[last]!;
        time[r] = time[last]!;
        feature[r] = r;
        supports[r] = supports[last]!;
        titles[r] = titles[last]!;
        ids[r] = ids[last]!;
        for (const col of columns) col.values[r] = col.values[last]!;
        rows.set(ids[r]!, r);
      }
      titles.pop();
      ids.pop();
      rows.delete(id);
      length = last;
      cached = null;
      return true;
    },
    addColumn(assign) {
      const col = { values: new Int32Array(Math.max(lng.length, 16)), negatives: 0, assign };
      for (let r = 0; r < length; r++) {
        const v = assign(lng[r]!, lat[r]!);
        col.values[r] = v;
        if (v < 0) col.negatives++;
      }
      columns.push(col);
      return { view: () => col.values.subarray(0, length), outside: () => col.negatives };
    },
  };
}
