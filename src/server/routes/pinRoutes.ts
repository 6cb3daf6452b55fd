// …/pins of one consultation: list with filters, create (idempotent, rate-limited), edit and delete own pins, support others' pins and take it back.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { storedSettings } from '../../core/consultations/settings.ts';
import { createPin } from '../../core/createPin.ts';
import { PIN_KINDS } from '../../core/types.ts';
import type { PinKind } from '../../core/types.ts';
import { zodProblems } from '../../core/validatePin.ts';
import { ApiError } from '../apiError.ts';
import { bboxQuery } from '../bboxQuery.ts';
import { draftFingerprint, readNewPin, readPinPatch } from '../pinBody.ts';
import { addressHashOf } from '../auth.ts';
import type { DeviceIdentity } from '../auth.ts';
import { deviceOf, isAuthor, isPlanner, publicPin, requireDevice, requireOpen } from '../serverContext.ts';
import type { ServerContext } from '../serverContext.ts';
import type { PinFilter, ServerPin } from '../storage/storage.ts';
import { enforceLimits } from '../writeLimits.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
const PIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
/** the most pins one list answer may hold; a city-wide map asks for a viewport (bbox) instead of everything */
const MAX_LIST_LIMIT = 10_000;
/** the page a list without `limit` answers (with `truncated`): the browser loads everything only below 5000 pins */
export const DEFAULT_LIST_PAGE = MAX_LIST_LIMIT;

const listQuery = z.object({
  kind: z.enum(PIN_KINDS as [PinKind, ...PinKind[]], { error: 'kind must be "asset" or "priority"' }).optional(),
  theme: z.string().max(64).optional(),
  area: z.string().max(200).optional(),
  bbox: bboxQuery.optional(),
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO 8601 date-time, e.g. 2025-01-01T00:00:00Z' }).transform((s) => new Date(s).toISOString()).optional(),
  includeHidden: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false'], { error: 'mine must be "true" or "false"' }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/, `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_LIST_LIMIT, `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`)
    .optional(),
});

export function pinRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const viewer = (request: FastifyRequest) => ({ device: deviceOf(request, ctx.secret), planner: isPlanner(request.scope) });
  const resident = (device: DeviceIdentity) => ({ device, planner: false });
  /** edits, deletes, withdrawn supports: per device, per address, and per consultation (the replay window's guard) */
  const writeLimits = (request: FastifyRequest, device: DeviceIdentity) => enforceLimits([
    [ctx.limits.writesPerDevice, device.author],
    [ctx.limits.writesPerAddress, request.ip],
    [ctx.limits.writesPerConsultation, request.scope.consultation.id],
  ], 'changes');

  const findVisible = async (request: FastifyRequest<{ Params: { id: string } }>): Promise<ServerPin> => {
    const { id } = request.params;
    const pin = PIN_ID.test(id) ? await request.scope.store.getPin(id) : null;
    // hidden pins do not exist for residents, except for their author
    if (!pin || (pin.properties.hidden && !isPlanner(request.scope) && !isAuthor(pin.properties.author, deviceOf(request, ctx.secret)))) {
      throw new ApiError(404, 'pin-not-found', `There is no pin "${id}".`);
    }
    return pin;
  };
  const findOwn = async (request: FastifyRequest<{ Params: { id: string } }>): Promise<ServerPin> => {
    const device = requireDevice(request, ctx.secret);
    const pin = await findVisible(request);
    if (!isAuthor(pin.properties.author, device)) throw new ApiError(403, 'not-your-pin', 'Only the device that made a pin can change or delete it.');
    await writeLimits(request, device);
    return pin;
  };
  const locateOrRefuse = (request: FastifyRequest, position: readonly [number, number]) => {
    const area = request.scope.catalog.locate(position);
    if (area === null) throw new ApiError(422, 'outside-areas', `The position [${position[0]}, ${position[1]}] is outside every area of this consultation.`, { path: 'geometry.coordinates' });
    return area;
  };

  app.get('/pins', async (request, reply) => {
    // read before the pins: a change after this id may or may not be in the answer, and a live stream opened from it
    // replays it either way (clients apply events idempotently)
    // (0: no event yet, the start of the log)
    void reply.header('x-last-event-id', String((await request.scope.store.latestEventId()) ?? 0));
    const query = listQuery.safeParse(request.query);
    if (!query.success) throw new ApiError(400, 'invalid-query', 'The filters are not valid.', zodProblems(query.error));
    const who = viewer(request);
    const { includeHidden, mine, limit, ...filters } = query.data;
    const filter: PinFilter = { ...filters, includeHidden: who.planner && includeHidden === 'true' };
    if (mine === 'true') {
      const device = requireDevice(request, ctx.secret);
      filter.author = [device.author, device.legacy];
    }
    // never unbounded: without `limit`, one default page. One pin more than asked for tells whether the answer is cut
    // short, without counting every match
    const page = limit ?? DEFAULT_LIST_PAGE;
    filter.limit = page + 1;
    const pins = await request.scope.store.listPins(filter);
    // `truncated` is a GeoJSON foreign member: clients that do not know it still read a valid FeatureCollection
    return { type: 'FeatureCollection', features: pins.slice(0, page).map((p) => publicPin(p, who)), truncated: pins.length > page };
  });

  app.get<{ Params: { id: string } }>('/pins/:id', async (request) => publicPin(await findVisible(request), viewer(request)));

  app.post('/pins', async (request, reply) => {
    requireOpen(request.scope);
    const device = requireDevice(request, ctx.secret);
    const { author } = device;
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      throw new ApiError(400, 'invalid-idempotency-key', 'Idempotency-Key must be 1-128 printable ASCII characters without spaces.');
    }
    await enforceLimits([[ctx.limits.pinsPerDevice, author], [ctx.limits.pinsPerAddress, request.ip], [ctx.limits.writesPerConsultation, request.scope.consultation.id]], 'new pins');
    const body = readNewPin(request.body, request.scope.catalog.themeIds());
    if (!body.ok) throw new ApiError(400, 'invalid-pin', 'The pin is not valid.', body.errors);
    const { draft, sessionId, id } = body.value;
    // a consultation can take pins on the map, at the table (workshop sessions), or both (its settings' parts)
    const { parts } = storedSettings(request.scope.consultation.settings);
    if (sessionId === undefined ? !parts.map : !parts.table) {
      throw new ApiError(409, 'part-off', sessionId === undefined ? 'This consultation takes pins at its workshops only, not on the map.' : 'This consultation does not take pins from a touch-table.');
    }
    const area = locateOrRefuse(request, draft.position);
    const pin = createPin(draft, { id: id ?? crypto.randomUUID(), area, now: new Date().toISOString(), author, ...(sessionId ? { sessionId } : {}) });
    const stored: ServerPin = { ...pin, properties: { ...pin.properties, supports: 0, hidden: false } };
    const result = await request.scope.store.createPin(stored, key ? { key, fingerprint: draftFingerprint(draft, sessionId) } : undefined);
    if (result.status === 'id-taken') {
      // the device's own id sent again (a retry whose answer was lost) is the same pin, never a second one
      const existing = await request.scope.store.getPin(stored.id);
      if (!existing || !isAuthor(existing.properties.author, device)) throw new ApiError(409, 'pin-id-taken', `Another pin already has the id "${stored.id}"; make a new UUID.`);
      void reply.header('idempotent-replayed', 'true');
      return reply.status(200).send(publicPin(existing, resident(device)));
    }
    if (result.status === 'key-reused') {
      throw new ApiError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different pin.', { id: result.pin.id });
    }
    if (result.status === 'replayed') void reply.header('idempotent-replayed', 'true');
    return reply.status(result.status === 'created' ? 201 : 200).send(publicPin(result.pin, resident(device)));
  });

  app.patch<{ Params: { id: string } }>('/pins/:id', async (request) => {
    requireOpen(request.scope);
    const pin = await findOwn(request);
    const patch = readPinPatch(request.body, pin, request.scope.catalog.themeIds());
    if (!patch.ok) throw new ApiError(400, 'invalid-pin', 'The changes are not valid.', patch.errors);
    const d = patch.value;
    const area = locateOrRefuse(request, d.position);
    const changes = { kind: d.kind, theme: d.theme, title: d.title, note: d.note ?? null, sentiment: d.sentiment ?? null, position: [d.position[0], d.position[1]] as const, area };
    const updated = await request.scope.store.updatePin(pin.id, changes, new Date().toISOString());
    if (!updated) throw new ApiError(404, 'pin-not-found', `There is no pin "${pin.id}".`);
    return publicPin(updated, resident(requireDevice(request, ctx.secret)));
  });

  app.delete<{ Params: { id: string } }>('/pins/:id', async (request, reply) => {
    requireOpen(request.scope);
    const pin = await findOwn(request);
    await request.scope.store.deletePin(pin.id);
    return reply.status(204).send();
  });

  app.post<{ Params: { id: string } }>('/pins/:id/support', async (request) => {
    requireOpen(request.scope);
    const device = requireDevice(request, ctx.secret);
    // a support counts in the planners' priorities, so only a token this server issued may give one (made-up tokens are free)
    if (!device.signed) throw new ApiError(401, 'device-token-unsigned', 'Supporting needs a device token from this server: get one from POST /api/device (send { "previous": "<your token>" } to keep your pins).');
    const pin = await findVisible(request);
    if (isAuthor(pin.properties.author, device)) throw new ApiError(409, 'own-pin', 'You cannot support your own pin.');
    await enforceLimits([[ctx.limits.supportsPerDevice, device.author], [ctx.limits.supportsPerAddress, request.ip], [ctx.limits.writesPerConsultation, request.scope.consultation.id]], 'supports');
    const result = await request.scope.store.supportPin(pin.id, device.author, new Date().toISOString(), addressHashOf(request.ip, ctx.secret));
    if (!result) throw new ApiError(404, 'pin-not-found', `There is no pin "${pin.id}".`);
    return { added: result.added, pin: publicPin(result.pin, resident(device)) };
  });

  // idempotent: withdrawing a support that is not there (never given, already withdrawn, own pin) answers removed: false
  app.delete<{ Params: { id: string } }>('/pins/:id/support', async (request) => {
    requireOpen(request.scope);
    const device = requireDevice(request, ctx.secret);
    const pin = await findVisible(request);
    await writeLimits(request, device);
    const at = new Date().toISOString();
    let result = await request.scope.store.unsupportPin(pin.id, device.author, at);
    // a support given before hashes were keyed (by a device not yet adopted) is under the unkeyed hash
    if (result && !result.removed) result = await request.scope.store.unsupportPin(pin.id, device.legacy, at);
    if (!result) throw new ApiError(404, 'pin-not-found', `There is no pin "${pin.id}".`);
    return { removed: result.removed, pin: publicPin(result.pin, resident(device)) };
  });
}
