import { decodeCursor, encodeCursor } from '@shared/contracts/common';
import type { RedemptionStatus } from '@shared/domain/statuses';
import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from '../_common/collections';
import type { DbCommand } from '../_common/sdk';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { voucherView, type RedemptionDoc } from './redemptions';

const DEFAULT_PAGE = 20;

/** The stored statuses behind a shown status: an `issued` voucher past its expiry shows as `expired`. */
function statusFilter(_: DbCommand, status: RedemptionStatus | undefined, nowIso: string): Record<string, unknown> | null {
  switch (status) {
    case undefined:
      return null;
    case 'issued':
      return { status: 'issued', expiresAt: _.gt(nowIso) };
    case 'expired':
      return _.or({ status: 'expired' }, { status: 'issued', expiresAt: _.lte(nowIso) }) as Record<string, unknown>;
    default:
      return { status };
  }
}

/** `redeem.mine` — the member's vouchers, newest first, paged on `(createdAt, _id)`; expired ones marked. */
export const mine = contractAction('redeem', 'mine', async ({ status, cursor, limit }, ctx: RequestContext) => {
  const { openid, now, services } = ctx;
  const _ = services.db.command;
  const size = limit ?? DEFAULT_PAGE;
  const at = cursor ? decodeCursor(cursor) : null;
  const parts: Array<Record<string, unknown>> = [{ openid }];
  const byStatus = statusFilter(_, status, toIso(now));
  if (byStatus) parts.push(byStatus);
  if (at) {
    const iso = toIso(at.createdAtMs);
    parts.push(_.or({ createdAt: _.lt(iso) }, { createdAt: iso, _id: _.lt(at.id) }) as Record<string, unknown>);
  }
  const where = parts.length === 1 ? parts[0] : (_.and(...parts) as Record<string, unknown>);
  const docs = await services.db.find<RedemptionDoc>(COLLECTIONS.redemptions, where, {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: size + 1,
  });
  const shown = docs.slice(0, size);
  const last = shown[shown.length - 1];
  return {
    vouchers: shown.map((d) => voucherView(d, now)),
    nextCursor: docs.length > size && last ? encodeCursor(Date.parse(last.createdAt), last._id) : null,
  };
});
