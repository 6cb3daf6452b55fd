// starts a throwaway PostgreSQL cluster for the test run when DATABASE_URL is not given.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempPostgres {
  url: string;
  stop(): void;
}

function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Creates a cluster in a temporary directory with trust auth on loopback.
 * WARNING: initdb refuses to run as root, so as root it runs through `runuser -u postgres`.
 */
export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Install it (apt-get install postgresql) or set DATABASE_URL.');
  }
  const asRoot = process.getuid?.() === 0;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coplan-pg-data-'));
  const sockDir = mkdtempSync(path.join(tmpdir(), 'coplan-pg-sock-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dataDir, sockDir]);
  chmodSync(sockDir, 0o777);
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', '-u', 'postgres', '--', path.join(bin, cmd), ...args] : [path.join(bin, cmd), ...args];
    const result = spawnSync(full[0]!, full.slice(1), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', dataDir, '-l', path.join(sockDir, 'pg.log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockDir} -c fsync=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(sockDir, { recursive: true, force: true });
      }
    },
  };
}
