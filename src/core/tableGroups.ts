// groups within a touch-table session: which group made each pin, "next group", and how the table map shows pins.
import type { TableSession } from './tableSession.ts';
import type { PinFeature } from './types.ts';

/** How the table map draws a pin: this group's, an earlier group's of this session (dimmed), or anyone else's. */
export type TablePinLook = 'current' | 'earlier' | 'other';

/**
 * The number of the group now at the table, from 1.
 * @example
 * currentGroup({ ...session, groupStarts: [] }) // => 1
 * currentGroup({ ...session, groupStarts: ['2026-04-18T10:30:00.000Z'] }) // => 2
 */
export function currentGroup(session: Pick<TableSession, 'groupStarts'>): number {
  return 1 + session.groupStarts.length;
}

/**
 * The session with a new group starting now; the input is not changed.
 * @example
 * nextGroupOf(session, '2026-04-18T10:30:00.000Z').groupStarts // => ['2026-04-18T10:30:00.000Z']
 */
export function nextGroupOf(session: TableSession, now: string): TableSession {
  return { ...session, groupStarts: [...session.groupStarts, now] };
}

/**
 * The session with a pin noted as made by a group, by default the one now at the table (the pin's id is its id
 * from birth, so the note never needs renaming).
 * @example
 * pinRecorded(session, 'p1').pinGroups // => { p1: 1 }
 */
export function pinRecorded(session: TableSession, pinId: string, group = currentGroup(session)): TableSession {
  return { ...session, pinGroups: { ...session.pinGroups, [pinId]: group } };
}

/**
 * The group that made a pin of the session; a pin made before groups were noted counts as the first group's.
 * @example
 * groupOfPin({ ...session, pinGroups: { p1: 2 } }, 'p1') // => 2
 */
export function groupOfPin(session: Pick<TableSession, 'pinGroups'>, pinId: string): number {
  return session.pinGroups[pinId] ?? 1;
}

/**
 * How a pin looks on the table: without a running session every pin is someone else's.
 * @example
 * tablePinLook(pin, session) // => 'current' when pin.properties.sessionId === session.id and its group is the current one
 */
export function tablePinLook(pin: PinFeature, session: TableSession | undefined): TablePinLook {
  if (!session || pin.properties.sessionId !== session.id) return 'other';
  return groupOfPin(session, pin.id) === currentGroup(session) ? 'current' : 'earlier';
}

export interface TablePinsOptions {
  /** pins of other sessions and of residents; off at the start of a session so the table sees its own */
  showOthers: boolean;
  /** this session's pins (all its groups) */
  showSession: boolean;
}

/**
 * The pins the table map draws, with their looks: this session's (not hidden by the facilitator), and others only
 * when asked. Others come first, so this session's pins are drawn on top.
 * @example
 * tablePins(pins, session, { showOthers: false, showSession: true }).map((p) => p.look) // => ['earlier', 'current']
 */
export function tablePins(pins: readonly PinFeature[], session: TableSession | undefined, options: TablePinsOptions): { pin: PinFeature; look: TablePinLook }[] {
  const hidden = new Set(session?.hiddenPinIds ?? []);
  const others: { pin: PinFeature; look: TablePinLook }[] = [];
  const mine: { pin: PinFeature; look: TablePinLook }[] = [];
  for (const pin of pins) {
    const look = tablePinLook(pin, session);
    if (look === 'other') {
      if (options.showOthers) others.push({ pin, look });
    } else if (options.showSession && !hidden.has(pin.id)) mine.push({ pin, look });
  }
  return [...others, ...mine];
}
