// one-time voter codes for a shared device at a workshop or library desk: made at random, stored only as keyed hashes.
import crypto from 'node:crypto';

// no 0/O, 1/I/L: a code is read off paper and typed by hand
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = [4, 4, 4];

/**
 * A fresh code, e.g. `7KQM-3XZA-P9RT`: 12 characters of 31, about 59 bits, so guessing one is hopeless at the rate limit.
 * @example
 * newVoterCode() // => 'H4TZ-8MQA-K2WP'
 */
export function newVoterCode(): string {
  const bytes = crypto.randomBytes(GROUPS.reduce((a, b) => a + b, 0) * 2);
  let at = 0;
  return GROUPS.map((n) => Array.from({ length: n }, () => ALPHABET[bytes.readUInt16BE((at++) * 2) % ALPHABET.length]).join('')).join('-');
}

/**
 * The keyed hash a code is stored under; case and dashes do not matter (people type codes as they like).
 * @example
 * voterCodeHash('h4tz8mqak2wp', secret) === voterCodeHash('H4TZ-8MQA-K2WP', secret) // => true
 */
export function voterCodeHash(code: string, secret: string): string {
  const normal = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return crypto.createHmac('sha256', secret).update(`voter-code:${normal}`).digest('hex').slice(0, 40);
}
