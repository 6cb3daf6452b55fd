// the shape of the resident map's state and the results its async actions report back to the ui.
import type { DialogueState } from './dialogueSlice.ts';
import type { AreaCollection, LngLat, PinFeature, PinKind, Problem, Theme } from '../core/types.ts';
import type { ClusterMarkWithTitle } from '../core/plannerEngine.ts';
import type { Bbox } from '../core/bbox.ts';
import type { Connection, PinScope, SyncListener } from '../persistence/serverSync.ts';

export type View = 'map' | 'list';

export type Editor = { mode: 'add' } | { mode: 'edit'; pinId: string };

export interface PinFilter {
  /** kinds switched off; empty shows both */
  hiddenKinds: PinKind[];
  /** theme ids switched off; empty shows every theme (so new themes appear by default) */
  hiddenThemes: string[];
}

/** A problem with the name of the feature it is about, when the input gave one. */
export interface ReportedProblem extends Problem {
  featureName?: string;
}

export type PinSaveResult = { ok: true; pin: PinFeature } | { ok: false; errors: Problem[] };

export type PinImportResult =
  | { ok: true; added: number; duplicates: number; warnings: ReportedProblem[] }
  | { ok: false; errors: ReportedProblem[]; warnings: ReportedProblem[] };

export type AreaImportResult =
  | { ok: true; areaCount: number; reassigned: number; warnings: ReportedProblem[] }
  | { ok: false; errors: ReportedProblem[]; warnings: ReportedProblem[]; pinsOutside: PinFeature[] };

export interface DataState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  pins: PinFeature[];
  areas: AreaCollection;
  themes: Theme[];
  /** pins this device supports */
  supportedIds: ReadonlySet<string>;
  deviceToken: string;
}

export interface DataActions {
  appStarted(input: { themes: Theme[]; demoAreas: AreaCollection; demoPins: PinFeature[] }): Promise<void>;
  startupFailed(message: string): void;
  /** the consultation's areas and themes without its pins: the planner view counts pins on the server */
  catalogLoaded(catalog: { areas: AreaCollection; themes: Theme[] }): void;
  pinAdded(input: unknown): Promise<PinSaveResult>;
  pinEdited(id: string, input: unknown): Promise<PinSaveResult>;
  pinDeleted(id: string): Promise<boolean>;
  supportToggled(id: string): Promise<void>;
  pinsImported(text: string): Promise<PinImportResult>;
  areasImported(text: string): Promise<AreaImportResult>;
}

/** 'server': pins are shared through the Coplan server; 'local': this device only (static hosting, no server). */
export type SyncMode = 'local' | 'server';

export type { Connection };

/** something the server refused for good, told to the resident once */
export interface SyncNotice {
  id: number;
  pinId: string;
  title: string;
  /** the server's error code, e.g. 'consultation-closed' */
  code: string;
  message: string;
}

export type ServerActionResult = { ok: true; message?: string } | { ok: false; code: string; message: string; errors: ReportedProblem[] };

export interface SyncState {
  mode: SyncMode;
  /** pins with changes still waiting on this device to be sent (server mode) */
  pendingIds: ReadonlySet<string>;
  connection: Connection;
  notices: SyncNotice[];
}

// the sync engine reports to the store through exactly these actions
export interface SyncActions extends SyncListener {
  noticeDismissed(id: number): void;
  /** planners: hide or restore a pin, with a reason for the audit log */
  pinModerated(id: string, action: 'hide' | 'restore', reason: string): Promise<ServerActionResult>;
  /** planners: pins hidden by moderation, with their reasons */
  hiddenPinsRequested(): Promise<{ pin: PinFeature; reason: string }[]>;
  /** planners: all visible pins from the server, as file text */
  serverExportRequested(format: 'geojson' | 'csv'): Promise<{ ok: true; text: string } | Extract<ServerActionResult, { ok: false }>>;
  /** planners: replace the consultation's boundaries or themes on the server */
  serverCatalogReplaced(what: 'areas' | 'themes', text: string): Promise<ServerActionResult>;
}

export interface FilterState {
  filter: PinFilter;
  filterChanged(changes: Partial<PinFilter>): void;
}

export interface UiState {
  view: View;
  editor: Editor | null;
  /** where the pin being added or moved will go */
  draftPosition: LngLat | null;
  /** map clicks and the crosshair place the draft pin while true */
  placing: boolean;
  /** a pin the map should pan to and open (list "Show on map") */
  focusedPinId: string | null;
  /** the pin this device just added: the thank-you card shows and its marker is highlighted until dismissed */
  thankedPinId: string | null;
  /** where the map should go next (a found place, the resident's location); the map clears it once there */
  mapTarget: MapTarget | null;
  viewChanged(view: View): void;
  addPinStarted(): void;
  editPinStarted(id: string): void;
  editorClosed(): void;
  placingChanged(placing: boolean): void;
  placementPicked(position: LngLat): void;
  pinShownOnMap(id: string): void;
  pinFocusHandled(): void;
  pinThanked(id: string): void;
  thanksDismissed(): void;
  mapTargetChosen(target: MapTarget): void;
  mapTargetReached(): void;
}

/** a place to show: a bbox ([west, south, east, north]) to fit, or a point ([lng, lat]) to centre on */
export type MapTarget = { bbox: Bbox } | { point: LngLat };

export interface ViewScopeState {
  /** 'all': every pin is here; 'view': a consultation too big to load whole, pins come by map view */
  pinScope: PinScope;
  viewScope: {
    /** the bbox whose pins are here (view scope), null before the first view or while the view has too many */
    loadedBbox: Bbox | null;
    /** the view holds more pins than one load brings: `clusters` stand for them until the resident zooms in */
    tooMany: boolean;
    clusters: ClusterMarkWithTitle[] | null;
  };
}

export interface ViewScopeActions {
  /** the map settled on a new view ([west, south, east, north]); in view scope its pins are loaded when needed */
  mapViewChanged(view: Bbox, zoom: number): Promise<void>;
}

export type AppState = DataState & DataActions & FilterState & UiState & SyncState & SyncActions & ViewScopeState & ViewScopeActions & DialogueState;
