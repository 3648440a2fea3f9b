import { randomBytes } from '@/platform/random';

const HEX = '0123456789abcdef';

/**
 * A fresh idempotency key for one confirmed redeem: 128 random bits as 32 hex characters
 * (`requestIdSchema` accepts 8–64 of `[A-Za-z0-9_-]`). A new one per confirm, the same one for
 * any retry of that confirm, so a double tap or a network retry charges once.
 */
export async function newRequestId(): Promise<string> {
  const bytes = await randomBytes(16);
  let out = '';
  for (const b of bytes) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}
