// the touch-table route as its own chunk: residents' phones never download it; the service worker precaches it for halls.
// its English strings come with it (the other languages' load with their language).
import i18next from 'i18next';
import table from '../i18n/locales/en/table.json';
import table17 from '../i18n/locales/en/table17.json';
import { TableMap } from '../map/table/TableMap.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import type { TileConfig } from './loadTileConfig.ts';

i18next.addResourceBundle('en', 'translation', table, true, false);
i18next.addResourceBundle('en', 'translation', table17, true, false);

export default function TableRoute({ tiles }: { tiles: TileConfig }) {
  return <TableApp Map={TableMap} tiles={tiles} />;
}
