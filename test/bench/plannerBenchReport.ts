// the tables `npm run bench:planner` prints: per storage and size, then one line each for the headline ratios.

/** one storage and size: medians (ms) per case, bytes per answer */
export interface CaseResult {
  kind: string;
  size: number;
  ms: Record<string, number>;
  /** compressed as sent, and the JSON */
  wire: Record<string, number>;
  bytes: Record<string, number>;
  marks: number;
  serverLoadMs: number;
  /** reads right after a POST that still answered without the new pin */
  staleReads: number;
  coldMs: number;
  memory: { heap: number; buffers: number };
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtBytes = (b: number | undefined) => (b === undefined ? '' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const times = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toPrecision(3)}x`;
const ratio = (n: number, o: number) => `${(n / o).toPrecision(2)} (${o >= n ? `${times(o / n)} less` : `${times(n / o)} more`})`;

/** the per-case table: old and new side by side, with ratios */
export function reportCase(r: CaseResult, runs: { heavy: number; cached: number; zoom: number }): void {
  const { ms, wire: w, bytes: b } = r;
  const line = (label: string, t: number | undefined, onWire?: number, json?: number) =>
    console.log(`  ${label.padEnd(68)} ${t === undefined ? ''.padStart(9) : fmtMs(t).padStart(9)} ${fmtBytes(onWire).padStart(10)} ${fmtBytes(json).padStart(10)}`);
  const openWire = w.summary! + w.open!;
  const openBytes = b.summary! + b.open!;
  console.log(`\n== ${r.kind}, ${r.size.toLocaleString('en')} pins: medians of ${runs.heavy} (old path, rebuilds) / ${runs.cached} (cached) runs ==`);
  console.log(`  ${'case'.padEnd(68)} ${'ms'.padStart(9)} ${'wire'.padStart(10)} ${'JSON'.padStart(10)}`);
  console.log('  planner opens the page');
  line('old: GET /api/pins, receive', ms['old.receive'], w.pins, b.pins);
  line('old: decompress', ms['old.decode']);
  line('old: JSON.parse', ms['old.parse']);
  line('old: engine.load(areas, pins) (the worker)', ms['old.load']);
  line('old: engine.query (default filter, 500 m hexes)', ms['old.query']);
  line('old: total (median of per-run sums)', ms['old.open'], w.pins, b.pins);
  line('new: GET /api/aggregates/summary (engine cached)', ms['new.summary'], w.summary, b.summary);
  line('new: GET /api/aggregates/planner (default filter, cached)', ms['new.planner'], w.open, b.open);
  line('new: total', ms['new.open'], openWire, openBytes);
  console.log(`  new / old: time ${ratio(ms['new.open']!, ms['old.open']!)}, bytes on the wire ${ratio(openWire, w.pins!)}, JSON ${ratio(openBytes, b.pins!)}`);
  console.log(`  filter change (kind=priority, 250 m hexes)`);
  line('old: engine.query in the browser, first at 250 m (assigns hexes)', ms['old.filterFirst']);
  line('old: engine.query in the browser, again', ms['old.filter']);
  line('new: GET planner, first at 250 m after a rebuild', ms['rebuild.filter']);
  line('new: GET planner (cached hex ids)', ms['new.filter'], w.filter, b.filter);
  console.log(`  clusters (whole area, zoom ${runs.zoom}, ${r.marks} marks)`);
  line('old: engine.clusters in the browser, first (builds the index)', ms['old.clustersFirst']);
  line('old: engine.clusters in the browser, again', ms['old.clusters']);
  line('new: GET clusters, first after a rebuild (builds the index)', ms['rebuild.clusters']);
  line('new: GET clusters (index cached)', ms['new.clusters'], w.clusters, b.clusters);
  console.log('  after one new pin (the next request rebuilds: reads every pin, loads the engine)');
  line(`new: GET summary, first after the pin (server load ${fmtMs(r.serverLoadMs)} ms of it)`, ms['rebuild.summary']);
  line('new: GET planner, first after the rebuild (assigns 500 m hexes)', ms['rebuild.planner']);
  line('new: total, planner opens the page after a change', ms['rebuild.open'], openWire, openBytes);
  console.log(`  after a change / old: time ${ratio(ms['rebuild.open']!, ms['old.open']!)}`);
  console.log(`  reads right after the POST that did not show the new pin yet (then read again): ${r.staleReads} in ${runs.heavy} changes`);
  line('new: first request after the server starts (cold build, 1 run)', r.coldMs);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const perPin = ((r.memory.heap + r.memory.buffers) / r.size).toFixed(0);
  // below ~50k pins the engine is smaller than what the collector and the storage driver leave around
  const caveat = r.size < 50_000 ? ' (too few pins to measure: noise)' : '';
  console.log(`  server memory held by the engine (rough): heap ${mb(r.memory.heap)} + typed arrays ${mb(r.memory.buffers)} = ${perPin} bytes/pin${caveat}`);
}

/** one line per storage and size: opening the page, old vs new (cached) vs new right after a change */
export function reportSummary(results: CaseResult[]): void {
  console.log('\n== summary: planner opens the page (median ms; bytes on the wire, compressed as the server sends them) ==');
  console.log(`  ${'storage'.padEnd(9)}${'pins'.padStart(9)}${'old ms'.padStart(9)}${'new ms'.padStart(9)}${'old/new'.padStart(9)}${'changed'.padStart(9)}${'old/chg'.padStart(9)}${'old B'.padStart(11)}${'new B'.padStart(10)}${'old/new'.padStart(9)}`);
  for (const r of results) {
    const [o, n, c] = [r.ms['old.open']!, r.ms['new.open']!, r.ms['rebuild.open']!];
    const nb = r.wire.summary! + r.wire.open!;
    console.log(`  ${r.kind.padEnd(9)}${r.size.toLocaleString('en').padStart(9)}${fmtMs(o).padStart(9)}${fmtMs(n).padStart(9)}${`${(o / n).toFixed(0)}x`.padStart(9)}${fmtMs(c).padStart(9)}${`${(o / c).toFixed(1)}x`.padStart(9)}${fmtBytes(r.wire.pins).padStart(11)}${fmtBytes(nb).padStart(10)}${`${(r.wire.pins! / nb).toFixed(0)}x`.padStart(9)}`);
  }
  console.log('  (changed = the first summary + planner after a new pin, which rebuilds the engine)');
}
