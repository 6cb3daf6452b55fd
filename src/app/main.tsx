// composition root: i18n, storage, store and tile config are created here and handed down.
import '../i18n/i18n.ts';
import './app.css';
import { createRoot } from 'react-dom/client';
import { createIndexedDbRepository } from '../persistence/indexedDbRepository.ts';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { createAppStore } from '../store/appStore.ts';
import type { PinRepository } from '../persistence/pinRepository.ts';
import { App } from './App.tsx';
import { loadBundledData } from './demoData.ts';
import { loadTileConfig } from './loadTileConfig.ts';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const tiles = await loadTileConfig();
  let repository: PinRepository;
  try {
    repository = await createIndexedDbRepository();
  } catch (error) {
    // without IndexedDB nothing can be kept; say so instead of pretending
    repository = failingRepository(error);
  }
  const store = createAppStore({ repository, deviceToken: getDeviceToken() });
  // WARNING: no <StrictMode>: react-leaflet 5's MapContainer removes its map in the doubled dev effect.
  root.render(<App store={store} tiles={tiles} pathname={location.pathname} />);
  try {
    await store.getState().appStarted(loadBundledData());
  } catch (error) {
    store.getState().startupFailed(error instanceof Error ? error.message : String(error));
  }
}

function failingRepository(error: unknown): PinRepository {
  const fail = () => Promise.reject(error instanceof Error ? error : new Error(String(error)));
  return { listPins: fail, putPin: fail, putPins: fail, deletePin: fail, loadAreas: fail, saveAreas: fail, replaceAreas: fail, listSupportedPinIds: fail, setSupported: fail };
}

void start();
