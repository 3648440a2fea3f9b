import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `member.code` — the member's 会员码 for the current 30-second window, valid 60 s
 * (`_common/memberCodes.ts`). Round trips: the member (1) · the code's lookup document (1) = 2
 * (+1 the first time an instance reads the secret).
 */
export const code = contractAction('member', 'code', async (_input, ctx: RequestContext) =>
  ctx.services.memberCodes.issue(ctx.openid, ctx.now),
);
