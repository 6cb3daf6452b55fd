// a minimal Server-Sent Events reader over node:http, for tests (EventSource is a browser API).
import http from 'node:http';

/** `id`: the stream's last event id when this event arrived, as EventSource's MessageEvent.lastEventId */
export interface SseEvent { event: string; data: unknown; id: string }

export interface SseClient {
  events: SseEvent[];
  /** the last id the stream set, also by a block without data (what EventSource would send back on reconnect) */
  lastEventId(): string;
  /** everything received, as text */
  raw(): string;
  /** resolves with the first event (already received or coming) that matches */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    let lastId = '';
    let raw = '';
    const waiters: (() => void)[] = [];
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        raw += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const id = lines.find((l) => l.startsWith('id: '))?.slice(4);
          if (id !== undefined) lastId = id;
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) {
            events.push({ event, data: JSON.parse(data), id: lastId });
            for (const w of waiters.splice(0)) w();
          }
        }
      });
      resolve({
        events,
        lastEventId: () => lastId,
        raw: () => raw,
        waitFor(match, timeoutMs = 5000) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
            const check = () => {
              const found = events.find(match);
              if (found) {
                clearTimeout(timer);
                ok(found);
              } else waiters.push(check);
            };
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}
