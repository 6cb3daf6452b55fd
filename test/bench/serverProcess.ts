// starts `src/server/main.ts` as a child process on a free loopback port, for the load and crash tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** the admin a bench server starts with (COPLAN_ADMIN_EMAIL / COPLAN_ADMIN_PASSWORD) */
export const BENCH_ADMIN = { email: 'bench@coplan.test', password: 'bench admin secret 2026' };
export const REPO = path.resolve(import.meta.dirname, '../..');

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait */
  stop(): Promise<void>;
  /** SIGKILL: no chance to flush or clean up */
  kill(): Promise<void>;
}

/**
 * `nodeArgs`: extra options for node itself (e.g. --cpu-prof, which NODE_OPTIONS may not carry); `root`: another
 * checkout to run the server of (a benchmark's "before"), this one by default
 */
export async function startServerProcess(env: Record<string, string>, port: number, options: { nodeArgs?: readonly string[]; root?: string } = {}): Promise<ServerProcess> {
  const root = options.root ?? REPO;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG: '0', TILE_URL: '', COPLAN_ADMIN_EMAIL: BENCH_ADMIN.email, COPLAN_ADMIN_PASSWORD: BENCH_ADMIN.password, PIN_RATE_LIMIT: '0', PIN_RATE_LIMIT_PER_ADDRESS: '0', CONSULTATION_WRITE_LIMIT: '0', WRITE_RATE_LIMIT: '0', WRITE_RATE_LIMIT_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /api/health within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
