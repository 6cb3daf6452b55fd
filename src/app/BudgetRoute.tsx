// the community budget's pages as their own chunk: the ballot at /c/<slug>/budget and the results at …/budget/results.
// their English strings come with them (src/ui/budget/budgetEnglish.ts, budgetPlannerStrings.ts).
import './budgetPlannerStrings.ts';
import { useCallback, useMemo, useState } from 'react';
import { createBallotOutbox } from '../persistence/budget/ballotOutbox.ts';
import { createBudgetApi } from '../persistence/budget/budgetApi.ts';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { BallotProjectMap } from '../map/BallotProjectMap.tsx';
import type { BallotProjectMapProps } from '../map/BallotProjectMap.tsx';
import { BudgetSpreadMap } from '../map/BudgetSpreadMap.tsx';
import type { BudgetSpreadMapProps } from '../map/BudgetSpreadMap.tsx';
import { BudgetBallotPage } from '../ui/budget/BudgetBallotPage.tsx';
import { BudgetResultsPage } from '../ui/budget/BudgetResultsPage.tsx';
import type { TileConfig } from './loadTileConfig.ts';

export default function BudgetRoute({ slug, results, tiles }: { slug: string; results: boolean; tiles: TileConfig }) {
  // main.tsx has already had the server sign this device's token (when it could): it is the one stored
  const api = useMemo(() => createBudgetApi(slug, getDeviceToken()), [slug]);
  const [outbox] = useState(() => createBallotOutbox());
  const [code] = useState(() => new URLSearchParams(location.search).get('code'));
  // the ballot (ui) may not touch leaflet: its map comes from here
  const projectMap = useCallback((props: BallotProjectMapProps) => <BallotProjectMap basemap={tiles.basemap} {...props} />, [tiles.basemap]);
  const spreadMap = useCallback((props: BudgetSpreadMapProps) => <BudgetSpreadMap basemap={tiles.basemap} {...props} />, [tiles.basemap]);
  return results ? <BudgetResultsPage slug={slug} api={api} spreadMap={spreadMap} /> : <BudgetBallotPage slug={slug} api={api} outbox={outbox} initialCode={code} projectMap={projectMap} />;
}
