import { AppError } from '@shared/errors';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, type Database } from './db';
import type { Secrets } from './secrets';

export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
}

/** How often a staff member may try voucher codes (codes are 12 of 31 symbols: unguessable at this rate). */
export const VERIFY_RATE: RateLimit = { limit: 30, windowMs: 60_000 };
/**
 * How often a staff member may look member codes up (event check-in): 18-digit codes alive for
 * 60 s each, at 30 lookups a minute — guessing one is hopeless (`shared/domain/memberCode.ts`).
 */
export const MEMBER_CODE_RATE: RateLimit = { limit: 30, windowMs: 60_000 };
/** Profile edits each pass WeChat's content check. */
export const PROFILE_RATE: RateLimit = { limit: 10, windowMs: 60_000 };
/** A deletion walks every collection the member is in: a few a day are plenty. */
export const DELETE_ACCOUNT_RATE: RateLimit = { limit: 3, windowMs: 86_400_000 };
/** A member binds once; each refusal writes an `invite_attempts` row and counts in the ops figures. */
export const INVITE_BIND_RATE: RateLimit = { limit: 10, windowMs: 86_400_000 };

/**
 * Fixed-window rate limits kept in `rate_limits`: one counter document per scope, caller and
 * window, raised with a conditional `inc` (one round trip in the common case). The caller's id is
 * an HMAC under the environment's `rateLimits` secret, so the documents hold no openid and cannot
 * be tied to one without the secret (they outlive a deleted account for up to a day).
 */
export class RateLimiter {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
  ) {}

  async hit(scope: string, who: string, rate: RateLimit, now: number): Promise<void> {
    const _ = this.db.op;
    const window = Math.floor(now / rate.windowMs);
    const key = (await this.secrets.hmac('rateLimits', `${scope}:${who}`)).slice(0, 24);
    const id = `${scope}_${key}_${window}`;
    const raise = () => this.db.updateWhere(COLLECTIONS.rateLimits, { _id: id, count: _.lt(rate.limit) }, { count: _.inc(1) });
    if ((await raise()) > 0) return;
    try {
      await this.db.add(COLLECTIONS.rateLimits, {
        _id: id,
        scope,
        count: 1,
        expiresAt: new Date((window + 1) * rate.windowMs).toISOString(),
      });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    // The window's document exists: either it is full, or a parallel call just created it.
    if ((await raise()) > 0) return;
    throw new AppError('RATE_LIMITED');
  }
}
