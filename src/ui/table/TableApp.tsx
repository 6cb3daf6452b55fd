// touch-table workshop mode at /table: full-screen map, sticker palettes on the edges, notes, facilitator panel,
// idle attract screen and "what we heard". The map itself is handed in (src/ui never imports leaflet).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { hitTestDrop } from '../../core/hitTestDrop.ts';
import type { ScreenRect } from '../../core/dropToLngLat.ts';
import type { DragSource, ScreenPoint } from '../../core/pointerTracker.ts';
import { currentGroup, tablePins } from '../../core/tableGroups.ts';
import { idleSecondsFrom } from '../../core/tableSession.ts';
import type { TableMapSlotProps, TableProjector } from '../../core/tableMapSlot.ts';
import { openSessionRepositoryLazily } from '../../persistence/tableSessionRepository.ts';
import type { TableSessionRepository } from '../../persistence/tableSessionRepository.ts';
import { createTableStore } from '../../store/tableStore.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { useAuthStoreApi } from '../../store/useAuth.ts';
import { useTableVoteFlag } from '../../store/tableVoteStore.ts';
import { useThemeLabels } from '../useThemeLabels.ts';
import { AttractScreen } from './AttractScreen.tsx';
import { BudgetGameLayer } from './budgetGame/BudgetGameLayer.tsx';
import { DragGhosts } from './DragGhosts.tsx';
import { FacilitatorCorners } from './FacilitatorCorners.tsx';
import { FacilitatorPanel } from './FacilitatorPanel.tsx';
import { NoteCards } from './NoteCards.tsx';
import { StickerPalette } from './StickerPalette.tsx';
import { TableKeyboards } from './TableKeyboards.tsx';
import { TableStoreProvider } from './TableStoreContext.tsx';
import { TableToasts } from './TableToasts.tsx';
import { useIdleTimer } from './useIdleTimer.ts';
import { useStickerDrag } from './useStickerDrag.ts';
import { useTableStore } from './useTableStore.ts';
import { TableVoteLayer } from './vote/TableVoteLayer.tsx';
import { WelcomeGroup } from './WelcomeGroup.tsx';
import { WhatWeHeard } from './WhatWeHeard.tsx';
import type { Basemap } from '../../core/basemapConfig.ts';
import './table.css';
import './table17.css';

export interface TableAppProps {
  /** the map component (src/map/table/TableMap with tiles bound), injected so this layer stays leaflet-free */
  Map: ComponentType<TableMapSlotProps>;
  tiles: { basemap: Basemap };
  /** where sessions are kept; defaults to this device's IndexedDB */
  sessions?: TableSessionRepository;
  /** defaults to the page's ?idle= (seconds), else 120 */
  idleSeconds?: number;
}

function obstacles(): { id: string; rect: ScreenRect }[] {
  // a turned palette's client rect is its turned footprint; a hidden one (side palettes on a small screen) has no
  // box at all and must not swallow drops at the page's top-left corner
  return [...document.querySelectorAll<HTMLElement>('[data-drop-obstacle]')].flatMap((element) => {
    const r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return [];
    return [{ id: element.dataset.dropObstacle ?? '', rect: { left: r.left, top: r.top, width: r.width, height: r.height } }];
  });
}

function TableSurface({ Map, tiles, idleSeconds, root }: { Map: ComponentType<TableMapSlotProps>; tiles: TableAppProps['tiles']; idleSeconds: number; root: HTMLElement | null }) {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const pins = useAppStore((s) => s.pins);
  const appThemes = useAppStore((s) => s.themes);
  const { themes, byId } = useThemeLabels();
  const layers = useTableStore((s) => s.layers);
  const viewGeneration = useTableStore((s) => s.viewGeneration);
  const session = useTableStore((s) => s.sessions.find((x) => x.id === s.activeSessionId));
  const summarySession = useTableStore((s) => s.sessions.find((x) => x.id === s.summarySessionId));
  const panelOpen = useTableStore((s) => s.panelOpen);
  const attract = useTableStore((s) => s.attract);
  const stickerDropped = useTableStore((s) => s.stickerDropped);
  const toastShown = useTableStore((s) => s.toastShown);
  const idleEntered = useTableStore((s) => s.idleEntered);
  const voting = useTableVoteFlag((s) => s.voting);
  const projector = useRef<TableProjector | null>(null);

  const welcome = useTableStore((s) => s.welcome);
  const { visiblePins, pinLooks } = useMemo(() => {
    const shown = tablePins(pins, session, { showOthers: layers.otherPins, showSession: layers.sessionPins });
    return { visiblePins: shown.map((s) => s.pin), pinLooks: new globalThis.Map(shown.map((s) => [s.pin.id, s.look])) };
  }, [pins, session, layers.otherPins, layers.sessionPins]);
  const sessionStatus = session ? t('table.status.running', { name: session.name, group: currentGroup(session) }) : t('table.status.none');

  const drop = useCallback(
    (source: DragSource, at: ScreenPoint) => {
      const map = projector.current;
      if (!map) return;
      const target = hitTestDrop(at, map.containerRect(), obstacles());
      // let go over a palette, card or panel: the sticker simply goes back
      if (target.type !== 'map') return;
      const position = map.clientToLngLat(at);
      if (!position) {
        toastShown(source.side, at, 'outside');
        return;
      }
      const title = (byId.get(source.theme)?.label ?? source.theme).slice(0, 80);
      void stickerDropped({ ...source, title, position, at });
    },
    [byId, stickerDropped, toastShown],
  );
  const tap = useCallback((source: DragSource, at: ScreenPoint) => toastShown(source.side, at, 'dragHint'), [toastShown]);
  const keyboard = useCallback(
    (source: DragSource) => {
      // no finger, no position: the sticker goes to the middle of the map
      const rect = projector.current?.containerRect();
      if (rect) drop(source, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    },
    [drop],
  );
  const { bind, ghosts, ghostRef, cancelAll } = useStickerDrag({ onDrop: drop, onTap: tap, onKeyboard: keyboard });
  const onProjector = useCallback((p: TableProjector | null) => {
    projector.current = p;
  }, []);
  const goIdle = useCallback(() => {
    cancelAll();
    idleEntered();
  }, [cancelAll, idleEntered]);
  useIdleTimer(idleSeconds, goIdle, !attract && status === 'ready');

  if (status !== 'ready') {
    return (
      <div className="table-status" role={status === 'failed' ? 'alert' : 'status'}>
        {status === 'failed' ? `${t('table.loadFailed')} ${loadError ?? ''}` : t('table.loading')}
      </div>
    );
  }
  return (
    <>
      {/* under formal voting the workshop is out of reach: no sticker or note can be pressed past the ballot */}
      <div className="table-workshop" inert={voting}>
        <main className="table-map-frame" aria-label={t('table.mapArea')}>
          <Map basemap={tiles.basemap} pins={visiblePins} pinLooks={pinLooks} themes={appThemes} showBoundaries={layers.boundaries} showLabels={layers.labels} viewGeneration={viewGeneration} onProjector={onProjector} />
        </main>
        <StickerPalette side="top" themes={themes} bind={bind} status={sessionStatus} />
        <StickerPalette side="bottom" themes={themes} bind={bind} status={sessionStatus} />
        <StickerPalette side="left" themes={themes} bind={bind} status={sessionStatus} />
        <StickerPalette side="right" themes={themes} bind={bind} status={sessionStatus} />
        <NoteCards themes={byId} />
      </div>
      <TableToasts />
      <FacilitatorCorners />
      <DragGhosts ghosts={ghosts} ghostRef={ghostRef} themes={byId} />
      {panelOpen ? <FacilitatorPanel /> : null}
      <TableKeyboards root={root} />
      {welcome ? <WelcomeGroup group={welcome.group} /> : null}
      <BudgetGameLayer />
      <TableVoteLayer />
      {summarySession ? <WhatWeHeard session={summarySession} /> : null}
      {attract ? <AttractScreen /> : null}
    </>
  );
}

export function TableApp({ Map, tiles, sessions, idleSeconds }: TableAppProps) {
  const appStore = useAppStoreApi();
  const auth = useAuthStoreApi();
  const [table] = useState(() => createTableStore({ appStore, auth, sessions: sessions ?? openSessionRepositoryLazily() }));
  const seconds = idleSeconds ?? idleSecondsFrom(globalThis.location?.search ?? '');
  const [root, setRoot] = useState<HTMLDivElement | null>(null);

  useEffect(
    function openTable() {
      void table.getState().tableOpened();
    },
    [table],
  );

  useEffect(function claimThePage() {
    // the browser's own gestures (pull-to-refresh, overscroll, page pinch) must not fire on the table
    const root = document.documentElement;
    root.classList.add('table-mode');
    const noZoom = (event: WheelEvent) => event.ctrlKey && event.preventDefault();
    const noGesture = (event: Event) => event.preventDefault();
    window.addEventListener('wheel', noZoom, { passive: false });
    document.addEventListener('gesturestart', noGesture);
    return function releaseThePage() {
      root.classList.remove('table-mode');
      window.removeEventListener('wheel', noZoom);
      document.removeEventListener('gesturestart', noGesture);
    };
  }, []);

  return (
    <TableStoreProvider store={table}>
      <div
        ref={setRoot}
        className="table-root"
        onContextMenu={(event) => {
          // a long touch would open the context menu over everyone's stickers; text fields keep theirs
          if (!(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) event.preventDefault();
        }}
      >
        <TableSurface Map={Map} tiles={tiles} idleSeconds={seconds} root={root} />
      </div>
    </TableStoreProvider>
  );
}
