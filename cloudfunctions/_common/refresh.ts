import { COLLECTIONS } from './collections';
import { countAwards } from './badgeViews';
import { normalizeMember, type StoredMember } from './members';
import { needsWrite, reevaluate } from './progression';
import type { RequestContext } from './services';

/**
 * Re-evaluates the caller's tier (growth may have left the window since the last write) and
 * badges (ops may have added one the member already qualifies for). Writes only when something
 * changed — in a transaction, like every member write — so a warm home usually costs nothing here.
 */
export async function refreshMember(ctx: RequestContext): Promise<StoredMember> {
  const { member, program, now, services } = ctx;
  if (!needsWrite(member, reevaluate(member, program, now))) return member;
  const result = await services.db.transaction(async (tx) => {
    const raw = await tx.get<unknown>(COLLECTIONS.members, ctx.openid);
    if (!raw) return { member, awarded: [] };
    const before = normalizeMember(raw);
    const after = reevaluate(before, program, now);
    if (needsWrite(before, after)) await tx.set(COLLECTIONS.members, ctx.openid, { ...after.member });
    return { member: after.member, awarded: after.newBadges };
  });
  await countAwards(services.counters, result.awarded);
  return result.member;
}
