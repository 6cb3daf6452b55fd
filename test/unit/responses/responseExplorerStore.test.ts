// the explorer's store over the local source: filters reset the page, sort toggles, a shrunk list goes back to its last page.
import { describe, expect, it } from 'vitest';
import { createPin } from '../../../src/core/createPin.ts';
import { createLocalResponseSource } from '../../../src/persistence/responseExplorer/localResponseSource.ts';
import { createResponseExplorerStore } from '../../../src/store/responseExplorerStore.ts';
import { areas, themes } from '../pinFixtures.ts';

const pins = Array.from({ length: 12 }, (_, i) =>
  createPin(
    { kind: i % 3 === 0 ? 'asset' : 'priority', theme: i % 2 ? 'green' : 'safety', title: `Pin ${String(i).padStart(2, '0')}`, position: [-1.5, 53.5] },
    { id: `p${i}`, area: 'east', now: new Date(Date.UTC(2026, 3, 1 + i)).toISOString() },
  ),
);
const consultation = { slug: 'test', title: 'Test' };

async function settled(store: ReturnType<typeof createResponseExplorerStore>) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return store.getState();
}

describe('the response explorer store', () => {
  it('reads the first page, newest first, and pages on', async () => {
    const store = createResponseExplorerStore();
    store.getState().sourceChosen(createLocalResponseSource({ pins, themes, areas, consultation }));
    store.getState().pageSizeChosen(5);
    let state = await settled(store);
    expect(state.page?.total).toBe(12);
    expect(state.page?.rows.map((r) => r.id)).toEqual(['p11', 'p10', 'p9', 'p8', 'p7']);
    store.getState().pageChosen(10);
    state = await settled(store);
    expect(state.page?.rows.map((r) => r.id)).toEqual(['p1', 'p0']);
  });

  it('goes back to the first page when a filter changes, and to the last page there is when a page is past the end', async () => {
    const store = createResponseExplorerStore();
    store.getState().sourceChosen(createLocalResponseSource({ pins, themes, areas, consultation }));
    store.getState().pageSizeChosen(5);
    store.getState().pageChosen(10);
    await settled(store);
    store.getState().filterChanged({ kind: 'asset' });
    let state = await settled(store);
    expect(state.query.offset).toBe(0);
    expect(state.page?.total).toBe(4);
    store.getState().pageChosen(25);
    state = await settled(store);
    expect(state.query.offset).toBe(0);
    expect(state.page?.rows).toHaveLength(4);
  });

  it('sorts a new column its natural way first and toggles it on a second choice', async () => {
    const store = createResponseExplorerStore();
    store.getState().sourceChosen(createLocalResponseSource({ pins, themes, areas, consultation }));
    store.getState().sortChosen('title');
    expect(store.getState().query).toMatchObject({ sort: 'title', dir: 'asc' });
    store.getState().sortChosen('title');
    expect(store.getState().query).toMatchObject({ sort: 'title', dir: 'desc' });
    store.getState().sortChosen('supports');
    expect(store.getState().query).toMatchObject({ sort: 'supports', dir: 'desc' });
  });

  it('exports every matching pin, not one page, and states the filters', async () => {
    const store = createResponseExplorerStore();
    store.getState().sourceChosen(createLocalResponseSource({ pins, themes, areas, consultation }));
    store.getState().pageSizeChosen(5);
    store.getState().filterChanged({ themes: ['green'] });
    await settled(store);
    const file = await store.getState().exportRequested('geojson');
    const collection = JSON.parse(file.text);
    expect(collection.features).toHaveLength(6);
    expect(collection.coplan.filters).toMatchObject({ themes: ['green'], kind: null, area: null, text: null });
    expect(file.name).toMatch(/^coplan-test-responses-raw-\d{4}-\d{2}-\d{2}\.geojson$/);
  });

  it('counts fly requests from the table, not from the map', () => {
    const store = createResponseExplorerStore();
    const row = { id: 'p1' } as never;
    store.getState().pinSelected(row);
    store.getState().pinSelected(row, { fly: false });
    expect(store.getState().flyRequest).toBe(1);
  });
});
