import { growthTree } from '@shared/domain/growthTree';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/** `member.tree` — the growth tree for the member's lifetime growth. Round trips: the member (1). */
export const tree = contractAction('member', 'tree', async (_input, ctx: RequestContext) =>
  growthTree(ctx.program.tree_nodes, ctx.member.growth),
);
