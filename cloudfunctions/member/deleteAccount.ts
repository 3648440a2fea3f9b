import { createHash } from 'node:crypto';
import { badgeCounterId, MEMBERS_COUNTER } from '../_common/counters';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { randomId } from '../_common/random';
import { DELETE_ACCOUNT_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';

/**
 * `member.deleteAccount` — removes the member's personal data and keeps the ledger anonymised
 * (points issued and spent stay true for the program's figures, tied to no one):
 * - ledger entries: `openid` becomes a random `anon_…` id, `refId` (which embeds openids) is cleared;
 * - invites this member sent stay with the friends, their inviter anonymised the same way;
 * - donations stay with their charity projects (the points were given), `openid` anonymised the
 *   same way (their `_id` is a one-way hash); ops audit entries about them keep who did what and
 *   why, with the member anonymised and the values changed (a birthday) cleared;
 * - birthday, birthday gift, tier-entry rewards, campaigns joined and tree nodes live on the
 *   member record and go with it;
 * - deleted: the member record (with its redemption counts), check-ins, vouchers, the invite that
 *   brought them, their rejected invite attempts, invite card and its image.
 * The member record goes last, so an interrupted deletion can simply be asked again. A later call
 * of any function starts a new, empty membership.
 *
 * Round trips: about 14 (each collection once; deletion is rare).
 */
export const deleteAccount = contractAction('member', 'deleteAccount', async (_input, ctx: RequestContext) => {
  const { openid, member, services } = ctx;
  const { db, counters, cloud } = services;
  await services.rateLimiter.hit('deleteAccount', openid, DELETE_ACCOUNT_RATE, ctx.now);
  const anon = `anon_${randomId()}`;

  await db.updateWhere(COLLECTIONS.ledger, { openid }, { openid: anon, refId: '' });
  await db.updateWhere(COLLECTIONS.invites, { inviter: openid }, { inviter: anon, code: '' });
  await db.updateWhere(COLLECTIONS.members, { invitedBy: openid }, { invitedBy: anon });
  await db.updateWhere(COLLECTIONS.donations, { openid }, { openid: anon });
  await db.updateWhere(COLLECTIONS.opsAudit, { target: openid }, { target: anon, before: null, after: null });
  const card = await db.get<{ fileId?: unknown }>(COLLECTIONS.inviteCards, openid);
  if (card && typeof card.fileId === 'string') {
    await cloud
      .deleteFile({ fileList: [card.fileId] })
      .catch((err: unknown) => console.warn('[deleteAccount] invite card image not deleted', err));
  }
  await Promise.all([
    db.removeWhere(COLLECTIONS.checkins, { openid }),
    db.removeWhere(COLLECTIONS.redemptions, { openid }),
    db.removeWhere(COLLECTIONS.inviteAttempts, { invitee: openid }),
    db.removeWhere(COLLECTIONS.inviteCaps, { inviter: openid }),
    db.remove(COLLECTIONS.invites, openid),
    db.remove(COLLECTIONS.inviteCards, openid),
  ]);
  const removed = await db.remove(COLLECTIONS.members, openid);
  if (removed > 0) {
    await Promise.all(
      [MEMBERS_COUNTER, ...member.badges.map((b) => badgeCounterId(b.id))].map((id) =>
        counters.increment(id, -1).catch((err: unknown) => console.warn(`[deleteAccount] counter ${id} not lowered`, err)),
      ),
    );
  }
  console.info(`[deleteAccount] member ${createHash('sha256').update(openid).digest('hex').slice(0, 12)} deleted`);
  return { deleted: true as const };
});
