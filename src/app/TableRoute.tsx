// the touch-table route as its own chunk: residents' phones never download it; the service worker precaches it for halls.
import { TableMap } from '../map/table/TableMap.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import type { TileConfig } from './loadTileConfig.ts';

export default function TableRoute({ tiles }: { tiles: TileConfig }) {
  return <TableApp Map={TableMap} tiles={tiles} />;
}
