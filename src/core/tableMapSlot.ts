// the contract between the touch table (src/ui/table) and the map it is given (src/map/table): neither imports the other.
import type { ScreenRect } from './dropToLngLat.ts';
import type { ScreenPoint } from './pointerTracker.ts';
import type { TablePinLook } from './tableGroups.ts';
import type { LngLat, PinFeature, Theme } from './types.ts';
import type { Basemap } from './basemapConfig.ts';

/** What the table asks of its map, in viewport pixels and [lng, lat]; src/map/table/TableMap provides it. */
export interface TableProjector {
  clientToLngLat(point: ScreenPoint): LngLat | null;
  containerRect(): ScreenRect;
}

/** The props the table passes to the map component it is given through its `Map` slot. */
export interface TableMapSlotProps {
  basemap: Basemap;
  pins: readonly PinFeature[];
  /** how each pin is drawn (by pin id): this group's, an earlier group's (dimmed) or another's; 'current' when missing */
  pinLooks: ReadonlyMap<string, TablePinLook>;
  themes: readonly Theme[];
  showBoundaries: boolean;
  showLabels: boolean;
  viewGeneration: number;
  onProjector(projector: TableProjector | null): void;
}
