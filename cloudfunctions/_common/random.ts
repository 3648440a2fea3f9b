import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { RandomBytes } from '@shared/domain/codes';

/** Cryptographically random bytes for invite and voucher codes (never Math.random). */
export const randomBytes: RandomBytes = (size) => cryptoRandomBytes(size);

/** A random document id: 24 hex characters (96 bits), like the cloud's own ids in length class. */
export function randomId(): string {
  return cryptoRandomBytes(12).toString('hex');
}
