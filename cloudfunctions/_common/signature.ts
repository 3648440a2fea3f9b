import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a caller of an HTTP-access function (the brand's systems calling `partner`) proves itself:
 * `x-mc-timestamp` (unix seconds) and `x-mc-signature` = hex HMAC-SHA256(secret,
 * `${timestamp}.${rawBody}`). The signature covers the exact bytes sent, so a body changed in
 * transit (or a signature lifted onto another body) fails; the timestamp must be within
 * `SIGNATURE_TOLERANCE_S` of the function's clock, so an old request cannot be replayed later
 * (replaying a fresh one within the window is harmless: orders and refunds are idempotent).
 */
export const SIGNATURE_TOLERANCE_S = 300;

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'bad';

export function signBody(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export function checkSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowMs: number;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, nowMs } = input;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-fA-F]{64}$/.test(signature)) return 'bad';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_S) return 'stale';
  const expected = Buffer.from(signBody(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? 'ok' : 'bad';
}
