import { toIso } from '@shared/time/shanghai';
import { effectiveVoucherStatus } from '@shared/domain/voucher';
import { AppError } from '@shared/errors';
import { contractAction } from '../_common/entry';
import { VERIFY_RATE } from '../_common/rateLimit';
import type { RedemptionDoc } from '../_common/redemptions';
import type { RequestContext } from '../_common/services';

/**
 * `redeem.verify` `{voucherCode}` — staff with role `verifier` mark a voucher used, once. Every
 * attempt counts toward the staff member's rate limit (so codes cannot be guessed at a till).
 * The conditional update (`status: 'issued'` and not expired) makes two simultaneous scans of the
 * same code succeed once; the other learns it was already used, and when.
 *
 * Round trips: the staff record, the caller's member, the rate limit, the voucher, the update,
 * the owner's nickname (6).
 */
export const verify = contractAction('redeem', 'verify', async ({ voucherCode }, ctx: RequestContext) => {
  const { openid, now, services } = ctx;
  const staff = await services.staff.require(openid, 'verifier');
  await services.rateLimiter.hit('verify', openid, VERIFY_RATE, now);

  const found = await services.redemptions.byVoucherCode(voucherCode);
  if (!found) throw new AppError('NOT_FOUND', '没有找到这张券，请核对券码');
  const fail = (doc: RedemptionDoc): never => {
    const status = effectiveVoucherStatus(doc.status, doc.expiresAt, now);
    if (status === 'used') throw new AppError('ALREADY_USED', undefined, { usedAt: doc.usedAt });
    if (status === 'expired') throw new AppError('EXPIRED', undefined, { expiresAt: doc.expiresAt });
    throw new AppError('NOT_FOUND', '这张券已作废', { status });
  };
  const iso = toIso(now);
  if (effectiveVoucherStatus(found.status, found.expiresAt, now) !== 'issued') fail(found);

  if (!(await services.redemptions.markUsed(found._id, now, openid, staff.storeId))) {
    const now2 = await services.redemptions.get(found._id);
    if (!now2) throw new AppError('NOT_FOUND');
    fail(now2);
  }
  const owner = await services.members.get(found.openid);
  return { code: found.voucherCode, packId: found.packId, packTitle: found.packTitle, usedAt: iso, memberNickname: owner?.nickname ?? '' };
});
