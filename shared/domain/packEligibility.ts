import type { BenefitPackDoc } from '../content/benefitPacks';
import type { LimitPeriod, TierId } from '../content/ids';
import { toIso, toMs, type Instant } from '../time/shanghai';
import { isBirthdayMonth } from './birthday';
import { isOpenAt, nextOpening } from './packSchedule';
import { periodResetsAt } from './period';
import { tierAtLeast } from './tiers';

export type IneligibleReason =
  | 'TIER_TOO_LOW'
  | 'NODE_REQUIRED'
  | 'BADGE_REQUIRED'
  | 'NOT_BIRTHDAY_MONTH'
  | 'INSUFFICIENT_POINTS'
  | 'OUT_OF_STOCK'
  | 'LIMIT_REACHED'
  | 'NOT_AVAILABLE_NOW';

export interface IneligibleDetail {
  /** TIER_TOO_LOW: the pack's minimum tier. */
  requiredTier?: TierId;
  /** INSUFFICIENT_POINTS: points still missing. */
  missingPoints?: number;
  /** NOT_AVAILABLE_NOW: the next opening (ISO), or null when it will not open again. */
  opensAt?: string | null;
  /** NOT_AVAILABLE_NOW: the end of a campaign that is over (ISO). */
  endedAt?: string;
  /** LIMIT_REACHED: the limit, its period and when the next period starts (null: campaign). */
  limit?: number;
  period?: LimitPeriod;
  resetsAt?: string | null;
  /** NODE_REQUIRED: the tree node to light. */
  nodeId?: string;
  /** BADGE_REQUIRED: the badge to earn. */
  badgeId?: string;
  /** NOT_BIRTHDAY_MONTH: whether the member has set a birthday at all. */
  birthdaySet?: boolean;
}

/** What a member did that packs may require (`benefit_packs.requires`). */
export interface MemberAchievements {
  badgeIds: readonly string[];
  nodeIds: readonly string[];
  /** true in the birthday month, false outside it, null when no birthday is set. */
  birthdayMonth: boolean | null;
}

export function memberAchievements(
  member: { badges: ReadonlyArray<{ id: string }>; nodes: ReadonlyArray<{ id: string }>; birthday: string | null },
  now: Instant,
): MemberAchievements {
  return {
    badgeIds: member.badges.map((b) => b.id),
    nodeIds: member.nodes.map((n) => n.id),
    birthdayMonth: member.birthday === null ? null : isBirthdayMonth(member.birthday, now),
  };
}

export type PackEligibility = { eligible: true } | { eligible: false; reason: IneligibleReason; detail: IneligibleDetail };

export interface EligibilityContext {
  memberTier: TierId;
  points: number;
  now: Instant;
  /** This member's redemptions of this pack in the current limit period. */
  usedInPeriod: number;
  /** Units left; null = unlimited. */
  stockLeft: number | null;
  achievements: MemberAchievements;
}

/**
 * Whether a member can redeem a pack now, and if not the one reason to show. Precedence (first
 * match wins), from "nothing will change that" to "you can fix it yourself":
 *  1. NOT_AVAILABLE_NOW with `endedAt` — the pack is off the shelf or its campaign is over;
 *  2. TIER_TOO_LOW — the pack is not for this tier (tells the member which tier it takes);
 *  2b. NODE_REQUIRED, BADGE_REQUIRED, NOT_BIRTHDAY_MONTH — the pack is for members who lit a
 *     tree node, earned a badge, or are in their birthday month (`requires`, in that order);
 *  3. OUT_OF_STOCK — gone for everyone, so no point in waiting for opening hours;
 *  4. LIMIT_REACHED — this member already had their share this period;
 *  5. NOT_AVAILABLE_NOW with `opensAt` — not started yet or outside its weekly hours;
 *  6. INSUFFICIENT_POINTS — last, so a member is only told to save points for a pack they
 *     could otherwise have right now.
 * `redeem.redeem` must answer with the same code, so the list and the action never disagree.
 */
export function packEligibility(pack: BenefitPackDoc, ctx: EligibilityContext): PackEligibility {
  const now = toMs(ctx.now);
  if (!pack.active) return { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: null } };
  if (pack.endAt !== null && now >= toMs(pack.endAt)) {
    return { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: null, endedAt: toIso(pack.endAt) } };
  }
  if (!tierAtLeast(ctx.memberTier, pack.minTier)) {
    return { eligible: false, reason: 'TIER_TOO_LOW', detail: { requiredTier: pack.minTier } };
  }
  const requires = pack.requires;
  if (requires) {
    const a = ctx.achievements;
    if (requires.nodeId !== undefined && !a.nodeIds.includes(requires.nodeId)) {
      return { eligible: false, reason: 'NODE_REQUIRED', detail: { nodeId: requires.nodeId } };
    }
    if (requires.badgeId !== undefined && !a.badgeIds.includes(requires.badgeId)) {
      return { eligible: false, reason: 'BADGE_REQUIRED', detail: { badgeId: requires.badgeId } };
    }
    if (requires.birthdayMonth && a.birthdayMonth !== true) {
      return { eligible: false, reason: 'NOT_BIRTHDAY_MONTH', detail: { birthdaySet: a.birthdayMonth !== null } };
    }
  }
  if (ctx.stockLeft !== null && ctx.stockLeft <= 0) return { eligible: false, reason: 'OUT_OF_STOCK', detail: {} };
  if (ctx.usedInPeriod >= pack.perMemberLimit) {
    return {
      eligible: false,
      reason: 'LIMIT_REACHED',
      detail: { limit: pack.perMemberLimit, period: pack.limitPeriod, resetsAt: periodResetsAt(pack.limitPeriod, now) },
    };
  }
  if (!isOpenAt(pack, now)) {
    const opensAt = nextOpening(pack, now);
    const detail: IneligibleDetail = { opensAt };
    if (opensAt === null && pack.endAt !== null) detail.endedAt = toIso(pack.endAt);
    return { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail };
  }
  if (ctx.points < pack.cost) {
    return { eligible: false, reason: 'INSUFFICIENT_POINTS', detail: { missingPoints: pack.cost - ctx.points } };
  }
  return { eligible: true };
}

/** Whether a pack belongs in `redeem.list`: on the shelf and not over (upcoming ones show). */
export function isPackListed(pack: BenefitPackDoc, now: Instant): boolean {
  return pack.active && (pack.endAt === null || toMs(now) < toMs(pack.endAt));
}
