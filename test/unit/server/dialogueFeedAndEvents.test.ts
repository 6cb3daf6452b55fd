// @vitest-environment jsdom
// the Atom feed of answers parses as XML with every text escaped, and answers and comments reach live streams (a
// hidden comment's text never does), over a real socket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asDevice, DEVICE_A, startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';
import { connectSse } from '../../support/sseClient.ts';
import { testConsultation, testPin } from '../../support/serverFixtures.ts';

const C = '/api/consultations/loop';
const XSS = '<img src=x onerror=alert(1)>';
let server: TestServer;
let planner = '';
const asPlanner = (options: InjectOptions): InjectOptions => ({ ...options, headers: { ...options.headers, authorization: `Bearer ${planner}` } });

beforeEach(async () => {
  server = await startTestServer();
  const made = await server.database.createConsultation(testConsultation({ slug: 'loop', title: 'Loop & <town>' }), 'test');
  if (!made.ok) throw new Error('no consultation');
  const here = server.database.consultation(made.consultation.id);
  await here.createPin(testPin({ id: 'p1', title: XSS }));
  await here.createPin(testPin({ id: 'p2', title: 'Bench by the pond' }));
  await here.createPin(testPin({ id: 'p3', title: 'Not answered' }));
  planner = (await server.staff({ loop: 'planner' })).token;
});
afterEach(async () => server.close());

describe('the feed', () => {
  it('is Atom, newest answer first, one entry per answered pin with a stable id, every text escaped', async () => {
    await server.app.inject(asPlanner({ method: 'PUT', url: `${C}/pins/p2/response`, payload: { status: 'done', text: 'Installed ]]> in May' } }));
    await new Promise((r) => setTimeout(r, 5));
    await server.app.inject(asPlanner({ method: 'PUT', url: `${C}/pins/p1/response`, payload: { status: 'planned', text: XSS } }));
    const read = async () => {
      const res = await server.app.inject({ url: `${C}/feed.atom` });
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const doc = new DOMParser().parseFromString(res.body, 'application/xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      return { body: res.body, doc };
    };
    const { body, doc } = await read();
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const entries = [...doc.getElementsByTagName('entry')];
    const field = (e: Element, name: string) => e.getElementsByTagName(name)[0]?.textContent ?? '';
    // the html-typed text, as a feed reader would decode it: entities, never markup
    expect(entries.map((e) => field(e, 'title'))).toEqual(['Planned: &lt;img src=x onerror=alert(1)&gt;', 'Done: Bench by the pond']);
    expect(field(entries[1]!, 'content')).toBe('Installed ]]&gt; in May');
    expect(body).not.toContain(XSS);
    const html = new DOMParser().parseFromString(`<div>${field(entries[0]!, 'title')}</div>`, 'text/html');
    expect(html.querySelector('img')).toBeNull();
    expect(html.body.textContent).toBe(`Planned: ${XSS}`);
    const ids = entries.map((e) => field(e, 'id'));
    expect(ids[0]).toMatch(/^tag:coplan,2026:[0-9a-f-]+:pin:p1$/);
    // stable: a changed answer keeps its entry's id, and moves it to the top
    await server.app.inject(asPlanner({ method: 'PUT', url: `${C}/pins/p2/response`, payload: { status: 'done', text: 'Installed' } }));
    const again = [...(await read()).doc.getElementsByTagName('entry')].map((e) => field(e, 'id'));
    expect(again).toEqual([ids[1], ids[0]]);
  });

  it('leaves out hidden pins', async () => {
    await server.app.inject(asPlanner({ method: 'PUT', url: `${C}/pins/p2/response`, payload: { status: 'done', text: 'Installed' } }));
    await server.app.inject(asPlanner({ method: 'POST', url: `${C}/pins/p2/hide`, payload: { reason: 'test' } }));
    const res = await server.app.inject({ url: `${C}/feed.atom` });
    expect(res.body).not.toContain('Bench');
  });
});

describe('live events', () => {
  it('sends answers and comments, and a hidden comment as its id only, also when replayed', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await connectSse(`${base}${C}/events`);
    await stream.waitFor((e) => e.event === 'ready');
    const from = stream.lastEventId();
    await server.app.inject(asPlanner({ method: 'PUT', url: `${C}/responses`, payload: { ids: ['p1', 'p2'], status: 'received', text: 'Thank you' } }));
    const made = await server.app.inject(asDevice(DEVICE_A, { method: 'POST', url: `${C}/pins/p2/comments`, payload: { text: 'Secret words' } }));
    const answered = await stream.waitFor((e) => e.event === 'pin-answered');
    expect((answered.data as { pin: { properties: { response: { status: string } } } }).pin.properties.response.status).toBe('received');
    const created = await stream.waitFor((e) => e.event === 'comment-created');
    expect(created.data).toMatchObject({ comment: { id: made.json().id, pinId: 'p2', text: 'Secret words' } });
    expect(JSON.stringify(created.data)).not.toContain('author');
    await server.app.inject(asPlanner({ method: 'POST', url: `${C}/pins/p2/comments/${made.json().id}/hide`, payload: { reason: 'test' } }));
    const hidden = await stream.waitFor((e) => e.event === 'comment-hidden');
    expect(hidden.data).toEqual({ id: made.json().id, pinId: 'p2' });
    stream.close();
    const replay = await connectSse(`${base}${C}/events?lastEventId=${from}`);
    await replay.waitFor((e) => e.event === 'ready');
    expect(replay.events.filter((e) => e.event === 'pin-answered')).toHaveLength(2);
    expect(replay.events.some((e) => e.event === 'comment-hidden')).toBe(true);
    expect(replay.raw()).not.toContain('Secret words');
    replay.close();
  });
});
