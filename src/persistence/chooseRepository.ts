// picks where pins live: the Coplan server when /api/health answers (offline-first via cache and outbox), else this device only.
import { consultationBase, createHttpRepository, NetworkError } from './httpRepository.ts';
import { createIndexedDbRepository } from './indexedDbRepository.ts';
import { createOutbox } from './outbox.ts';
import type { PinRepository } from './pinRepository.ts';
import { createServerSync } from './serverSync.ts';
import type { ServerSync } from './serverSync.ts';

export type ChosenRepository =
  | { mode: 'local'; repository: PinRepository }
  | { mode: 'server'; repository: PinRepository; sync: ServerSync };

export interface ChooseRepositoryOptions {
  deviceToken: string;
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  factory?: IDBFactory;
  /** location.search; `?server=off` forces the device-only mode */
  search?: string;
  /**
   * the slug of the consultation the page shows (server mode): its API base, and its own device cache and outbox, so
   * two consultations' pins never mix on one device; none: the server's deprecated default consultation
   */
  consultation?: string;
}

const MODE_KEY = 'coplan.mode';

/**
 * Server mode when the API answers `{ ok: true }`; also when it cannot be reached but this device was in server mode before
 * (offline: the cache and outbox carry on). Anything else (static hosting, vite preview) is the device-only mode.
 * @example
 * const chosen = await chooseRepository({ deviceToken: getDeviceToken() });
 * chosen.mode // => 'server' behind `npm start', 'local' on a static host
 */
export async function chooseRepository(options: ChooseRepositoryOptions): Promise<ChosenRepository> {
  const storage = options.storage ?? globalThis.localStorage;
  const slug = options.consultation;
  const api = createHttpRepository({ deviceToken: options.deviceToken, ...(options.fetch ? { fetch: options.fetch } : {}), ...(slug ? { consultationBase: consultationBase(slug) } : {}) });
  const remembered = storage?.getItem(MODE_KEY) === 'server';
  let server = false;
  if (new URLSearchParams(options.search ?? '').get('server') !== 'off') {
    try {
      await api.health();
      server = true;
    } catch (error) {
      server = remembered && error instanceof NetworkError;
    }
  }
  try {
    if (server) storage?.setItem(MODE_KEY, 'server');
    else storage?.removeItem(MODE_KEY);
  } catch {
    // storage blocked: the choice is just not remembered
  }
  const factory = options.factory ? { factory: options.factory } : {};
  if (!server) return { mode: 'local', repository: await createIndexedDbRepository(factory) };
  // a separate database from the device-only mode, so the demo pins of one never mix with the consultation's, and one
  // per consultation, so a device that took part in two never sends one's waiting pin to the other
  const suffix = slug ? `:${slug}` : '';
  const cache = await createIndexedDbRepository({ name: `coplan-server${suffix}`, ...factory });
  const outbox = await createOutbox({ api, name: `coplan-outbox${suffix}`, ...factory });
  const sync = createServerSync({ api, outbox, cache, ...(options.storage ? { storage: options.storage } : {}), ...(slug ? { consultation: slug } : {}) });
  return { mode: 'server', repository: cache, sync };
}
