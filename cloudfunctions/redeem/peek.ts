import { effectiveVoucherStatus } from '@shared/domain/voucher';
import { AppError } from '@shared/errors';
import { contractAction } from '../_common/entry';
import { VERIFY_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';

/**
 * `redeem.peek` `{voucherCode}` — what a verifier checks before confirming (核对券码): the pack,
 * the member and the voucher's status. Read-only; it shares verify's rate limit, so looking codes
 * up is no faster a way to guess them than verifying.
 *
 * Round trips: the staff record, the caller's member, the rate limit, the voucher, the owner (5).
 */
export const peek = contractAction('redeem', 'peek', async ({ voucherCode }, ctx: RequestContext) => {
  const { openid, now, services } = ctx;
  await services.staff.require(openid, 'verifier');
  await services.rateLimiter.hit('verify', openid, VERIFY_RATE, now);

  const found = await services.redemptions.byVoucherCode(voucherCode);
  if (!found) throw new AppError('NOT_FOUND', '没有找到这张券，请核对券码');
  const owner = await services.members.get(found.openid);
  return {
    code: found.voucherCode,
    packId: found.packId,
    packTitle: found.packTitle,
    memberNickname: owner?.nickname ?? '',
    status: effectiveVoucherStatus(found.status, found.expiresAt, now),
    expiresAt: found.expiresAt,
    usedAt: found.usedAt ?? null,
  };
});
