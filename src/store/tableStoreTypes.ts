// the touch table store's state and what it is built from (split out of tableStore.ts).
import type { StoreApi } from 'zustand/vanilla';
import type { ScreenPoint, TableSide } from '../core/pointerTracker.ts';
import type { TableSession } from '../core/tableSession.ts';
import type { LngLat, PinFeature, PinKind, Problem } from '../core/types.ts';
import type { TableSessionRepository } from '../persistence/tableSessionRepository.ts';
import type { AppStore } from './appStore.ts';
import type { AuthStore } from './authStore.ts';
import type { TableKeyboardSlice } from './tableKeyboardSlice.ts';

export interface NotePrompt {
  pinId: string;
  side: TableSide;
  at: ScreenPoint;
}

export type ToastMessage = 'outside' | 'dragHint' | 'saveFailed' | 'noSession';

export interface Toast {
  id: number;
  side: TableSide;
  at: ScreenPoint;
  message: ToastMessage;
}

export interface TableLayers {
  sessionPins: boolean;
  otherPins: boolean;
  boundaries: boolean;
  labels: boolean;
}

export interface StickerDrop {
  kind: PinKind;
  theme: string;
  /** the default title (the theme's label): a title is required and typing on a table is slow */
  title: string;
  position: LngLat;
  side: TableSide;
  at: ScreenPoint;
}

export type DropResult = { ok: true; pin: PinFeature } | { ok: false; errors: Problem[] };

export interface TableState extends TableKeyboardSlice {
  status: 'loading' | 'ready';
  sessions: TableSession[];
  activeSessionId: string | null;
  notePrompts: NotePrompt[];
  toasts: Toast[];
  panelOpen: boolean;
  /** the side the facilitator opened the panel from; the panel faces them */
  panelSide: TableSide;
  attract: boolean;
  summarySessionId: string | null;
  layers: TableLayers;
  /** bumped by "next group" and leaving the attract screen: the map goes back to its starting view */
  viewGeneration: number;
  /** keep or change, chosen on each side's palette; "next group" puts every side back to keep */
  paletteKinds: Record<TableSide, PinKind>;
  /** the welcome shown when a new group comes to the table, with its number */
  welcome: { group: number } | null;
  paletteKindChosen(side: TableSide, kind: PinKind): void;
  welcomeDismissed(): void;
  tableOpened(): Promise<void>;
  sessionStarted(input: unknown): Promise<{ ok: true; session: TableSession } | { ok: false; errors: Problem[] }>;
  sessionEnded(): Promise<void>;
  /** a new group at the table: cards, panel and keyboards go, the palettes go back to keep, a welcome shows */
  nextGroup(): Promise<void>;
  /** a pin of the running session; without one nothing is pinned (a passer-by never starts a session) */
  stickerDropped(drop: StickerDrop): Promise<DropResult>;
  /** saves the note of a card's pin; `pinId` is either of its ids, the one it was made with or the server's */
  noteSaved(pinId: string, note: string): Promise<DropResult>;
  /** closes a pin's card; `pinId` is either of its ids */
  notePromptClosed(pinId: string): void;
  toastShown(side: TableSide, at: ScreenPoint, message: ToastMessage): number;
  toastExpired(id: number): void;
  lastPinUndone(): Promise<string | null>;
  /** hides (or shows again) a pin on the table; with `serverReason`, a hidden pin the server already has is hidden there too */
  pinHiddenChanged(pinId: string, hidden: boolean, serverReason?: string): Promise<void>;
  layersChanged(changes: Partial<TableLayers>): void;
  panelOpened(side?: TableSide): void;
  panelClosed(): void;
  idleEntered(): void;
  idleLeft(): void;
  summaryOpened(sessionId: string): void;
  summaryClosed(): void;
}

export type TableStore = StoreApi<TableState>;

export interface TableStoreDeps {
  appStore: AppStore;
  sessions: TableSessionRepository;
  /** the page's planner/facilitator session: going idle signs the facilitator out of it */
  auth?: AuthStore;
  now?: () => Date;
  makeId?: () => string;
}
