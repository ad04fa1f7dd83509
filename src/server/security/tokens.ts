/** Secrets for drills: 128-bit tokens (stored only as hashes), join codes, drill ids. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A random 128-bit token, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Tokens are stored as SHA-256 hashes: a copied database hands out no live credentials. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashToken(given));
  const b = Buffer.from(hashToken(expected));
  return timingSafeEqual(a, b);
}

export function newDrillId(): string {
  return randomBytes(9).toString('base64url');
}

/** A 6-digit join code from `crypto`, not already in use by an open drill. */
export function newJoinCode(inUse: (code: string) => boolean): string {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!inUse(code)) return code;
  }
}
