// turns what goes wrong at start into one line that says what is wrong and what to do.

interface SystemError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  path?: string;
}

/**
 * One line for a start-up failure: the common causes (DATA_DIR not writable or missing, a file that is not a
 * database, PostgreSQL unreachable or refusing) named with the fix; anything else as its message.
 * @example
 * startupProblem({ code: 'ECONNREFUSED', address: '127.0.0.1', port: 5432 }, { databaseUrl: 'postgres://db' })
 * // => 'cannot reach PostgreSQL at 127.0.0.1:5432 (ECONNREFUSED): start it, or fix DATABASE_URL'
 */
export function startupProblem(error: unknown, config: { dataDir?: string; databaseUrl?: string | undefined }): string {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SystemError;
  const code = e.code ?? '';
  const message = (e.message ?? String(error)).split('\n')[0]!;
  // openBasemap's errors already name the file and the fix
  if (code === 'BASEMAP_FILE') return message;
  if (config.databaseUrl) {
    if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
      const where = e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : hostOf(config.databaseUrl);
      return `cannot reach PostgreSQL at ${where} (${code}): start it, or fix DATABASE_URL`;
    }
    if (code === '28P01' || code === '28000') return `PostgreSQL refused the login (${message}): fix the user or password in DATABASE_URL`;
    if (code === '3D000') return `PostgreSQL has no such database (${message}): create it, or fix DATABASE_URL`;
    return `PostgreSQL: ${message}`;
  }
  const dir = config.dataDir ?? 'DATA_DIR';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return `DATA_DIR ${dir} cannot be written (${code || message}): make it writable by this user, or set DATA_DIR to a folder that is`;
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') return `DATA_DIR ${dir} does not exist and cannot be made (${code}): create it, or set DATA_DIR to a folder that exists`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `${dir}/coplan.sqlite is not a readable SQLite database (${code}): restore it from a backup, or move it away to start with an empty one`;
  }
  return message;
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}
