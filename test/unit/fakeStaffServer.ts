// an in-memory server answering the consultation and staff API as /work/notes/api.md specifies it, as a fetch: the
// browser's forms and pages are tested against the spec while the real routes are being built.

export interface FakeUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  password: string | null;
  createdAt: string;
}
export interface FakeConsultation {
  slug: string;
  title: string;
  summary: string;
  status: 'draft' | 'open' | 'closed' | 'archived';
  opensAt: string | null;
  closesAt: string | null;
  statusChangedAt: string;
  settings: { minCount: number; parts: { map: boolean; table: boolean } };
  pins: number;
  template?: unknown;
  members: Map<string, 'planner' | 'facilitator'>;
}

export interface FakeStaffServer {
  fetch: typeof fetch;
  /** "METHOD /path" of every request, with the JSON body when there was one */
  calls: { method: string; path: string; body: unknown }[];
  users: FakeUser[];
  consultations: FakeConsultation[];
  invitations: Map<string, { userId: string | null; setup: boolean }>;
  /** wrong passwords allowed before 429 */
  attemptsLeft: number;
  offline: boolean;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const refuse = (status: number, code: string, message: string, details?: unknown) => json(status, { error: { code, message, ...(details ? { details } : {}) } });

export function consultation(slug: string, overrides: Partial<FakeConsultation> = {}): FakeConsultation {
  return {
    slug,
    title: `Consultation ${slug}`,
    summary: `What ${slug} is about.`,
    status: 'open',
    opensAt: null,
    closesAt: null,
    statusChangedAt: '2026-03-01T09:00:00.000Z',
    settings: { minCount: 5, parts: { map: true, table: true } },
    pins: 0,
    members: new Map(),
    ...overrides,
  };
}

export const ADMIN = { email: 'admin@example.test', password: 'admin-password-1' };

export function createFakeStaffServer(consultations: FakeConsultation[] = [consultation('millbrook-2026')]): FakeStaffServer {
  let session: string | null = null;
  let nextId = 1;
  const server: FakeStaffServer = {
    calls: [],
    users: [{ id: 'u-admin', email: ADMIN.email, name: 'Ada Admin', role: 'admin', password: ADMIN.password, createdAt: '2026-01-01T00:00:00.000Z' }],
    consultations,
    invitations: new Map(),
    attemptsLeft: 2,
    offline: false,
    fetch: async (input, init = {}) => {
      const url = new URL(String(input), 'http://coplan.test');
      const method = (init.method ?? 'GET').toUpperCase();
      const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
      server.calls.push({ method, path: url.pathname, body });
      if (server.offline) throw new TypeError('Failed to fetch');
      return answer(method, url.pathname.split('/').filter(Boolean).slice(1), body as Record<string, unknown> | undefined);
    },
  };
  const me = () => server.users.find((u) => u.id === session) ?? null;
  const roleIn = (c: FakeConsultation) => {
    const user = me();
    if (!user) return null;
    return user.role === 'admin' ? 'admin' : (c.members.get(user.id) ?? null);
  };
  const visible = (c: FakeConsultation) => c.status === 'open' || c.status === 'closed' || roleIn(c) !== null;
  const summary = (c: FakeConsultation) => ({ slug: c.slug, title: c.title, summary: c.summary, status: c.status, opensAt: c.opensAt, closesAt: c.closesAt, statusChangedAt: c.statusChangedAt, counts: { pins: c.pins } });
  const detail = (c: FakeConsultation) => ({ ...summary(c), settings: c.settings, viewerRole: roleIn(c) });
  const publicUser = (u: FakeUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
  const signedIn = (u: FakeUser) => {
    session = u.id;
    return json(200, { token: `token-${u.id}`, expiresAt: '2026-12-31T00:00:00.000Z', user: publicUser(u) });
  };
  const notSignedIn = () => refuse(401, 'sign-in-required', 'Sign in first.');

  function answer(method: string, parts: string[], body: Record<string, unknown> | undefined): Response {
    const [first, second, third, fourth] = parts;
    const user = me();
    if (first === 'session') {
      if (method === 'GET') return json(200, user ? { user: publicUser(user), memberships: server.consultations.flatMap((c) => (c.members.has(user.id) ? [{ slug: c.slug, role: c.members.get(user.id) }] : [])) } : { user: null });
      if (method === 'DELETE') {
        session = null;
        return json(204, null);
      }
      const found = server.users.find((u) => u.email === body?.email && u.password !== null && u.password === body?.password);
      if (found) return signedIn(found);
      if (server.attemptsLeft-- <= 0) return json(429, { error: { code: 'too-many-attempts', message: 'Too many attempts.' } }, { 'retry-after': '42' });
      return refuse(401, 'wrong-credentials', 'Wrong e-mail or password.');
    }
    if (first === 'invitations' && second) {
      const invitation = server.invitations.get(second);
      if (!invitation) return refuse(404, 'invitation-not-found', 'No such invitation.');
      const invited = server.users.find((u) => u.id === invitation.userId) ?? null;
      if (method === 'GET') return json(200, { email: invited?.email ?? null, name: invited?.name ?? null, expiresAt: '2026-12-08T00:00:00.000Z', setup: invitation.setup });
      const password = String(body?.password ?? '');
      if (password.length < 10 || password === 'password123') return refuse(400, 'weak-password', 'Too weak.');
      server.invitations.delete(second);
      const account = invited ?? { id: `u-${nextId++}`, email: String(body?.email), name: String(body?.name), role: 'admin' as const, password: null, createdAt: '2026-04-01T00:00:00.000Z' };
      account.password = password;
      if (!invited) server.users.push(account);
      return signedIn(account);
    }
    if (first === 'users') {
      if (!user) return notSignedIn();
      if (user.role !== 'admin') return refuse(403, 'forbidden', 'Admins only.');
      if (method === 'GET') return json(200, { users: server.users.map((u) => ({ ...publicUser(u), hasPassword: u.password !== null, createdAt: u.createdAt })) });
      if (method === 'DELETE') {
        server.users = server.users.filter((u) => u.id !== second);
        return json(204, null);
      }
      if (server.users.some((u) => u.email === body?.email)) return refuse(409, 'email-taken', 'Taken.');
      const created: FakeUser = { id: `u-${nextId++}`, email: String(body?.email), name: String(body?.name), role: body?.role === 'admin' ? 'admin' : 'staff', password: null, createdAt: '2026-04-01T00:00:00.000Z' };
      server.users.push(created);
      const token = `invite-${created.id}`;
      server.invitations.set(token, { userId: created.id, setup: false });
      return json(201, { user: publicUser(created), invitation: { url: `/invite/${token}`, expiresAt: '2026-12-08T00:00:00.000Z' } });
    }
    if (first !== 'consultations') return refuse(404, 'not-found', 'No such route.');
    if (!second) {
      if (method === 'GET') return json(200, { consultations: server.consultations.filter(visible).map(summary) });
      if (!user) return notSignedIn();
      if (user.role !== 'admin') return refuse(403, 'forbidden', 'Admins only.');
      const slug = String(body?.slug ?? '');
      if (!/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])$/.test(slug)) return refuse(400, 'invalid-consultation', 'Bad slug.', [{ path: 'slug', rule: 'pattern', message: 'slug must be …' }]);
      if (server.consultations.some((c) => c.slug === slug)) return refuse(409, 'slug-taken', 'Taken.');
      const template = body?.template as Record<string, unknown> | undefined;
      if (template && template.format !== 'coplan-consultation-template') return refuse(400, 'invalid-template', 'Bad template.', [{ path: 'format', rule: 'wrong-format', message: 'format must be "coplan-consultation-template"' }]);
      const made = consultation(slug, { title: String(body?.title), summary: String(body?.summary ?? ''), status: 'draft', opensAt: (body?.opensAt as string | null) ?? null, closesAt: (body?.closesAt as string | null) ?? null, ...(template ? { template } : {}) });
      server.consultations.push(made);
      return json(201, detail(made));
    }
    const c = server.consultations.find((x) => x.slug === second);
    if (!c || !visible(c)) return refuse(404, 'consultation-not-found', 'No such consultation.');
    const role = roleIn(c);
    if (!third) {
      if (method === 'GET') return json(200, detail(c));
      if (role !== 'admin' && role !== 'planner') return user ? refuse(403, 'forbidden', 'Planners only.') : notSignedIn();
      const { settings, ...rest } = body ?? {};
      Object.assign(c, rest, settings ? { settings: { ...c.settings, ...(settings as object) } } : {}, rest.status ? { statusChangedAt: '2026-04-02T10:00:00.000Z' } : {});
      return json(200, detail(c));
    }
    if (third === 'template') return json(200, c.template ?? { format: 'coplan-consultation-template', version: 1, title: c.title, summary: c.summary, areas: { type: 'FeatureCollection', features: [] }, themes: [], settings: c.settings });
    if (third === 'members') {
      if (role !== 'admin' && role !== 'planner') return refuse(403, 'forbidden', 'Planners only.');
      if (method === 'GET') return json(200, { members: [...c.members].map(([id, r]) => ({ user: publicUser(server.users.find((u) => u.id === id)!), role: r })) });
      if (method === 'DELETE') c.members.delete(fourth!);
      else c.members.set(fourth!, body?.role as 'planner' | 'facilitator');
      return method === 'DELETE' ? json(204, null) : json(200, { ok: true });
    }
    if (third === 'pins' && method === 'POST') return c.status === 'open' ? refuse(501, 'not-faked', 'Pins are not faked.') : refuse(409, 'consultation-closed', 'This consultation is closed.');
    return refuse(404, 'not-found', 'No such route.');
  }
  return server;
}
