// the popup of a cluster a planner chose: what it holds and what to do with its pins (select them for an answer, start
// a project from its priorities, zoom in, close). Built from text nodes only; the labels come translated.
import L from 'leaflet';

export interface ClusterPickChoice {
  label: string;
  act(): void;
}

let popups = 0;

/** The popup's content: a group named by its heading, one button per choice. */
export function clusterPickContent(heading: string, choices: readonly ClusterPickChoice[]): HTMLElement {
  const id = `cluster-pick-${++popups}`;
  const group = document.createElement('div');
  group.className = 'cluster-pick';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', id);
  const title = document.createElement('p');
  title.id = id;
  title.className = 'cluster-pick__heading';
  title.textContent = heading;
  group.append(title);
  for (const choice of choices) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary cluster-pick__choice';
    button.textContent = choice.label;
    button.addEventListener('click', () => choice.act());
    group.append(button);
  }
  // clicks in the popup are the popup's: they must not reach the map (which would close it) or drag it
  L.DomEvent.disableClickPropagation(group);
  return group;
}

/**
 * Opens the popup at the cluster on the map and moves the focus to its first choice (so keyboard and screen reader
 * users land in it and hear its heading); when it closes, the focus goes back to the cluster's marker (drawn anew if
 * the popup panned the map: found by its `data-cluster` id) if it is still on the map, or to the map.
 */
export function openClusterPick(map: L.Map, at: L.LatLng, content: HTMLElement, clusterId: number): L.Popup {
  const popup = L.popup({ className: 'cluster-pick-popup', closeButton: false, autoPanPadding: [24, 24], maxWidth: 280 }).setLatLng(at).setContent(content);
  // Leaflet's own Escape works only while the map itself has the focus, not a button in a popup
  content.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    map.closePopup(popup);
  });
  popup.on('remove', function giveTheFocusBack() {
    if (!content.contains(document.activeElement) && document.activeElement !== document.body) return;
    const element = map.getContainer().querySelector<HTMLElement>(`[data-cluster="${clusterId}"]`);
    (element ?? map.getContainer()).focus();
  });
  popup.openOn(map);
  content.querySelector('button')?.focus();
  return popup;
}
