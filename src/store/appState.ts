// the shape of the resident map's state and the results its async actions report back to the ui.
import type { AreaCollection, LngLat, PinFeature, PinKind, Problem, Theme } from '../core/types.ts';

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
  pinAdded(input: unknown): Promise<PinSaveResult>;
  pinEdited(id: string, input: unknown): Promise<PinSaveResult>;
  pinDeleted(id: string): Promise<boolean>;
  supportToggled(id: string): Promise<void>;
  pinsImported(text: string): Promise<PinImportResult>;
  areasImported(text: string): Promise<AreaImportResult>;
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
  viewChanged(view: View): void;
  addPinStarted(): void;
  editPinStarted(id: string): void;
  editorClosed(): void;
  placingChanged(placing: boolean): void;
  placementPicked(position: LngLat): void;
  pinShownOnMap(id: string): void;
  pinFocusHandled(): void;
}

export type AppState = DataState & DataActions & FilterState & UiState;
