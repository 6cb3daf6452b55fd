// the page's start-up behind the map's frame: storage, the store, tile config and the page the path opens are made
// here and handed down. A chunk of its own (with zod's schemas and everything that reads the server's answers and this
// device's stored data), fetched by main.tsx at once, beside the map's frame, so the map pans before it is in.
import './zodConfig.ts';
import { i18nReady } from '../i18n/i18n.ts';
import type { Root } from 'react-dom/client';
import type { AppRoute } from '../core/appRoutes.ts';
import { chooseRepository } from '../persistence/chooseRepository.ts';
import type { HttpRepository } from '../persistence/httpRepository.ts';
import { createHttpRepository } from '../persistence/httpRepository.ts';
import { connectLiveEvents } from '../persistence/liveEvents.ts';
import type { ChosenRepository } from '../persistence/chooseRepository.ts';
import { createConsultationsReader } from '../persistence/consultationsApi.ts';
import { loadAreaLocatorCode } from '../store/areaLocatorFor.ts';
import { createAppStore } from '../store/appStore.ts';
import type { PinRepository } from '../persistence/pinRepository.ts';
import { connectSync } from '../store/syncSlice.ts';
import { App } from './App.tsx';
import type { ServerCounting } from './PlannerApp.tsx';
import { loadTileConfig } from './loadTileConfig.ts';
import { registerAppShell } from './registerAppShell.ts';
import { resolvePage } from './resolvePage.ts';
import type { OpenedPage } from './resolvePage.ts';

function storageOrNone(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Opens the page the path names: asks the server (or this device's copies) for it and renders it into `root`.
 * @example
 * await openPage(createRoot(element), routeOf(location.pathname), ensureSignedDeviceToken());
 */
export async function openPage(root: Root, route: AppRoute, signedToken: Promise<string>): Promise<void> {
  // the area locator's code (labels, crosshair, a new pin's area) is fetched now too, not when the areas are in
  void loadAreaLocatorCode().catch(() => undefined);
  // the server signs this device's token (once; main.tsx asked while this chunk came); offline the local one serves until the next start
  const deviceToken = await signedToken;
  const staff = createConsultationsReader(createHttpRepository({ deviceToken }));
  const [tiles, , opened] = await Promise.all([
    loadTileConfig(),
    // the start language's strings, when it is not English (a chunk of its own)
    i18nReady.catch(() => undefined),
    resolvePage({ route, staff, search: location.search, storage: storageOrNone() }).catch(
      (error: unknown): OpenedPage => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    ),
  ]);
  // the privacy notice needs the consultation only, not its pins
  if (opened.kind !== 'consultation' || opened.page === 'privacy') {
    root.render(<App tiles={tiles} opened={opened} />);
    registerAppShell();
    return;
  }
  const consultation = opened.consultation;
  let chosen: ChosenRepository;
  try {
    // the shared server when it answers (or answered before and we are offline now), else this device only
    chosen = await chooseRepository({ deviceToken, search: location.search, ...(consultation ? { consultation: consultation.slug } : {}) });
  } catch (error) {
    // without IndexedDB nothing can be kept; say so instead of pretending
    chosen = { mode: 'local', repository: failingRepository(error) };
  }
  const { repository } = chosen;
  const store = createAppStore({ repository, deviceToken, ...(chosen.mode === 'server' ? { sync: chosen.sync } : {}) });
  // the planner view of a shared consultation reads areas and themes only: the server counts the pins
  const plannerServer = chosen.mode === 'server' && opened.page === 'planner' ? await countOnServer(chosen.sync.api) : null;
  // WARNING: no <StrictMode>: react-leaflet 5's MapContainer removes its map in the doubled dev effect.
  root.render(<App tiles={tiles} opened={chosen.mode === 'server' ? opened : { ...opened, consultation: null }} store={store} {...(plannerServer ? { plannerServer } : {})} />);
  try {
    if (chosen.mode === 'server' && plannerServer) {
      const [areas, themes] = await Promise.all([chosen.sync.api.getAreas(), chosen.sync.api.getThemes()]);
      store.getState().catalogLoaded({ areas, themes });
    } else if (chosen.mode === 'server') {
      // a shared consultation's areas, themes and pins come from the server (or this device's copy of them offline)
      await store.getState().appStarted({ themes: [], demoAreas: { type: 'FeatureCollection', features: [] }, demoPins: [] });
    } else {
      // the bundled demo town (about 8 kB gzipped) is a chunk of its own, loaded only for a device without a server
      const { loadBundledData } = await import('./demoData.ts');
      await store.getState().appStarted(loadBundledData());
    }
  } catch (error) {
    store.getState().startupFailed(error instanceof Error ? error.message : String(error));
  }
  if (chosen.mode === 'server' && !plannerServer && store.getState().status === 'ready') connectSync(store, chosen.sync);
  registerAppShell();
}

/** the planner's engine client is a chunk of its own: a resident's first load does not carry it */
async function countOnServer(api: HttpRepository): Promise<ServerCounting> {
  const { createServerPlannerEngine } = await import('../persistence/plannerEngine/serverPlannerEngine.ts');
  return {
    api,
    engine: createServerPlannerEngine({ getJson: (path) => api.getJson(path), consultationBase: api.consultationBase }),
    watch(changed) {
      const live = connectLiveEvents(
        { pinChanged: changed, pinRemoved: changed, catalogChanged: changed, reconnected: changed, statusChanged: () => {} },
        { url: `${api.consultationBase}/events` },
      );
      return () => live.close();
    },
  };
}

function failingRepository(error: unknown): PinRepository {
  const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
  return { listPins: fail, putPin: fail, putPins: fail, deletePin: fail, loadAreas: fail, saveAreas: fail, replaceAreas: fail, listSupportedPinIds: fail, setSupported: fail };
}

