/** The `redeem` cloud function: packs, redemption, the member's vouchers, staff verification. */
import type { RedemptionStatus } from '@shared/domain/statuses';
import { callFunction } from './cloud/callFunction';

export const redeemService = {
  list: () => callFunction('redeem', 'list', {}),
  /** `requestId` makes a retry of the same confirm charge once (see `newRequestId`). */
  redeem: (packId: string, requestId: string) => callFunction('redeem', 'redeem', { packId, requestId }),
  mine: (status?: RedemptionStatus, cursor?: string | null, limit = 20) =>
    callFunction('redeem', 'mine', { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}), limit }),
  verify: (voucherCode: string) => callFunction('redeem', 'verify', { voucherCode }),
  /** Staff: pack, member and status of a voucher before confirming; changes nothing. */
  peek: (voucherCode: string) => callFunction('redeem', 'peek', { voucherCode }),
};
