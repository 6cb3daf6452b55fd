// the entry: draws a resident map's frame at once and fetches the rest of the start-up (openPage.tsx: zod's schemas,
// the API client, storage, sync) beside it, so the map pans and zooms before the page's data and their checks are in.
import { i18nReady } from '../i18n/i18n.ts';
import './app.css';
import { createRoot } from 'react-dom/client';
import { routeOf } from '../core/appRoutes.ts';
import { ensureSignedDeviceToken } from '../persistence/deviceToken.ts';
import { App } from './App.tsx';

// WARNING: started before anything else, so the chunk comes in parallel with the frame, not after it (no waterfall)
const opening = import('./openPage.tsx');
// the first request of the start-up needs no checks: asked now, while the chunk comes (on later starts it is local)
const signedToken = ensureSignedDeviceToken();

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const route = routeOf(location.pathname);
  if (route.page === 'resident') {
    // the start language's strings first (a chunk of its own when it is not English): the frame is not drawn twice
    await i18nReady.catch(() => undefined);
    root.render(<App tiles={{ tileUrl: '', tileAttribution: '', basemap: { kind: 'none' } }} opened={{ kind: 'booting' }} />);
  }
  let openPage: (typeof import('./openPage.tsx'))['openPage'];
  try {
    ({ openPage } = await opening);
  } catch (error) {
    // the chunk did not come (offline before the app shell was cached): said on the page, not a blank one
    root.render(<App tiles={{ tileUrl: '', tileAttribution: '', basemap: { kind: 'none' } }} opened={{ kind: 'failed', message: error instanceof Error ? error.message : String(error) }} />);
    return;
  }
  await openPage(root, route, signedToken);
}

void start();
