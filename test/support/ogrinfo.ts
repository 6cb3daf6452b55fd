// what GDAL (the library QGIS reads files with) makes of a file: its columns' types, from `ogrinfo -al -so`.
import { execFileSync } from 'node:child_process';

const OGRINFO = process.env.OGRINFO ?? 'ogrinfo';

/**
 * Column name → GDAL type ('Integer', 'Integer64', 'Integer(Boolean)', 'Real', 'String', …) of the file's one layer.
 * Fails, never skips, when GDAL is missing: the GIS exports are not tested without it.
 * @example
 * ogrColumnTypes('/tmp/areas.geojson') // => { id: 'String', total: 'Integer', total_hidden: 'Integer(Boolean)', … }
 */
export function ogrColumnTypes(file: string, openOptions: string[] = []): Record<string, string> {
  let out: string;
  try {
    out = execFileSync(OGRINFO, ['-al', '-so', ...openOptions.flatMap((o) => ['-oo', o]), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`GDAL's ogrinfo is not installed (looked for "${OGRINFO}"): install the Debian package gdal-bin (.ci/run does) or set OGRINFO to its path`, { cause: error });
    }
    throw error;
  }
  const types: Record<string, string> = {};
  // after the layer's header, one line per column: "name: Type (width.precision)"
  for (const line of out.split('\n')) {
    const m = /^([^\s:][^:]*): (\w+(?:\(\w+\))?) \(\d+\.\d+\)$/.exec(line.trim());
    if (m) types[m[1]!] = m[2]!;
  }
  if (Object.keys(types).length === 0) throw new Error(`ogrinfo listed no columns for ${file}:\n${out}`);
  return types;
}
