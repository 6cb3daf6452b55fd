// a brute-force attacker for small-count suppression: every integer table consistent with what was published.
import type { PublishedCount, PublishedCounts } from '../../src/core/smallCounts.ts';

/** Everything published about one set of pins: per group (area) counts, the pins in no group, and optionally a figure over all of them. */
export interface Publication {
  k: number;
  groups: PublishedCounts[];
  /** pins in no area: only their total is published */
  outside?: PublishedCount;
  /** one counts object over every group and the outside (the planner's "all areas" figure), if published */
  overall?: PublishedCounts;
}

/** A count published as "fewer than k" that the published figures pin down to fewer than two values. */
export interface Exposure {
  where: string;
  cell: string;
  values: number[];
}

interface Cell {
  name: string;
  /** indices into a group's unknowns (theme t, kind c at t * 2 + c) */
  parts: number[];
  published: PublishedCount;
}

const KINDS = ['asset', 'priority'] as const;

/** The cells of one counts object over 2T unknowns: total, asset, priority and each theme's asset and priority. */
function cellsOf(c: PublishedCounts, themes: string[]): Cell[] {
  const all = themes.flatMap((_, t) => [t * 2, t * 2 + 1]);
  const cells: Cell[] = [
    { name: 'total', parts: all, published: c.total },
    { name: 'asset', parts: all.filter((i) => i % 2 === 0), published: c.asset },
    { name: 'priority', parts: all.filter((i) => i % 2 === 1), published: c.priority },
  ];
  themes.forEach((t, i) => KINDS.forEach((kind, j) => cells.push({ name: `${t}.${kind}`, parts: [i * 2 + j], published: c.byTheme[t]![kind] })));
  return cells;
}

/** What a published figure says about its true value n: the number itself; 1..k-1; or, withheld, nothing. */
function allows(p: PublishedCount, n: number, _k: number): boolean {
  if (typeof p === 'number') return n === p;
  if (p.lessThan !== undefined) return n >= 1 && n < p.lessThan;
  return n >= 0;
}

function upper(p: PublishedCount, cap: number): number {
  if (typeof p === 'number') return p;
  return p.lessThan !== undefined ? p.lessThan - 1 : cap;
}

/**
 * Every assignment of the 2T unknowns (each 0..cap) that agrees with every cell, by depth-first search with two
 * prunings: a partial sum above a cell's largest possible value, and a cell's last unknown forced by a published sum.
 * Throws past `limit` solutions rather than run for ever.
 */
function solutions(cells: Cell[], size: number, k: number, cap: number, limit: number, enough?: (x: number[]) => boolean): number[][] {
  const out: number[][] = [];
  const x = new Array<number>(size).fill(0);
  const lastPart = cells.map((c) => Math.max(-1, ...c.parts));
  let done = false;
  const search = (i: number): void => {
    if (done) return;
    if (i === size) {
      if (cells.every((c) => allows(c.published, c.parts.reduce((s, p) => s + x[p]!, 0), k))) {
        out.push([...x]);
        if (out.length > limit) throw new Error(`more than ${limit} consistent tables: make the instance smaller`);
        if (enough?.(x)) done = true;
      }
      return;
    }
    let lo = 0;
    let hi = cap;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (!cell.parts.includes(i)) continue;
      const before = cell.parts.reduce((s, p) => (p < i ? s + x[p]! : s), 0);
      hi = Math.min(hi, upper(cell.published, cap) - before);
      if (lastPart[c] === i && typeof cell.published === 'number') lo = Math.max(lo, cell.published - before);
    }
    for (let v = lo; v <= hi; v++) {
      x[i] = v;
      search(i + 1);
    }
    x[i] = 0;
  };
  search(0);
  return out;
}

/** A stop test for the search: true once every "fewer than k" cell has been seen with two different values. */
function twoValuesEach(cells: Cell[]): (x: number[]) => boolean {
  const small = cells.filter((c) => typeof c.published !== 'number' && c.published.lessThan !== undefined);
  const seen = small.map(() => new Set<number>());
  return (x) => {
    small.forEach((c, i) => seen[i]!.add(c.parts.reduce((s, p) => s + x[p]!, 0)));
    return seen.every((v) => v.size >= 2);
  };
}

/** Minkowski sum of sets of vectors, dropping sums that already break an upper bound. */
function addAll(a: number[][], b: number[][], fits: (v: number[]) => boolean): number[][] {
  const seen = new Map<string, number[]>();
  for (const u of a) {
    for (const w of b) {
      const v = u.map((n, i) => n + w[i]!);
      if (fits(v)) seen.set(v.join(','), v);
    }
  }
  return [...seen.values()];
}

/**
 * The counts published as "fewer than k" that can be worked out to fewer than two values from everything in
 * `publication`, by enumerating every table of non-negative integers (per group, theme and kind; each at most `cap`)
 * consistent with it. An empty list means every small count is safe against exact reasoning on these figures.
 * @example
 * recoverableSmallCounts({ k: 5, groups: [{ total: 8, asset: { suppressed: true, lessThan: 5 }, priority: { suppressed: true, lessThan: 5 }, byTheme: {...} }] }, 20)
 * // => [{ where: 'group 0', cell: 'asset', values: [4] }, ...]  (8 = 4 + 4)
 */
export function recoverableSmallCounts(publication: Publication, cap: number, limit = 200_000): Exposure[] {
  const { k } = publication;
  const themes = Object.keys(publication.groups[0]?.byTheme ?? publication.overall?.byTheme ?? {});
  const size = themes.length * 2;
  const groupCells = publication.groups.map((g) => cellsOf(g, themes));
  if (publication.outside !== undefined) groupCells.push([{ name: 'total', parts: themes.flatMap((_, t) => [t * 2, t * 2 + 1]), published: publication.outside }]);
  const names = publication.groups.map((_, g) => `group ${g}`).concat(publication.outside !== undefined ? ['outside'] : []);
  const overall = publication.overall ? cellsOf(publication.overall, themes) : null;
  // without a figure across groups each group stands alone: stop a group's search once each of its small counts has two values
  let feasible = groupCells.map((cells) => solutions(cells, size, k, cap, limit, overall ? undefined : twoValuesEach(cells)));
  if (overall) {
    const fits = (v: number[]) => overall.every((c) => c.parts.reduce((s, p) => s + v[p]!, 0) <= upper(c.published, cap * feasible.length));
    const meets = (v: number[]) => overall.every((c) => allows(c.published, c.parts.reduce((s, p) => s + v[p]!, 0), k));
    // keep a group's table only if the other groups can complete it to an overall figure that agrees
    feasible = feasible.map((own, g) => {
      const others = feasible.filter((_, h) => h !== g).reduce((acc, s) => addAll(acc, s, fits), [new Array<number>(size).fill(0)]);
      return own.filter((t) => others.some((o) => meets(t.map((n, i) => n + o[i]!))));
    });
  }
  const exposures: Exposure[] = [];
  const check = (where: string, cells: Cell[], tables: number[][]) => {
    for (const cell of cells) {
      if (typeof cell.published === 'number' || cell.published.lessThan === undefined) continue;
      const values = [...new Set(tables.map((t) => cell.parts.reduce((s, p) => s + t[p]!, 0)))].sort((a, b) => a - b);
      if (values.length < 2) exposures.push({ where, cell: cell.name, values });
    }
  };
  groupCells.forEach((cells, g) => check(names[g]!, cells, feasible[g]!));
  if (overall) {
    // the overall figure's own small counts: any sum of one feasible table per group
    const sums = feasible.reduce((acc, s) => addAll(acc, s, () => true), [new Array<number>(size).fill(0)]);
    check('overall', overall, sums.filter((v) => overall.every((c) => allows(c.published, c.parts.reduce((s, p) => s + v[p]!, 0), k))));
  }
  return exposures;
}
