// composition root: i18n, storage, store and tile config are created here and handed down.
import '../i18n/i18n.ts';
import './app.css';
import { createRoot } from 'react-dom/client';
import { chooseRepository } from '../persistence/chooseRepository.ts';
import type { ChosenRepository } from '../persistence/chooseRepository.ts';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { createAppStore } from '../store/appStore.ts';
import type { PinRepository } from '../persistence/pinRepository.ts';
import { connectSync } from '../store/syncSlice.ts';
import { App } from './App.tsx';
import { loadBundledData } from './demoData.ts';
import { loadTileConfig } from './loadTileConfig.ts';
import { registerAppShell } from './registerAppShell.ts';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const tiles = await loadTileConfig();
  const deviceToken = getDeviceToken();
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
  // WARNING: no <StrictMode>: react-leaflet 5's MapContainer removes its map in the doubled dev effect.
  root.render(<App store={store} tiles={tiles} pathname={location.pathname} />);
  try {
    await store.getState().appStarted(loadBundledData());
  } catch (error) {
    store.getState().startupFailed(error instanceof Error ? error.message : String(error));
  }
  if (chosen.mode === 'server' && store.getState().status === 'ready') connectSync(store, chosen.sync);
  registerAppShell();
}

function failingRepository(error: unknown): PinRepository {
  const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
  return { listPins: fail, putPin: fail, putPins: fail, deletePin: fail, loadAreas: fail, saveAreas: fail, replaceAreas: fail, listSupportedPinIds: fail, setSupported: fail };
}

void start();
