// the touch-table route as its own chunk: residents' phones never download it; the service worker precaches it for halls.
// its English strings come with it (the other languages' load with their language).
import i18next from 'i18next';
import table from '../i18n/locales/en/table.json';
import table17 from '../i18n/locales/en/table17.json';
import { TableMap } from '../map/table/TableMap.tsx';
import { useOpenContextLayers } from '../ui/layers/ResidentLayers.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import { useConsultation } from '../store/useConsultation.ts';
import type { TileConfig } from './loadTileConfig.ts';

i18next.addResourceBundle('en', 'translation', table, true, false);
i18next.addResourceBundle('en', 'translation', table17, true, false);

function TableContextLayers({ slug }: { slug: string }) {
  // the facilitator switches the council's layers on from the panel: the table starts with its own map
  useOpenContextLayers(slug, { showAssets: false });
  return null;
}

export default function TableRoute({ tiles }: { tiles: TileConfig }) {
  const slug = useConsultation()?.slug;
  if (slug) return <><TableContextLayers slug={slug} /><TableApp Map={TableMap} tiles={tiles} /></>;
  return <TableApp Map={TableMap} tiles={tiles} />;
}
