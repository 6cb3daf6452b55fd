// builds an in-process server over a test database, with helpers for residents and planners.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer } from '../../src/server/buildServer.ts';
import type { ServerOptions } from '../../src/server/buildServer.ts';
import { openSqliteStorage } from '../../src/server/storage/openStorage.ts';
import type { ConsultationStorage, SeedData, Storage } from '../../src/server/storage/storage.ts';
import { testConsultation, testPin } from './serverFixtures.ts';

export const PASSPHRASE = 'correct horse battery staple';
export const DEVICE_A = 'device-a-0123456789abcdef';
export const DEVICE_B = 'device-b-0123456789abcdef';

export interface TestServer {
  app: FastifyInstance;
  /** the default consultation, the one the server's routes serve */
  storage: ConsultationStorage;
  database: Storage;
  /** a bearer token for a signed-in planner */
  plannerToken(): Promise<string>;
  close(): Promise<void>;
}

export const seed = (): SeedData => ({ consultations: [testConsultation({ pins: [testPin({ id: 'seeded-1', author: 'someone-else' })] })] });

/** the oldest consultation, which the server's routes serve */
export async function defaultConsultationOf(storage: Storage): Promise<ConsultationStorage> {
  const [oldest] = await storage.listConsultations();
  if (!oldest) throw new Error('the test database has no consultation');
  return storage.consultation(oldest.id);
}

export async function startTestServer(options: Partial<ServerOptions> & { storage?: Storage } = {}): Promise<TestServer> {
  const storage = options.storage ?? (await openSqliteStorage({ file: ':memory:', seed }));
  const app = await buildServer({ distDir: null, tileUrl: '', tileAttribution: '', passphrase: PASSPHRASE, ...options, storage });
  return {
    app,
    storage: await defaultConsultationOf(storage),
    database: storage,
    async plannerToken() {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { passphrase: PASSPHRASE } });
      if (res.statusCode !== 200) throw new Error(`planner sign-in failed: ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/** a valid new-pin body inside the "west" test area */
export function pinBody(overrides: Record<string, unknown> = {}, position: unknown = [-2.25, 53.45]) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { kind: 'priority', theme: 'safety', title: 'Dark underpass', ...overrides } };
}

export function asDevice(token: string, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...options.headers, 'x-device-token': token } };
}

/** waits until the clock is not within `marginMs` of the end of a fixed rate-limit window, so a test's hits share one window */
export async function awayFromWindowEdge(windowMs = 60_000, marginMs = 3000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
