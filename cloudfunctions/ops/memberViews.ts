import type { PointsOutlook } from '@shared/contracts/member';
import type { OpsInviteLine, OpsLedgerEntry, OpsMemberData, OpsVoucher } from '@shared/contracts/ops';
import { LEDGER_KIND_NAMES } from '@shared/domain/ledger';
import { effectiveVoucherStatus } from '@shared/domain/voucher';
import type { InviteDoc } from '../_common/invites';
import type { LedgerDoc } from '../_common/ledger';
import type { RedemptionDoc } from '../_common/redemptions';
import { GONE_MEMBER, GONE_STAFF, type Person } from './people';

/**
 * A member's documents as the back office shows them: in Chinese, with the staff member behind
 * ops' own entries named, and what ops may still do with each (a voucher's `cancellable`).
 */

/** The openids a page of ledger entries names (who made the adjustments and refunds). */
export function ledgerPeople(docs: readonly LedgerDoc[]): string[] {
  return docs.flatMap((d) => (d.by ? [d.by] : []));
}

export function opsLedgerEntry(doc: LedgerDoc, people: ReadonlyMap<string, Person>): OpsLedgerEntry {
  return {
    id: doc._id,
    kindName: LEDGER_KIND_NAMES[doc.kind] ?? '其他',
    points: doc.points,
    growth: doc.growth,
    createdAt: doc.createdAt,
    reason: doc.reason ?? null,
    byName: doc.by ? (people.get(doc.by)?.name ?? GONE_STAFF) : null,
    boost: doc.boost?.title ?? null,
  };
}

export function opsVoucher(doc: RedemptionDoc, now: number): OpsVoucher {
  const status = effectiveVoucherStatus(doc.status, doc.expiresAt, now);
  return {
    id: doc._id,
    packTitle: doc.packTitle,
    cost: doc.cost,
    code: doc.voucherCode,
    status,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    usedAt: doc.usedAt,
    usedStore: doc.usedStore,
    cancelledAt: doc.cancelledAt ?? null,
    cancelReason: doc.cancelReason ?? null,
    gift: doc.gift !== undefined,
    // What `cancelVoucher` accepts: anything not used and not cancelled yet (an expired one gives its points back too).
    cancellable: doc.status !== 'used' && doc.status !== 'cancelled',
  };
}

/** One invite: the other member (`openid`: the invitee in the member's list, the inviter in "invited by"). */
export function inviteLine(doc: InviteDoc, openid: string, people: ReadonlyMap<string, Person>): OpsInviteLine {
  return {
    openid,
    nickname: people.get(openid)?.nickname ?? GONE_MEMBER,
    status: doc.status,
    boundAt: doc.boundAt,
    activatedAt: doc.activatedAt,
    reward: doc.reward,
  };
}

/**
 * What the balance does not show — pending purchase points (with the next day some arrive), a
 * refund debt, the next points to expire within 30 days — worked out as the member's home works
 * it out (`pointsOutlook`), from the member document alone.
 */
export function balanceExtras(outlook: PointsOutlook): Pick<OpsMemberData['balance'], 'pending' | 'debt' | 'expiring'> {
  return {
    pending: outlook.pending > 0 ? { points: outlook.pending, nextDay: outlook.pendingReleaseOn } : null,
    debt: outlook.debt,
    expiring: outlook.expiring && outlook.expiring.points > 0 ? outlook.expiring : null,
  };
}
