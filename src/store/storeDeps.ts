// what the store needs from the outside world, injected so tests can pin time, ids and storage.
import type { PinRepository } from '../persistence/pinRepository.ts';
import type { ServerSync } from '../persistence/serverSync.ts';

export interface StoreDeps {
  repository: PinRepository;
  /** this device's anonymous token; pins it made carry it as `author` */
  deviceToken: string;
  now?: () => Date;
  makeId?: () => string;
  /** server mode: changes go through the outbox and live events come in; `repository` is then the device's cache */
  sync?: ServerSync;
  /** where small device memories live (the pins it commented on); default the browser's localStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export interface ResolvedDeps {
  repository: PinRepository;
  deviceToken: string;
  now: () => Date;
  makeId: () => string;
  sync: ServerSync | null;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export function resolveDeps(deps: StoreDeps): ResolvedDeps {
  return {
    repository: deps.repository,
    deviceToken: deps.deviceToken,
    now: deps.now ?? (() => new Date()),
    makeId: deps.makeId ?? (() => crypto.randomUUID()),
    sync: deps.sync ?? null,
    storage: deps.storage ?? globalThis.localStorage,
  };
}
