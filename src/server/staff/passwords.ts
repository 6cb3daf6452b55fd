// staff passwords: hashed with argon2id (memory-hard, @node-rs/argon2), checked for strength when they are set.
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** the most guessed passwords of at least PASSWORD_MIN characters, and words that make a password guessable here */
const COMMON = ['password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'coplan', 'council', 'changeme', 'monkey', 'dragon', 'football', 'sunshine', 'princess', 'trustno1', 'abc123', 'baseball', 'superman', 'starwars'];
const SEQUENCES = ['0123456789', '1234567890', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Why a staff password is too weak, or null: at least 10 characters, not mostly one character or a keyboard run, and
 * not a common password or the person's own e-mail or name with a few characters added.
 * @example
 * passwordProblem('correct horse battery', { email: 'sam@council.gov.uk', name: 'Sam' }) // => null
 * passwordProblem('password123', { email: 'a@b.c', name: 'A' }) // => 'a common password …'
 */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (password.length < PASSWORD_MIN) return `the password must have at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `the password must have at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'the password needs more than a few different characters';
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  if (alnum.length >= 6 && SEQUENCES.some((run) => run.includes(alnum) || run.includes(alnum.slice(0, -1)) || run.includes(alnum.slice(1)))) {
    return 'a run of keys or digits is guessed at once; choose another';
  }
  // what is left once guessable words and punctuation are taken out: a few characters, or a year, is guessed early
  const tooLittleLeft = (words: readonly string[]) => {
    const rest = words.reduce((r, w) => (w.length >= 3 ? r.split(w).join('') : r), alnum);
    return rest.length < 4 || (/^\d+$/.test(rest) && rest.length < 6);
  };
  if (tooLittleLeft(COMMON.map((w) => w.replace(/[^a-z0-9]/g, '')))) return 'that is a common password that is guessed first; choose another';
  const own = [...person.email.toLowerCase().split('@')[0]!.split(/[^a-z]+/), ...person.name.toLowerCase().split(/[^a-z]+/)];
  if (tooLittleLeft(own)) return 'the password must not be your name or e-mail with a few characters added';
  return null;
}

/** an argon2id hash with a random salt (the library's defaults: 19 MiB, 2 passes) */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** constant-time check; a malformed stored hash counts as a wrong password, not an error */
export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** a hash of nothing anyone knows, verified when the e-mail is unknown so a wrong e-mail takes as long as a wrong password */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hash(`decoy-${Math.random()}`);
  return decoy;
}
