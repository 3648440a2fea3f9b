import { accountTransaction } from '../_common/account';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `team.seen {teamId}` — the completion ceremony of that team's reward was shown: its note leaves
 * the member document. Round trips: the member (1) · transaction start, member, member, commit
 * (4); nothing waiting: 1.
 */
export const seen = contractAction('team', 'seen', async ({ teamId }, ctx: RequestContext) => {
  const { member, services } = ctx;
  if (!member.teamRewards.some((n) => n.teamId === teamId)) return { updated: 0 };
  return accountTransaction(services, ctx.program, ctx.now, async (account) => {
    const current = await account.get(ctx.openid);
    const waiting = current.teamRewards.filter((n) => n.teamId === teamId).length;
    if (waiting > 0) account.edit(ctx.openid, (m) => ({ ...m, teamRewards: m.teamRewards.filter((n) => n.teamId !== teamId) }));
    return { updated: waiting };
  });
});
