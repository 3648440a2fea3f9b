import { DELETION_CANCEL, voucherOnDeletion, type DeletionMark } from '@shared/domain/accountDeletion';
import type { StoredMember } from '@shared/domain/member';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { badgeCounterId, MEMBERS_COUNTER } from '../_common/counters';
import { randomId } from '../_common/random';
import type { RedemptionDoc } from '../_common/redemptions';
import type { RequestContext, Services } from '../_common/services';
import { settleHold } from '../_common/stock';
import { cancelVoucher } from '../_common/voucherCancel';

/**
 * The steps of `member.deleteAccount`, in the order it takes them (each safe to run again: a
 * deletion that died half way is finished by asking again). What stays afterwards holds no
 * openid: the anonymised ledger, orders, refunds and event attendances, used vouchers (the brand's
 * accounting), invites and rejected attempts of other members with the inviter anonymised,
 * donations, ops audit entries, and the salted hash of the openid.
 */

/** Pack documents read per page while looking for the member's stock holds (content collections are small). */
const PACKS_PER_PAGE = 100;

/**
 * Step 1: the deletion mark, in a transaction on the member document (the one a previous attempt
 * wrote is kept, with its anonymous id). From its commit on, every transaction of the member
 * refuses (`Account`), and every call is refused before it runs (`requestPreparer`).
 */
export async function markDeleting(ctx: RequestContext): Promise<{ mark: DeletionMark; member: StoredMember }> {
  const { openid, now, program, services } = ctx;
  return accountTransaction(
    services,
    program,
    now,
    async (account) => {
      const member = await account.get(openid);
      if (member.deleting?.anon) return { mark: member.deleting, member };
      const mark: DeletionMark = { at: toIso(now), anon: `anon_${randomId()}` };
      return { mark, member: account.edit(openid, (m) => ({ ...m, deleting: mark })) };
    },
    { deleting: openid },
  );
}

/**
 * Step 2: units of stock the member's calls still hold. No redemption of theirs can commit any
 * more, so each is settled at once: released if a voucher consumed it (the voucher is handled
 * next), given back if not. A call that takes a unit after this refuses and gives it back itself.
 */
export async function settleMemberHolds(services: Services, openid: string): Promise<void> {
  for (let after = ''; ;) {
    const packs = await services.stock.holdsPage(after, PACKS_PER_PAGE);
    for (const { packId, holds } of packs) {
      for (const [redemptionId, hold] of holds) {
        if (hold.o === openid) await settleHold(services, packId, redemptionId, hold, Date.now(), true);
      }
    }
    if (packs.length < PACKS_PER_PAGE) return;
    after = packs[packs.length - 1].packId;
  }
}

/**
 * Step 3: the member's vouchers. Unused ones are cancelled as ops would (`cancelVoucher`: points,
 * limit and stock unit back, in one transaction) and then removed with the cancelled ones; used
 * ones stay for the brand's accounting, moved to `<anon>_<requestId>` with the anonymous id as
 * owner (one transaction each, so a voucher is never both or neither).
 */
export async function settleVouchers(ctx: RequestContext, anon: string): Promise<void> {
  const { openid, now, program, services } = ctx;
  const { db } = services;
  const vouchers = await db.pages<RedemptionDoc>(COLLECTIONS.redemptions, { openid }, 100_000);
  for (const voucher of vouchers) {
    if (voucherOnDeletion(voucher.status) !== 'cancel') continue;
    await accountTransaction(services, program, now, (account) => cancelVoucher(account, voucher._id, DELETION_CANCEL), {
      deleting: openid,
    }).catch((err: unknown) => {
      // Verified at the till meanwhile: it is kept like any used voucher.
      if (!(err instanceof AppError && err.code === 'ALREADY_USED')) throw err;
    });
  }
  await db.removeWhere(COLLECTIONS.redemptions, { openid, status: db.op.neq('used') });
  for (const used of await db.pages<RedemptionDoc>(COLLECTIONS.redemptions, { openid }, 100_000)) {
    await db.transaction(async (tx) => {
      const doc = await tx.get<RedemptionDoc>(COLLECTIONS.redemptions, used._id);
      if (!doc) return;
      await tx.remove(COLLECTIONS.redemptions, doc._id);
      const id = `${anon}_${doc.requestId}`;
      await tx.set(COLLECTIONS.redemptions, id, { ...doc, _id: id, openid: anon });
    });
  }
}

/**
 * Step 4: the openid in other members' records and in what stays. The ledger moves to the
 * anonymous id with its references cleared (so the program's figures stay true, tied to no one),
 * and so do the member's orders (with their first answer) and event attendances,
 * as does the inviter's reward entry that named this member; invites this member sent and the
 * attempts to use their code keep their figures with the inviter anonymised and the code
 * cleared; the invite that brought them stays in the inviter's list (as 已注销会员) under a new
 * random id, so the inviter's totals still match their ledger. Donations stay with their charity
 * projects (the points were given; their `_id` is a one-way hash), the donor anonymised; ops audit
 * entries about the member keep who did what and why, with the member anonymised and the values
 * changed (a birthday, a balance, roles) cleared. What the member did as staff — audit lines they
 * wrote (`who`), ledger corrections (`by`), vouchers they verified (`usedBy`), event check-ins they
 * made (`by`) — is the brand's record of its staff and stays as it is, like the `staff` document
 * (the back office names them 已注销员工 once neither record is left).
 */
export async function anonymiseReferences(services: Services, member: StoredMember, anon: string): Promise<void> {
  const { db } = services;
  const openid = member._id;
  await db.updateWhere(COLLECTIONS.ledger, { openid }, { openid: anon, refId: '' });
  // Orders and event attendance are the brand's records: they stay, tied to no one.
  await services.orders.anonymise(openid, anon);
  await services.attendance.anonymise(openid, anon);
  await db.updateWhere(COLLECTIONS.invites, { inviter: openid }, { inviter: anon, code: '' });
  await db.updateWhere(COLLECTIONS.members, { invitedBy: openid }, { invitedBy: anon });
  await db.updateWhere(COLLECTIONS.inviteAttempts, { inviter: openid }, { inviter: anon, code: '' });
  await db.updateWhere(COLLECTIONS.donations, { openid }, { openid: anon });
  await db.updateWhere(COLLECTIONS.opsAudit, { target: openid }, { target: anon, before: null, after: null });
  const invite = await db.get<{ inviter?: unknown }>(COLLECTIONS.invites, openid);
  if (!invite) return;
  // The inviter's reward entry names the invitee in `refId` (not the inviter's balance: a plain update).
  if (typeof invite.inviter === 'string')
    await db.updateWhere(COLLECTIONS.ledger, { openid: invite.inviter, refId: openid }, { refId: '' });
  await db.transaction(async (tx) => {
    const current = await tx.get<Record<string, unknown>>(COLLECTIONS.invites, openid);
    if (!current) return;
    await tx.remove(COLLECTIONS.invites, openid);
    await tx.set(COLLECTIONS.invites, `anon_${randomId()}`, current);
  });
}

/**
 * Step 5: what is the member's alone — check-ins, their own rejected invite attempts, invite caps,
 * their rows of the invite leaderboard, the invite card and its image, their 会员码 lookups, their
 * reminder credits and the record of messages sent to them (no reminder can be reserved for them
 * after the mark: that transaction reads the member) — and last the member document (pending
 * purchase points and a refund debt go with it), with the counters it was in.
 * The document goes last, so an interrupted deletion can be asked again.
 */
export async function removeMemberData(services: Services, member: StoredMember): Promise<void> {
  const { db, counters, cloud } = services;
  const openid = member._id;
  const card = await db.get<{ fileId?: unknown }>(COLLECTIONS.inviteCards, openid);
  if (card && typeof card.fileId === 'string') {
    await cloud
      .deleteFile({ fileList: [card.fileId] })
      .catch((err: unknown) => console.warn('[deleteAccount] invite card image not deleted', err));
  }
  await Promise.all([
    db.removeWhere(COLLECTIONS.checkins, { openid }),
    db.removeWhere(COLLECTIONS.inviteAttempts, { invitee: openid }),
    db.removeWhere(COLLECTIONS.inviteCaps, { inviter: openid }),
    db.removeWhere(COLLECTIONS.inviteMonths, { inviter: openid }),
    db.remove(COLLECTIONS.inviteCards, openid),
    db.removeWhere(COLLECTIONS.subscribeCredits, { openid }),
    db.removeWhere(COLLECTIONS.subscribeSends, { openid }),
    db.removeWhere(COLLECTIONS.memberCodes, { openid }),
  ]);
  if ((await db.remove(COLLECTIONS.members, openid)) === 0) return;
  await Promise.all(
    [MEMBERS_COUNTER, ...member.badges.map((b) => badgeCounterId(b.id))].map((id) =>
      counters.increment(id, -1).catch((err: unknown) => console.warn(`[deleteAccount] counter ${id} not lowered`, err)),
    ),
  );
}
