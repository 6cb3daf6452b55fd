// the sync engine's contract: what it reads, what it tells its listener, and what it is built from (split out of serverSync.ts).
import type { PinComment } from '../core/dialogue/comments.ts';
import type { Bbox } from '../core/bbox.ts';
import type { ClusterMarkWithTitle } from '../core/plannerEngine.ts';
import type { AreaCollection, PinFeature, Theme } from '../core/types.ts';
import type { HttpRepository } from './httpRepository.ts';
import type { LiveConnection, LiveEventHandlers } from './liveEvents.ts';
import type { Outbox } from './outbox.ts';
import type { PinRepository } from './pinRepository.ts';

export type Connection = 'online' | 'offline' | 'reconnecting';

/** what the store hears from the sync engine; the store keeps state and the device's pin cache in step */
export interface SyncListener {
  /** a fresh full read: server pins merged with changes still waiting on this device */
  pinsReloaded(pins: PinFeature[], pendingIds: ReadonlySet<string>): void;
  remotePinChanged(pin: PinFeature): void;
  remotePinRemoved(id: string): void;
  /** the server refused a change for good; it was dropped from the outbox */
  changeRefused(pinId: string, code: string, message: string): void;
  pendingChanged(ids: ReadonlySet<string>): void;
  connectionChanged(connection: Connection): void;
  catalogReloaded(catalog: { areas?: AreaCollection; themes?: Theme[] }): void;
  /** live comments (issue 13), for the pins whose comments are open */
  remoteCommentChanged?(comment: PinComment): void;
  remoteCommentRemoved?(id: string, pinId: string): void;
}

/**
 * Which pins the device holds: 'all' of them (most consultations), or, when there are more than the first load may
 * bring, those in the 'view' the map shows plus the device's own.
 */
export type PinScope = 'all' | 'view';

export interface InitialData {
  areas: AreaCollection;
  themes: Theme[];
  pins: PinFeature[];
  pendingIds: Set<string>;
  /** true when the server could not be reached and the device's copy is shown */
  fromCache: boolean;
  scope: PinScope;
}

/** The pins of one map view, merged with this device's own and its waiting changes. */
export interface ViewPins {
  pins: PinFeature[];
  pendingIds: Set<string>;
  /** the view holds more pins than one load brings: only the device's own are in `pins` */
  truncated: boolean;
}

export interface ServerSync {
  readonly api: HttpRepository;
  loadInitial(): Promise<InitialData>;
  /** connects live events and the online/offline listeners; returns a stop function */
  start(listener: SyncListener): () => void;
  pinCreated(pin: PinFeature): Promise<void>;
  pinEdited(pin: PinFeature): Promise<void>;
  pinDeleted(id: string): Promise<void>;
  pinSupported(id: string): Promise<void>;
  /** queues taking this device's support back, after any support still waiting, so the server sees them in order */
  pinSupportWithdrawn(id: string): Promise<void>;
  /** re-reads pins (and optionally the catalog) from the server */
  reload(what?: { areas?: boolean; themes?: boolean }): Promise<void>;
  /**
   * View scope: reads the pins in a bbox (padded by the caller), which later reloads re-read, and hands them to
   * `apply` while nothing is being sent; resolves with whether the view held too many to bring.
   */
  loadView(bbox: Bbox, apply: (view: ViewPins) => void): Promise<boolean>;
  /** every pin in a view as clusters, counted on the server; each mix is indexed like `themeIds` */
  loadClusters(bbox: Bbox, zoom: number, themeIds: readonly string[]): Promise<ClusterMarkWithTitle[]>;
}

export interface ServerSyncOptions {
  api: HttpRepository;
  outbox: Outbox;
  /** the device's copy of pins and areas (read here; the store writes pins) */
  cache: Pick<PinRepository, 'listPins' | 'loadAreas' | 'saveAreas'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** opens the live stream, from the event id the pins were read at when known; tests pass a fake */
  live?: (handlers: LiveEventHandlers, from: { lastEventId?: string }) => LiveConnection;
  /** the most pins the first load brings; with more the device holds pins by map view (default 5000) */
  fullLoadMax?: number;
  /** the most pins one map view brings; a view with more shows clusters (default 2000) */
  viewLoadMax?: number;
  /** browser online/offline events; tests pass a fake */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } };
  maxRetryMs?: number;
  /** the consultation's slug: its saved themes and scope are kept apart from another consultation's on this device */
  consultation?: string;
}
