// the touch-table route as its own chunk: residents' phones never download it; the service worker precaches it for halls.
import { TableMap } from '../map/table/TableMap.tsx';
import { useOpenContextLayers } from '../ui/layers/ResidentLayers.tsx';
import { TableApp } from '../ui/table/TableApp.tsx';
import { useConsultation } from '../store/useConsultation.ts';
import type { TileConfig } from './loadTileConfig.ts';

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
