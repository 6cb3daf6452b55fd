// the storage seam: what the app needs from wherever pins and boundaries live (IndexedDB now, HTTP later).
import type { AreaCollection, PinFeature } from '../core/types.ts';

/**
 * Where pins, boundaries and this device's supports are kept.
 * Every method is async so a network adapter can implement the same contract.
 */
export interface PinRepository {
  listPins(): Promise<PinFeature[]>;
  putPin(pin: PinFeature): Promise<void>;
  /** writes all pins in one transaction: either all are stored or none */
  putPins(pins: readonly PinFeature[]): Promise<void>;
  deletePin(id: string): Promise<void>;
  /** null when no boundaries were ever saved (first run) */
  loadAreas(): Promise<AreaCollection | null>;
  saveAreas(areas: AreaCollection): Promise<void>;
  /** swaps the boundaries and rewrites the given pins (their new area ids) atomically */
  replaceAreas(areas: AreaCollection, pins: readonly PinFeature[]): Promise<void>;
  /** ids of pins this device has supported */
  listSupportedPinIds(): Promise<string[]>;
  setSupported(pinId: string, supported: boolean): Promise<void>;
}
