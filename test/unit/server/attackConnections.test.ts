// point 7 of issue 11: live-event streams, connections and slowly sent bodies are bounded; over a cap the server answers
// 429/503 instead of running out of file descriptors. Real sockets on 127.0.0.x (all of 127/8 is loopback on Linux).
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/serverHarness.ts';
import type { TestServer } from '../../support/serverHarness.ts';

let server: TestServer | null = null;
const sockets: { destroy(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = null;
});

async function listen(connectionLimits: Record<string, number>): Promise<number> {
  server = await startTestServer({ connectionLimits });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  return (server.app.server.address() as net.AddressInfo).port;
}

/** opens GET /api/events from `localAddress`; resolves with the status once the head arrives (the stream stays open) */
function openStream(port: number, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', localAddress, agent: false }, (res) => {
      sockets.push(res.socket);
      resolve(res.statusCode ?? 0);
      if (res.statusCode !== 200) res.resume();
    });
    req.on('error', reject);
    sockets.push(req);
  });
}

describe('connection bounds', () => {
  it('caps live-event streams per address (429) and in total (503)', async () => {
    const port = await listen({ streamsPerAddress: 3, streamsTotal: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await openStream(port, '127.0.0.1'));
    console.log(`streams from one address: ${statuses.filter((s) => s === 200).length} of 5 accepted (${statuses.join(', ')})`);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const others = [await openStream(port, '127.0.0.2'), await openStream(port, '127.0.0.3'), await openStream(port, '127.0.0.4')];
    console.log(`streams from other addresses past the total of 5: ${others.join(', ')}`);
    expect(others).toEqual([200, 200, 503]);
  });

  it('frees a stream slot when the client goes away', async () => {
    const port = await listen({ streamsPerAddress: 1, streamsTotal: 10 });
    expect(await openStream(port, '127.0.0.1')).toBe(200);
    expect(await openStream(port, '127.0.0.1')).toBe(429);
    for (const s of sockets.splice(0)) s.destroy();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 40));
      status = await openStream(port, '127.0.0.1');
    }
    expect(status).toBe(200);
  });

  it('answers 503 to connections over the cap, before reading their request', async () => {
    const port = await listen({ connections: 10 });
    const held: net.Socket[] = [];
    for (let i = 0; i < 10; i++) {
      const s = net.connect({ port, host: '127.0.0.1' });
      await new Promise((r) => s.once('connect', r));
      held.push(s);
      sockets.push(s);
    }
    // give the server a moment to count them
    await new Promise((r) => setTimeout(r, 100));
    const extra = net.connect({ port, host: '127.0.0.1' });
    sockets.push(extra);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      extra.on('data', (d) => (text += d.toString()));
      extra.on('close', () => resolve(text));
      extra.on('error', () => resolve(text));
    });
    console.log(`connection 11 of a cap of 10 got: ${answer.split('\r\n')[0]} (${answer.length} bytes)`);
    expect(answer.startsWith('HTTP/1.1 503')).toBe(true);
    expect(answer).toContain('"server-busy"');
    // and a connection freed lets the next one in
    held[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });

  it('cuts off a slowly sent body with 408 at the request timeout', async () => {
    const port = await listen({ requestTimeoutMs: 1000 });
    const s = net.connect({ port, host: '127.0.0.1' });
    sockets.push(s);
    await new Promise((r) => s.once('connect', r));
    const started = Date.now();
    s.write('POST /api/pins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":');
    // one byte a quarter second: never finishes within the timeout
    const drip = setInterval(() => s.writable && s.write(' '), 250);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      s.on('data', (d) => (text += d.toString()));
      s.on('close', () => resolve(text));
      s.on('error', () => resolve(text));
    });
    clearInterval(drip);
    const ms = Date.now() - started;
    console.log(`slow body cut off after ${ms} ms with ${answer.split('\r\n')[0]}`);
    expect(answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(ms).toBeLessThan(4000);
  });
});
