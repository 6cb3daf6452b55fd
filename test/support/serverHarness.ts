// builds an in-process server over a test database, with helpers for residents and planners.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { signDeviceId } from '../../src/server/auth.ts';
import { buildServer } from '../../src/server/buildServer.ts';
import type { ServerOptions } from '../../src/server/buildServer.ts';
import { hashPassword } from '../../src/server/staff/passwords.ts';
import { openSqliteStorage } from '../../src/server/storage/openStorage.ts';
import type { ConsultationStorage, MemberRole, SeedData, StaffRole, Storage } from '../../src/server/storage/storage.ts';
import { testConsultation, testPin, testThemes } from './serverFixtures.ts';

/** the admin every test server starts with (staff accounts replace the shared passphrase) */
export const ADMIN_EMAIL = 'admin@coplan.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

// argon2 takes tens of milliseconds: one hash of the shared test password for every account
let hashed: Promise<string> | null = null;
const adminHash = () => (hashed ??= hashPassword(ADMIN_PASSWORD));
/** the server secret of every test server (signs the device tokens below) */
export const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
/** signed device tokens, as POST /api/device gives them (their ids: DEVICE_A_ID, DEVICE_B_ID) */
export const DEVICE_A_ID = 'device-a-0123456789abcdef';
export const DEVICE_B_ID = 'device-b-0123456789abcdef';
export const DEVICE_A = signDeviceId(DEVICE_A_ID, TEST_SECRET);
export const DEVICE_B = signDeviceId(DEVICE_B_ID, TEST_SECRET);
/** a signed device token for any id of 16+ characters */
export const deviceToken = (id: string) => signDeviceId(id.padEnd(16, '0'), TEST_SECRET);

export interface TestServer {
  app: FastifyInstance;
  /** the default consultation, the one the server's routes serve */
  storage: ConsultationStorage;
  database: Storage;
  /** a bearer token for the signed-in admin, who may do everything a planner of any consultation may */
  plannerToken(): Promise<string>;
  /** a new staff account with these roles, signed in: its id and bearer token */
  staff(roles?: { [slug: string]: MemberRole }, role?: StaffRole): Promise<{ id: string; token: string; email: string }>;
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
  const app = await buildServer({ distDir: null, tileUrl: '', tileAttribution: '', defaultThemes: testThemes(), secret: TEST_SECRET, ...options, storage });
  if (!(await storage.findUserByEmail(ADMIN_EMAIL))) await storage.createUser({ email: ADMIN_EMAIL, name: 'Test Admin', role: 'admin', passwordHash: await adminHash() });
  const signIn = async (email: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
    return res.json().token as string;
  };
  let made = 0;
  return {
    app,
    storage: await defaultConsultationOf(storage),
    database: storage,
    plannerToken: () => signIn(ADMIN_EMAIL, ADMIN_PASSWORD),
    async staff(roles = {}, role = 'staff') {
      const email = `staff-${++made}-${Math.random().toString(36).slice(2, 8)}@coplan.test`;
      const created = await storage.createUser({ email, name: `Staff ${made}`, role, passwordHash: await adminHash() });
      if (!created.ok) throw new Error(`could not make ${email}`);
      for (const [slug, memberRole] of Object.entries(roles)) {
        const c = await storage.getConsultation(slug);
        if (!c) throw new Error(`no consultation ${slug}`);
        await storage.setMembership({ consultationId: c.id, userId: created.user.id, role: memberRole }, 'test');
      }
      return { id: created.user.id, email, token: await signIn(email, ADMIN_PASSWORD) };
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
