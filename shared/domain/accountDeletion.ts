import type { RedemptionStatus } from './statuses';

/**
 * Account deletion (`member.deleteAccount`). The first step writes a *deletion mark* on the member
 * document, in a transaction; every transaction of that member reads the document (the functions'
 * account module), so from the mark on each of them refuses with ACCOUNT_DELETING — and one that
 * read the member before the mark conflicts with it and retries into the refusal. Only then is
 * anything removed, so nothing in flight can write under the openid afterwards. The mark carries
 * the anonymous id the member's kept records move to, so a deletion asked again after a crash
 * finishes the same way.
 */
export interface DeletionMark {
  /** When the deletion started (UTC ISO). */
  at: string;
  /** The anonymous id (`anon_` + 24 hex) that replaces the openid in the records kept. */
  anon: string;
}

export const ANON_ID_RE = /^anon_[0-9a-f]{24}$/;

/**
 * The mark of a stored member document; null when there is none. Anything stored there counts
 * (fail closed: a member half deleted never writes again); a mark without a valid anonymous id
 * reads with `anon: ''` and gets one when the deletion is asked again.
 */
export function readDeletionMark(raw: unknown): DeletionMark | null {
  if (raw === undefined || raw === null) return null;
  const { at, anon } = typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { at: typeof at === 'string' ? at : '', anon: typeof anon === 'string' && ANON_ID_RE.test(anon) ? anon : '' };
}

/**
 * What deletion does with each of the member's vouchers:
 * - `keep` a used one: the brand's accounting needs it; it stays, under the anonymous id;
 * - `cancel` one that was not used (issued, expired): as ops would (`redeem.cancel`) — points,
 *   limit and the stock unit back — then it goes;
 * - `remove` one already cancelled.
 */
export type VoucherOnDeletion = 'keep' | 'cancel' | 'remove';

export function voucherOnDeletion(status: RedemptionStatus): VoucherOnDeletion {
  if (status === 'used') return 'keep';
  return status === 'cancelled' ? 'remove' : 'cancel';
}

/** Who cancels a deleted member's unused vouchers, and why (the audited refund entry says so). */
export const DELETION_CANCEL = { by: 'system:deleteAccount', reason: '会员注销账号' } as const;
