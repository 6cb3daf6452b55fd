// the chosen cluster's requests: the map's popup asks, a panel does it once (also when it is mounted after the ask).
import { afterEach, describe, expect, it } from 'vitest';
import { useClusterPick } from '../../src/store/clusterPickStore.ts';

afterEach(() => useClusterPick.setState({ request: null }));

describe('clusterPickStore', () => {
  it('widens the cluster’s extent a hair, within the world, and numbers each request', () => {
    useClusterPick.getState().requested('answer', [-0.2, 53.2, -0.1, 53.3], 40);
    const first = useClusterPick.getState().request!;
    expect(first).toMatchObject({ purpose: 'answer', count: 40, n: 1 });
    expect(first.bbox[0]).toBeLessThan(-0.2);
    expect(first.bbox[2]).toBeGreaterThan(-0.1);
    expect(first.bbox[0]).toBeGreaterThan(-0.2 - 1e-6);
    expect(first.bbox[3]).toBeLessThan(53.3 + 1e-6);
    useClusterPick.getState().requested('project', [-180, -90, 180, 90], 3);
    expect(useClusterPick.getState().request).toEqual({ purpose: 'project', bbox: [-180, -90, 180, 90], count: 3, n: 2 });
  });

  it('forgets a request once it is done, but not a newer one', () => {
    const { requested, handled } = useClusterPick.getState();
    requested('answer', [0, 0, 1, 1], 5);
    requested('project', [0, 0, 1, 1], 5);
    handled(1);
    expect(useClusterPick.getState().request?.n).toBe(2);
    handled(2);
    expect(useClusterPick.getState().request).toBeNull();
  });
});
