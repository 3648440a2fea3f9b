import { createHash } from 'node:crypto';
import { AppError } from '@shared/errors';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, type Database } from './db';

export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
}

/** How often a staff member may try voucher codes (codes are 12 of 31 symbols: unguessable at this rate). */
export const VERIFY_RATE: RateLimit = { limit: 30, windowMs: 60_000 };
/** Profile edits each pass WeChat's content check. */
export const PROFILE_RATE: RateLimit = { limit: 10, windowMs: 60_000 };
/** Deleting and re-joining over and over would reset "new member" status. */
export const DELETE_ACCOUNT_RATE: RateLimit = { limit: 3, windowMs: 86_400_000 };

/**
 * Fixed-window rate limits kept in `rate_limits`: one counter document per scope, caller and
 * window, raised with a conditional `inc` (one round trip in the common case). The caller's id is
 * hashed so the documents hold no openid (they outlive a deleted account for a day).
 */
export class RateLimiter {
  constructor(private readonly db: Database) {}

  async hit(scope: string, who: string, rate: RateLimit, now: number): Promise<void> {
    const _ = this.db.op;
    const window = Math.floor(now / rate.windowMs);
    const key = createHash('sha256').update(`${scope}:${who}`).digest('hex').slice(0, 24);
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
