import type { Job } from '../_common/jobs';

/** Lookup documents removed per page. */
const CODES_PER_PAGE = 100;
/** Kept a while past their expiry, so a refused scan can still say "expired" rather than "invalid". */
const KEEP_EXPIRED_MS = 10 * 60_000;

/**
 * `memberCodes` — removes the lookup documents of 会员码 expired over 10 minutes ago (a member
 * with the code page open makes one every 30 s). Safe to run twice: it only ever removes
 * documents whose expiry has passed.
 */
export const memberCodes: Job = {
  name: 'memberCodes',
  everyMs: 10 * 60_000,
  async page({ services, now }) {
    const removed = await services.memberCodes.removeExpired(now - KEEP_EXPIRED_MS, CODES_PER_PAGE);
    return { cursor: removed < CODES_PER_PAGE ? null : 'more', handled: removed };
  },
};
