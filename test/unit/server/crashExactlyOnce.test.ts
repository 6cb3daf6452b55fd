// `npm run bench:server`'s crash check, short enough for every run: clients post pins to a real server process, which is
// SIGKILLed mid-load and started again on the same database; every request that got no answer is sent again as an
// outbox would (same id, same Idempotency-Key). Then every acknowledged pin is stored exactly once, under its own id.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '../../../src/core/types.ts';
import { createAreaLocator } from '../../../src/core/createAreaLocator.ts';
import { freeLoopbackPort, startServerProcess } from '../../bench/serverProcess.ts';
import { postgresSuite } from '../../support/postgresSuite.ts';

const CLIENTS = 16;
const KILL_AFTER_MS = 1500;

interface Request { id: string; key: string; token: string; body: string }

async function positionsIn(url: string): Promise<[number, number][]> {
  const areas = (await (await fetch(`${url}/api/areas`)).json()) as AreaCollection;
  const locate = createAreaLocator(areas);
  const all = JSON.stringify(areas.features.map((f) => f.geometry.coordinates)).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number) as [number, number]);
  const [minLng, maxLng] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  const [minLat, maxLat] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
  const points: [number, number][] = [];
  for (let i = 0; points.length < 32 && i < 20_000; i++) {
    const p: [number, number] = [minLng + Math.random() * (maxLng - minLng), minLat + Math.random() * (maxLat - minLat)];
    if (locate(p)) points.push(p);
  }
  if (points.length === 0) throw new Error('no point inside the demo areas');
  return points;
}

const post = (url: string, r: Request) =>
  fetch(`${url}/api/pins`, { method: 'POST', body: r.body, headers: { 'content-type': 'application/json', 'x-device-token': r.token, 'idempotency-key': r.key }, signal: AbortSignal.timeout(5000) });

async function crashAndResend(env: Record<string, string>): Promise<{ acked: number; resent: number; stored: Map<string, string[]> }> {
  const port = await freeLoopbackPort();
  const server = await startServerProcess(env, port);
  const positions = await positionsIn(server.url);
  const run = crypto.randomBytes(4).toString('hex');
  const sent: Request[] = [];
  const acked = new Map<string, string>();
  let dead = false;
  const client = async (c: number) => {
    // a device token the server signed, as the browser now gets one
    const token = ((await (await fetch(`${server.url}/api/device`, { method: 'POST' })).json()) as { token: string }).token;
    for (let n = 0; !dead; n++) {
      const id = crypto.randomUUID();
      const r: Request = { id, key: `${run}-${c}-${n}`, token, body: JSON.stringify({ type: 'Feature', id, geometry: { type: 'Point', coordinates: positions[(c + n) % positions.length] }, properties: { kind: 'asset', theme: 'green-space', title: `crash ${run}-${c}-${n}` } }) };
      sent.push(r);
      try {
        const res = await post(server.url, r);
        if (res.ok) acked.set(r.key, ((await res.json()) as { id: string }).id);
      } catch {
        return; // the server died under this request: it stays unanswered
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  dead = true;
  await server.kill();
  await Promise.all(clients);
  const restarted = await startServerProcess(env, port);
  try {
    const unanswered = sent.filter((r) => !acked.has(r.key));
    for (const r of unanswered) {
      const res = await post(restarted.url, r);
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      acked.set(r.key, ((await res.json()) as { id: string }).id);
    }
    const pins = ((await (await fetch(`${restarted.url}/api/pins?limit=10000`)).json()) as { features: { id: string; properties: { title: string } }[] }).features;
    const stored = new Map<string, string[]>();
    for (const pin of pins) {
      const key = pin.properties.title.startsWith(`crash ${run}-`) ? pin.properties.title.slice(6) : null;
      if (key) stored.set(key, [...(stored.get(key) ?? []), pin.id]);
    }
    for (const r of sent) expect(stored.get(r.key), `${r.key} stored exactly once, under the id its device made`).toEqual([r.id]);
    console.log(`crash test: ${sent.length} pins sent, ${sent.length - unanswered.length} answered before the SIGKILL, ${unanswered.length} resent after it; each stored once`);
    return { acked: acked.size, resent: unanswered.length, stored };
  } finally {
    await restarted.stop();
  }
}

describe('exactly once across a crash', () => {
  it('on SQLite', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-crash-'));
    try {
      const result = await crashAndResend({ DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(result.acked).toBeGreaterThan(CLIENTS);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  describe('on PostgreSQL', () => {
    const db = postgresSuite('t_crash');
    if (!db) return;
    it('too', async () => {
      const schema = db.freshSchema();
      const result = await crashAndResend({ DATABASE_URL: db.url, DATABASE_SCHEMA: schema });
      expect(result.acked).toBeGreaterThan(CLIENTS);
    }, 60_000);
  });
});
