// composition root: i18n, storage, store and tile config are created here and handed down.
import '../i18n/i18n.ts';
import './app.css';
import { createRoot } from 'react-dom/client';
import { chooseRepository } from '../persistence/chooseRepository.ts';
import type { HttpRepository } from '../persistence/httpRepository.ts';
import { connectLiveEvents } from '../persistence/liveEvents.ts';
import { createServerPlannerEngine } from '../persistence/plannerEngine/serverPlannerEngine.ts';
import type { ChosenRepository } from '../persistence/chooseRepository.ts';
import { ensureSignedDeviceToken } from '../persistence/deviceToken.ts';
import { createAppStore } from '../store/appStore.ts';
import type { PinRepository } from '../persistence/pinRepository.ts';
import { connectSync } from '../store/syncSlice.ts';
import { App, routeOf } from './App.tsx';
import type { ServerCounting } from './PlannerApp.tsx';
import { loadBundledData } from './demoData.ts';
import { loadTileConfig } from './loadTileConfig.ts';
import { registerAppShell } from './registerAppShell.ts';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const tiles = await loadTileConfig();
  // the server signs this device's token (once); offline the local one serves until the next start
  const deviceToken = await ensureSignedDeviceToken();
  let chosen: ChosenRepository;
  try {
    // the shared server when it answers (or answered before and we are offline now), else this device only
    chosen = await chooseRepository({ deviceToken, search: location.search });
  } catch (error) {
    // without IndexedDB nothing can be kept; say so instead of pretending
    chosen = { mode: 'local', repository: failingRepository(error) };
  }
  const { repository } = chosen;
  const store = createAppStore({ repository, deviceToken, ...(chosen.mode === 'server' ? { sync: chosen.sync } : {}) });
  // the planner view of a shared consultation reads areas and themes only: the server counts the pins
  const plannerServer = chosen.mode === 'server' && routeOf(location.pathname) === '/planner' ? countOnServer(chosen.sync.api) : null;
  // WARNING: no <StrictMode>: react-leaflet 5's MapContainer removes its map in the doubled dev effect.
  root.render(<App store={store} tiles={tiles} pathname={location.pathname} {...(plannerServer ? { plannerServer } : {})} />);
  try {
    if (chosen.mode === 'server' && plannerServer) {
      const [areas, themes] = await Promise.all([chosen.sync.api.getAreas(), chosen.sync.api.getThemes()]);
      store.getState().catalogLoaded({ areas, themes });
    } else await store.getState().appStarted(loadBundledData());
  } catch (error) {
    store.getState().startupFailed(error instanceof Error ? error.message : String(error));
  }
  if (chosen.mode === 'server' && !plannerServer && store.getState().status === 'ready') connectSync(store, chosen.sync);
  registerAppShell();
}

function countOnServer(api: HttpRepository): ServerCounting {
  return {
    engine: createServerPlannerEngine({ getJson: (path) => api.getJson(path) }),
    watch(changed) {
      const live = connectLiveEvents({ pinChanged: changed, pinRemoved: changed, catalogChanged: changed, reconnected: changed, statusChanged: () => {} });
      return () => live.close();
    },
  };
}

function failingRepository(error: unknown): PinRepository {
  const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
  return { listPins: fail, putPin: fail, putPins: fail, deletePin: fail, loadAreas: fail, saveAreas: fail, replaceAreas: fail, listSupportedPinIds: fail, setSupported: fail };
}

void start();
