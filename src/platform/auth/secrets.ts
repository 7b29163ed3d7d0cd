import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable token for a cookie, link or API token. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens are stored only as their hash: a copy of the database does not let anyone sign in. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
