import { SENDING_LEASE_MS } from '@shared/domain/reminderCredits';
import { addDays, dayOf, toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from '../_common/collections';
import { badgeCounterId, MEMBERS_COUNTER } from '../_common/counters';
import { MAX_PAGE, type Where } from '../_common/db';
import type { Job, JobContext } from '../_common/jobs';

/** Badges recounted per page (one indexed count each, in parallel). */
const BADGES_PER_PAGE = 10;

/**
 * `badgeRarity` — nightly: the rarity counters (`counters` `members` and `badge_<id>`) set to what
 * the members hold, one count on the `badges.id` index per badge. The counters are raised after
 * each awarding transaction commits, so a crash between the two leaves one short; this puts them
 * right. (An award committing during its count may be off by one until the next night.)
 */
export const badgeRarity: Job = {
  name: 'badgeRarity',
  everyMs: 0,
  daily: { at: 4 * 60, until: 6 * 60 },
  async page({ services }, cursor) {
    const { db, counters, content } = services;
    const badges = (await content.program()).badges;
    const from = cursor === null ? 0 : Number(cursor);
    const chunk = badges.slice(from, from + BADGES_PER_PAGE);
    const counts = await Promise.all(chunk.map((b) => db.count(COLLECTIONS.members, { 'badges.id': b._id })));
    await Promise.all(chunk.map((b, i) => counters.set(badgeCounterId(b._id), counts[i])));
    if (from === 0) await counters.set(MEMBERS_COUNTER, await db.count(COLLECTIONS.members, {}));
    const next = from + chunk.length;
    return { cursor: next < badges.length ? String(next) : null, handled: chunk.length };
  },
};

type CleanupStep = 'rateLimits' | 'inviteCaps' | 'lostSends';
const CLEANUP_STEPS: readonly CleanupStep[] = ['rateLimits', 'inviteCaps', 'lostSends'];

/** Up to 100 documents of a step done; answers how many (fewer than 100: the step is finished). */
async function cleanupStep(step: CleanupStep, { services, now }: JobContext): Promise<number> {
  const { db } = services;
  const _ = db.op;
  const ids = async (collection: string, where: Where) =>
    (await db.find<{ _id: string }>(collection, where, { limit: MAX_PAGE, field: { _id: true } })).map((d) => d._id);
  switch (step) {
    case 'rateLimits': {
      // Fixed windows that have ended count nothing any more.
      const over = await ids(COLLECTIONS.rateLimits, { expiresAt: _.lt(toIso(now)) });
      if (over.length) await db.removeWhere(COLLECTIONS.rateLimits, { _id: _.in(over) });
      return over.length;
    }
    case 'inviteCaps': {
      // A day's cap only matters on that day (yesterday's is kept for a run near midnight).
      const old = await ids(COLLECTIONS.inviteCaps, { day: _.lt(addDays(dayOf(now), -1)) });
      if (old.length) await db.removeWhere(COLLECTIONS.inviteCaps, { _id: _.in(old) });
      return old.length;
    }
    case 'lostSends': {
      // A message whose sending never got an answer (the run died): it may have arrived, so it is never sent again.
      const stale = await ids(COLLECTIONS.subscribeSends, { status: 'sending', sendingSince: _.lt(toIso(now - SENDING_LEASE_MS)) });
      if (stale.length)
        await db.updateWhere(COLLECTIONS.subscribeSends, { _id: _.in(stale), status: 'sending' }, { status: 'lost', data: null });
      return stale.length;
    }
  }
}

/**
 * `cleanup` — nightly: rate-limit windows that have ended, invite caps of past days, and reminders
 * whose sending was cut off an hour ago (`lost`), each in pages of 100 by an index.
 */
export const cleanup: Job = {
  name: 'cleanup',
  everyMs: 0,
  daily: { at: 3 * 60 + 30, until: 6 * 60 },
  async page(ctx, cursor) {
    const step = CLEANUP_STEPS.find((s) => s === cursor) ?? CLEANUP_STEPS[0];
    const handled = await cleanupStep(step, ctx);
    if (handled === MAX_PAGE) return { cursor: step, handled };
    const next = CLEANUP_STEPS[CLEANUP_STEPS.indexOf(step) + 1];
    return { cursor: next ?? null, handled };
  },
};
