import { growthTree } from '@shared/domain/growthTree';
import { memberMetrics } from '@shared/domain/progression';
import { contractAction } from '../_common/entry';
import { refreshMember } from '../_common/refresh';
import type { RequestContext } from '../_common/services';

/**
 * `member.tree` — the growth tree: the nodes the member lit, each node's rule and progress, and
 * what each unlocks ("解锁：…"). A node already due (added by ops since) is lit first, with what it
 * unlocks, as on home. Round trips: the member (1); + a transaction when something is due (rare).
 */
export const tree = contractAction('member', 'tree', async (_input, ctx: RequestContext) => {
  const member = await refreshMember(ctx);
  return growthTree(ctx.program, member.nodes, memberMetrics(member, ctx.program, ctx.now));
});
