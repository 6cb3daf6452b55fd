// a cluster chosen on the planner map and what the planner asked to do with its pins: the map's popup asks; the answer
// panel (select them for one answer) or the budget section (a project draft from its priorities) does it.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';

export type ClusterPurpose = 'answer' | 'project';

export interface ClusterRequest {
  purpose: ClusterPurpose;
  /** the cluster's extent [w, s, e, n], a hair wider so its edge pins are in it whatever rounding the server does */
  bbox: [number, number, number, number];
  /** the cluster's count on the map (raw: the selection is staff only) */
  count: number;
  /** moves with every request, so asking twice for the same cluster is heard twice */
  n: number;
}

export interface ClusterPickState {
  request: ClusterRequest | null;
  requested(purpose: ClusterPurpose, bounds: readonly [number, number, number, number], count: number): void;
  /** the request `n` was done: it is not done again by a panel mounted later */
  handled(n: number): void;
}

/** about a centimetre: wide enough for rounding, far too small to take in another cluster's pin */
const EDGE = 1e-7;

export const useClusterPick = create<ClusterPickState>()((set, get) => ({
  request: null,
  requested(purpose, [w, s, e, n], count) {
    const bbox: [number, number, number, number] = [Math.max(-180, w - EDGE), Math.max(-90, s - EDGE), Math.min(180, e + EDGE), Math.min(90, n + EDGE)];
    set({ request: { purpose, bbox, count, n: (get().request?.n ?? 0) + 1 } });
  },
  handled(n) {
    if (get().request?.n === n) set({ request: null });
  },
}));

/** Runs `handle` once for each request of this purpose (the latest `handle`, so it may close over fresh state). */
export function useClusterRequest(purpose: ClusterPurpose, handle: (request: ClusterRequest) => void): void {
  const request = useClusterPick((s) => s.request);
  const latest = useRef(handle);
  useEffect(function keepTheLatestHandler() {
    latest.current = handle;
  });
  useEffect(function doTheRequest() {
    if (!request || request.purpose !== purpose) return;
    useClusterPick.getState().handled(request.n);
    latest.current(request);
  }, [request, purpose]);
}
