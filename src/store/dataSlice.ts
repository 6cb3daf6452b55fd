// data slice: pins, boundaries, themes and supports, kept in step with the repository.
import type { StateCreator } from 'zustand';
import { createPin, updatePin } from '../core/createPin.ts';
import type { AreaCollection, PinFeature, Problem } from '../core/types.ts';
import { areaLocatorFor } from './areaLocatorFor.ts';
import type { AppState, DataActions, DataState } from './appState.ts';
import { nameProblems } from './nameProblems.ts';
import type { ResolvedDeps } from './storeDeps.ts';
import { cachePins } from './syncSlice.ts';

const emptyAreas: AreaCollection = { type: 'FeatureCollection', features: [] };

// the pin checks (zod's schemas) are a chunk of their own, fetched at boot beside the map: the map does not wait for them
const pinChecks = () => import('../core/validatePin.ts');

function outsideProblem(): Problem {
  return { path: 'position', rule: 'outside-areas', message: 'the pin is outside every neighbourhood boundary' };
}

function notOwnProblem(): Problem {
  return { path: 'author', rule: 'not-own-pin', message: 'only the device that made a pin can change it' };
}

export function createDataSlice(deps: ResolvedDeps): StateCreator<AppState, [], [], DataState & DataActions> {
  const { repository, deviceToken, now, makeId, sync } = deps;

  return (set, get) => {
    function themeIds(): ReadonlySet<string> {
      return new Set(get().themes.map((t) => t.id));
    }
    function ownPin(id: string): PinFeature | undefined {
      const pin = get().pins.find((p) => p.id === id);
      return pin && pin.properties.author === deviceToken ? pin : undefined;
    }
    function replacePin(pin: PinFeature): void {
      set((state) => ({ pins: state.pins.map((p) => (p.id === pin.id ? pin : p)) }));
    }

    return {
      status: 'loading',
      loadError: null,
      pins: [],
      areas: emptyAreas,
      themes: [],
      supportedIds: new Set<string>(),
      deviceToken,

      async appStarted({ themes, demoAreas, demoPins }) {
        try {
          if (sync) {
            // server mode: the consultation's areas, themes and pins (or this device's copy of them when offline)
            const initial = await sync.loadInitial();
            if (!initial.fromCache) await cachePins(repository, initial.pins);
            const supported = await repository.listSupportedPinIds();
            set({
              status: 'ready', loadError: null, themes: initial.themes, areas: initial.areas, pins: initial.pins,
              supportedIds: new Set(supported), pendingIds: initial.pendingIds, connection: initial.fromCache ? 'offline' : 'online',
              pinScope: initial.scope,
            });
            return;
          }
          let areas = await repository.loadAreas();
          let pins: PinFeature[];
          if (!areas) {
            // first run on this device: seed boundaries and sample pins together, so a failure leaves neither
            await repository.replaceAreas(demoAreas, demoPins);
            areas = demoAreas;
            pins = [...demoPins];
          } else {
            pins = await repository.listPins();
          }
          const supported = await repository.listSupportedPinIds();
          set({ status: 'ready', loadError: null, themes, areas, pins, supportedIds: new Set(supported) });
        } catch (error) {
          set({ status: 'failed', loadError: error instanceof Error ? error.message : String(error), themes });
        }
      },

      startupFailed(message) {
        set({ status: 'failed', loadError: message });
      },

      catalogLoaded({ areas, themes }) {
        set({ status: 'ready', loadError: null, areas, themes, pins: [] });
      },

      async pinAdded(input) {
        const { readSessionId, validatePinDraft } = await pinChecks();
        const checked = validatePinDraft(input, themeIds());
        if (!checked.ok) return { ok: false, errors: checked.errors };
        // touch-table pins carry the workshop session they were made in
        const session = readSessionId(input);
        if (!session.ok) return { ok: false, errors: session.errors };
        const area = (await areaLocatorFor(get().areas))(checked.value.position);
        if (!area) return { ok: false, errors: [outsideProblem()] };
        const context = { id: makeId(), area, now: now().toISOString(), author: deviceToken };
        const pin = createPin(checked.value, session.value ? { ...context, sessionId: session.value } : context);
        await repository.putPin(pin);
        set((state) => ({ pins: [...state.pins, pin], editor: null, draftPosition: null, placing: false }));
        // in state before it is queued, so the server's answer always finds the pin it replaces
        await sync?.pinCreated(pin);
        return { ok: true, pin };
      },

      async pinEdited(id, input) {
        const pin = ownPin(id);
        if (!pin) return { ok: false, errors: [notOwnProblem()] };
        const { validatePinDraft } = await pinChecks();
        const checked = validatePinDraft(input, themeIds());
        if (!checked.ok) return { ok: false, errors: checked.errors };
        const area = (await areaLocatorFor(get().areas))(checked.value.position);
        if (!area) return { ok: false, errors: [outsideProblem()] };
        const { note, sentiment, position, kind, theme, title } = checked.value;
        // absent optional fields are sent as undefined so clearing a note or sentiment really clears it
        const changed = updatePin(pin, { kind, theme, title, note, sentiment }, now().toISOString());
        // updatePin leaves position and area alone; a moved pin gets both here
        const updated: PinFeature = {
          ...changed,
          geometry: { type: 'Point', coordinates: [position[0], position[1]] },
          properties: { ...changed.properties, area },
        };
        await repository.putPin(updated);
        replacePin(updated);
        set({ editor: null, draftPosition: null, placing: false });
        await sync?.pinEdited(updated);
        return { ok: true, pin: updated };
      },

      async pinDeleted(id) {
        if (!ownPin(id)) return false;
        await repository.deletePin(id);
        set((state) => {
          const supportedIds = new Set(state.supportedIds);
          supportedIds.delete(id);
          const editingThis = state.editor?.mode === 'edit' && state.editor.pinId === id;
          return {
            pins: state.pins.filter((p) => p.id !== id),
            supportedIds,
            ...(editingThis ? { editor: null, draftPosition: null, placing: false } : {}),
          };
        });
        await sync?.pinDeleted(id);
        return true;
      },

      async supportToggled(id) {
        const pin = get().pins.find((p) => p.id === id);
        if (!pin) return;
        const supporting = !get().supportedIds.has(id);
        const count = Math.max(0, (pin.properties.supports ?? 0) + (supporting ? 1 : -1));
        const updated: PinFeature = { ...pin, properties: { ...pin.properties, supports: count } };
        await repository.putPin(updated);
        await repository.setSupported(id, supporting);
        const supportedIds = new Set(get().supportedIds);
        if (supporting) supportedIds.add(id);
        else supportedIds.delete(id);
        replacePin(updated);
        set({ supportedIds });
        // the server counts one support per device; taking it back is queued like giving it, so offline toggles keep their order
        if (supporting) await sync?.pinSupported(id);
        else await sync?.pinSupportWithdrawn(id);
      },

      async pinsImported(text) {
        // the file readers (and the area checks behind them) are chunks of their own: the resident's first load skips them
        const { parsePins } = await import('../core/parsePins.ts');
        const { areas, themes, pins } = get();
        const parsed = parsePins(text, { areas, themes, now: now().toISOString(), makeId });
        const warnings = nameProblems(text, parsed.warnings);
        if (!parsed.ok) return { ok: false, errors: nameProblems(text, parsed.errors), warnings };
        const known = new Set(pins.map((p) => p.id));
        const fresh: PinFeature[] = [];
        for (const pin of parsed.value) {
          if (known.has(pin.id)) continue;
          known.add(pin.id);
          if (!sync) {
            fresh.push(pin);
            continue;
          }
          // in server mode an imported pin is a new one of this device's, like one made in the form: a new UUID,
          // which the server keeps (the file's id may be anything, or another device's pin)
          const id = makeId();
          fresh.push({ ...pin, id, properties: { ...pin.properties, id, author: deviceToken } });
        }
        await repository.putPins(fresh);
        set((state) => ({ pins: [...state.pins, ...fresh] }));
        if (sync) for (const pin of fresh) await sync.pinCreated(pin);
        return { ok: true, added: fresh.length, duplicates: parsed.value.length - fresh.length, warnings };
      },

      async areasImported(text) {
        const { parseAreas } = await import('../core/parseAreas.ts');
        const parsed = parseAreas(text);
        const warnings = nameProblems(text, parsed.warnings);
        if (!parsed.ok) return { ok: false, errors: nameProblems(text, parsed.errors), warnings, pinsOutside: [] };
        const areas = parsed.value;
        const locate = await areaLocatorFor(areas);
        const pinsOutside: PinFeature[] = [];
        const moved: PinFeature[] = [];
        for (const pin of get().pins) {
          const [lng, lat] = pin.geometry.coordinates;
          const area = locate([lng!, lat!]);
          if (!area) pinsOutside.push(pin);
          else if (area !== pin.properties.area) moved.push({ ...pin, properties: { ...pin.properties, area } });
        }
        if (pinsOutside.length > 0) {
          const errors = pinsOutside.map((pin) => ({
            path: `pins.${pin.id}`,
            rule: 'pin-outside-new-boundaries',
            message: `pin "${pin.properties.title}" would fall outside the new boundaries`,
          }));
          return { ok: false, errors, warnings, pinsOutside };
        }
        await repository.replaceAreas(areas, moved);
        const byId = new Map(moved.map((p) => [p.id, p]));
        set((state) => ({ areas, pins: state.pins.map((p) => byId.get(p.id) ?? p) }));
        return { ok: true, areaCount: areas.features.length, reassigned: moved.length, warnings };
      },
    };
  };
}
