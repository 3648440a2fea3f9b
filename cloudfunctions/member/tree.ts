import { growthTree } from '@shared/domain/growthTree';
import { memberMetrics } from '@shared/domain/progression';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `member.tree` — the growth tree: the nodes the member lit, each node's rule and progress, and
 * what each unlocks ("解锁：…"). Round trips: the member (1).
 */
export const tree = contractAction('member', 'tree', async (_input, ctx: RequestContext) =>
  growthTree(ctx.program, ctx.member.nodes, memberMetrics(ctx.member, ctx.program, ctx.now)),
);
