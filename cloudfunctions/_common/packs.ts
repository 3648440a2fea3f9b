import type { BenefitPackDoc } from '@shared/content/benefitPacks';
import type { TierId } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { PackView } from '@shared/contracts/redeem';
import { packEligibility, type MemberAchievements } from '@shared/domain/packEligibility';
import { dateWindowText, scheduleText } from '@shared/domain/packSchedule';
import type { StoredMember } from '@shared/domain/member';
import { usedInPeriod } from '@shared/domain/redeemCounts';
import { tierName } from '@shared/domain/tiers';
import type { PackStock } from './stock';

/**
 * Live state of packs for one member: stock left, read fresh from the pack documents for every
 * pack shown (a pack cached as unlimited may have been limited in the console a second ago), and
 * this member's redemptions in each pack's current limit period (counted on the member's own
 * document: no read of its own).
 */
export interface PackLiveState {
  stockLeft(pack: BenefitPackDoc): number | null;
  usedInPeriod(pack: BenefitPackDoc): number;
}

export async function packLiveState(
  stock: PackStock,
  member: Pick<StoredMember, 'redeemCounts'>,
  packs: readonly BenefitPackDoc[],
  now: number,
): Promise<PackLiveState> {
  const levels = await stock.levels(packs.map((p) => p._id));
  return {
    stockLeft: (p) => (levels.has(p._id) ? (levels.get(p._id) ?? null) : 0),
    usedInPeriod: (p) => usedInPeriod(member.redeemCounts, p, now),
  };
}

/** What a pack requires, named for the card ("点亮「导师计划」节点后可兑换"). */
function requiresView(pack: BenefitPackDoc, program: Program): PackView['requires'] {
  const r = pack.requires;
  if (!r) return null;
  const node = r.nodeId === undefined ? undefined : program.tree_nodes.find((n) => n._id === r.nodeId);
  const badge = r.badgeId === undefined ? undefined : program.badges.find((b) => b._id === r.badgeId);
  return {
    node: node ? { id: node._id, title: node.title, branchName: node.branchName } : null,
    badge: badge ? { id: badge._id, name: badge.name, icon: badge.icon } : null,
    birthdayMonth: r.birthdayMonth === true,
  };
}

export function packView(
  pack: BenefitPackDoc,
  program: Program,
  member: { tier: TierId; points: number; achievements: MemberAchievements },
  now: number,
  live: PackLiveState,
): PackView {
  const stockLeft = live.stockLeft(pack);
  const usedInPeriod = live.usedInPeriod(pack);
  return {
    id: pack._id,
    title: pack.title,
    description: pack.description,
    image: pack.image,
    scene: pack.scene,
    minTier: pack.minTier,
    minTierName: tierName(program.tiers, pack.minTier),
    cost: pack.cost,
    stockLeft,
    perMemberLimit: pack.perMemberLimit,
    limitPeriod: pack.limitPeriod,
    usedInPeriod,
    scheduleText: scheduleText(pack.schedule),
    dateText: dateWindowText(pack),
    startAt: pack.startAt,
    endAt: pack.endAt,
    voucherDays: pack.voucherDays,
    eligibility: packEligibility(pack, {
      memberTier: member.tier,
      points: member.points,
      now,
      usedInPeriod,
      stockLeft,
      achievements: member.achievements,
    }),
    requires: requiresView(pack, program),
  };
}

export function byShelfOrder(a: BenefitPackDoc, b: BenefitPackDoc): number {
  return a.order - b.order || a._id.localeCompare(b._id);
}
