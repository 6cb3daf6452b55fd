// random one-time and sign-in tokens: only their SHA-256 is stored, so a database dump holds no usable token.
import crypto from 'node:crypto';

/** 32 random bytes, URL-safe */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** what the database keeps of a token */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** a token as we hand them out (43 URL-safe characters); anything else is refused before any lookup */
export const SECRET_TOKEN = /^[A-Za-z0-9_-]{43}$/;
