import { PARTNER_ERRORS } from '@shared/contracts/actionErrors';
import type { ErrorCode } from '@shared/errors';
import { createHttpFunction } from '../_common/function';
import { recordCall } from './calls';
import { ordersRoute } from './orders';
import { refundsRoute } from './refunds';

/**
 * `partner` — the brand's shop and store systems report orders and refunds over CloudBase's HTTP
 * access service, signed with `PARTNER_SECRET` from this function's environment (how to call it:
 * `content/DEPLOY.md`). Never called by the mini-program: a call carrying a member identity is refused.
 */
export const main = createHttpFunction('partner', 'PARTNER_SECRET', (services) => ({
  routes: { orders: ordersRoute(services), refunds: refundsRoute(services) },
  statusOf: (code: ErrorCode) => (PARTNER_ERRORS as Partial<Record<ErrorCode, number>>)[code] ?? (code === 'FORBIDDEN' ? 403 : 500),
  record: recordCall(services.db),
}));
