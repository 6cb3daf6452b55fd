// command line: count pins per area (or per hex) and print GeoJSON, for reports and for checking the planner view.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { aggregateAreas, aggregateHexes } from '../core/aggregateAreas.ts';
import { AreaInputError } from '../core/aggregationAreasInput.ts';
import { parseJson } from '../core/parseJson.ts';
import { PinInputError } from '../core/pinTable.ts';

const HELP = `Usage: npm run aggregate -- --areas <areas.geojson> --pins <pins.geojson> [--hex <metres>] [--min-count <k>] [--out <file>]

Prints (or writes to --out) a GeoJSON FeatureCollection of the input areas, in input order, geometry and
properties unchanged, each with an added property
  counts: { total, asset, priority, byTheme: { <theme>: { asset, priority } } }
Pins without a kind count as assets; the theme is properties.theme ("(none)" when missing).
A pin on a boundary shared by two areas counts once, in the first area in input order.
Pins in no area are counted in the top-level "outside" member. Areas with a null or empty geometry are
kept with zero counts and a warning on stderr.

  --hex <metres>   output Turf's hexGrid over the areas' bbox instead (cell side in metres, 250-2000 typical).
                   Only hexagons holding at least one pin are written, each with properties { hex, counts },
                   hex being its index in hexGrid's output; pins outside the grid count in "outside".
  --min-count <k>  small-count protection: every count from 1 to k-1 becomes { "suppressed": true, "lessThan": k }
                   ("fewer than k"). Where one could be worked out from the sums (total = asset + priority,
                   asset = sum of byTheme assets, same for priorities), more counts of those sums are withheld,
                   as { "suppressed": true } (which says nothing of their size), until each "fewer than k"
                   could still be two numbers. Zero stays 0.
                   Sums across areas are not published; do not add them up for a grand total.
  --out <file>     write to a file instead of stdout.

Invalid input: a message on stderr naming the file, feature and problem, and exit code 1.`;

function fail(message: string): never {
  process.stderr.write(`aggregate: ${message}\n`);
  process.exit(1);
}

function readGeoJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} file ${file}: ${(err as Error).message}`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) fail(`${what} file ${file}: ${parsed.error.message}`);
  return parsed.value;
}

function positiveNumber(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) fail(`${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
  return n;
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        areas: { type: 'string' },
        pins: { type: 'string' },
        hex: { type: 'string' },
        'min-count': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!values.areas || !values.pins) fail(`--areas and --pins are required\n\n${HELP}`);
  const hex = positiveNumber(values.hex, '--hex', false);
  const minCount = positiveNumber(values['min-count'], '--min-count', true);
  const areas = readGeoJson(values.areas, 'areas');
  const pins = readGeoJson(values.pins, 'pins');
  let result;
  try {
    result = hex !== undefined ? aggregateHexes(areas, pins, { cellMetres: hex, minCount }) : aggregateAreas(areas, pins, { minCount });
  } catch (err) {
    if (err instanceof AreaInputError || err instanceof PinInputError) {
      const file = err instanceof AreaInputError ? values.areas : values.pins;
      fail(`${file} is not usable:\n${err.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    }
    if (err instanceof RangeError) fail(err.message);
    throw err;
  }
  const { warnings, ...collection } = result;
  for (const w of warnings) process.stderr.write(`aggregate: warning: ${w}\n`);
  const json = `${JSON.stringify(collection)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
}

main();
