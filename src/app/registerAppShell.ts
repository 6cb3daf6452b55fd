// registers the app-shell service worker (public/sw.js) in production builds, so a reload works offline.
export function registerAppShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    // not fatal: the app works online without it (e.g. plain http on another host, where service workers are off)
    console.warn(`coplan: offline app shell unavailable: ${error instanceof Error ? error.message : String(error)}`);
  });
}
