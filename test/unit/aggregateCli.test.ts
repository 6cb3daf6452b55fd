// `npm run aggregate` as a user runs it: a child process on small files, its output file, its messages and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'coplan-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

function aggregate(...args: string[]) {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/aggregate.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const square = (id: string, x: number) => ({ type: 'Feature', properties: { id, name: id }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
const pin = (x: number, theme: string, kind: string) => ({ type: 'Feature', properties: { theme, kind }, geometry: { type: 'Point', coordinates: [x, 0.5] } });

const areas = file('areas.geojson', { type: 'FeatureCollection', features: [square('west', 0), square('east', 1)] });
// west: 6 green assets, 1 play priority; east: 2 green assets; outside: 1; and one pin without a geometry
const pins = file('pins.geojson', {
  type: 'FeatureCollection',
  features: [
    ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((x) => pin(x, 'green', 'asset')),
    pin(0.7, 'play', 'priority'),
    pin(1.2, 'green', 'asset'),
    pin(1.4, 'green', 'asset'),
    pin(5, 'green', 'asset'),
    { type: 'Feature', properties: { theme: 'green' }, geometry: null },
  ],
});

describe('npm run aggregate', () => {
  it('writes the areas with their counts to --out, warnings on stderr, exit 0', () => {
    const out = path.join(dir, 'out.geojson');
    const r = aggregate('--areas', areas, '--pins', pins, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('aggregate: warning: features[10].geometry: pin has no geometry; skipped\n');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.type).toBe('FeatureCollection');
    expect(written.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { id: 'west', name: 'west', counts: { total: 7, asset: 6, priority: 1, byTheme: { green: { asset: 6, priority: 0 }, play: { asset: 0, priority: 1 } } } },
      { id: 'east', name: 'east', counts: { total: 2, asset: 2, priority: 0, byTheme: { green: { asset: 2, priority: 0 }, play: { asset: 0, priority: 0 } } } },
    ]);
    expect(written.outside).toBe(1);
    expect(written).not.toHaveProperty('warnings');
  });

  it('prints to stdout with --min-count, small counts withheld', () => {
    const r = aggregate('--areas', areas, '--pins', pins, '--min-count', '5');
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    // west: the 1 priority is "<5", so asset (6) is withheld beside it (7 = asset + priority), and then green's 6
    // assets too (asset = green + play's 0 would give it back); east: 2 of everything it has
    expect(printed.features[0].properties.counts).toEqual({
      total: 7, asset: { suppressed: true }, priority: { suppressed: true, lessThan: 5 },
      byTheme: { green: { asset: { suppressed: true }, priority: 0 }, play: { asset: 0, priority: { suppressed: true, lessThan: 5 } } },
    });
    expect(printed.features[1].properties.counts.total).toEqual({ suppressed: true, lessThan: 5 });
    expect(printed.outside).toEqual({ suppressed: true, lessThan: 5 });
  });

  it('refuses bad input with a message naming the problem, exit 1, and writes nothing', () => {
    const out = path.join(dir, 'not-written.geojson');
    const cases: Array<[string[], RegExp]> = [
      [['--areas', areas], /--areas and --pins are required/],
      [['--areas', path.join(dir, 'missing.geojson'), '--pins', pins], /cannot read areas file .*missing\.geojson/],
      [['--areas', file('broken.geojson', '{"type": "FeatureCollection", '), '--pins', pins], /areas file .*broken\.geojson/],
      [['--areas', file('point.geojson', { type: 'FeatureCollection', features: [pin(0, 'green', 'asset')] }), '--pins', pins], /point\.geojson is not usable:\n {2}features\[0\]\.geometry: area geometry must be a Polygon or MultiPolygon/],
      [['--areas', areas, '--pins', pins, '--min-count', '0'], /--min-count must be a positive integer, got "0"/],
      [['--areas', areas, '--pins', pins, '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const r = aggregate(...args, '--out', out);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
  }, 30_000);
});
