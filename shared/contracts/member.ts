import { z } from 'zod';
import type { BadgeRarity, NodeFeature, StaffRole, TierId } from '../content/ids';
import { hasUnsafeText, UNSAFE_NICKNAME_MESSAGE } from '../domain/displayText';
import { isMonthDay } from '../domain/monthDay';
import type { ShownPhase } from '../domain/campaigns';
import type { DowngradeWarning } from '../domain/downgradeWarning';
import type { GrowthTreeView, NextNode, TreeStage } from '../domain/growthTree';
import type { LedgerKind } from '../domain/ledger';
import type { Streak } from '../domain/member';
import type { DayString } from '../time/shanghai';
import { contentIdSchema, cursorSchema, emptyInput, limitSchema, requestIdSchema } from './common';
import type { PackView } from './redeem';
import type { TeamCeremony, TeamProgress } from './team';

// ---- inputs ---------------------------------------------------------------------------------

/** A birthday without a year: `MM-DD` of a real calendar day (29 February allowed). */
export const birthdaySchema = z.string().max(5).refine(isMonthDay, { message: 'invalid birthday' });

export const memberInputs = {
  home: emptyInput,
  badges: emptyInput,
  /** Marks badges as seen after the unlock ceremony; no ids → all earned badges. */
  badgesSeen: z.object({ badgeIds: z.array(contentIdSchema).min(1).max(100).optional() }).strict(),
  tree: emptyInput,
  ledger: z.object({ cursor: cursorSchema.optional(), limit: limitSchema.optional() }).strict(),
  /**
   * Nickname from WeChat's nickname input (≤ 20 characters, no control or bidi characters —
   * staff and friends see it —, checked by `security.msgSecCheck` in the function), the avatar
   * uploaded from `chooseAvatar` (a `cloud://` fileID), the leaderboard opt-in and/or the
   * birthday `MM-DD` (set once; changing it later is `ops.setBirthday`).
   */
  profile: z
    .object({
      nickname: z
        .string()
        .max(20)
        .trim()
        .min(1)
        .refine((v) => !hasUnsafeText(v), { message: UNSAFE_NICKNAME_MESSAGE })
        .optional(),
      /** Appear by nickname on the invite leaderboard (off by default). */
      leaderboardOptIn: z.boolean().optional(),
      avatarFileId: z
        .string()
        .max(512)
        .regex(/^cloud:\/\/[A-Za-z0-9._\-/]+$/)
        .optional(),
      birthday: birthdaySchema.optional(),
    })
    .strict()
    .refine(
      (v) => v.nickname !== undefined || v.avatarFileId !== undefined || v.leaderboardOptIn !== undefined || v.birthday !== undefined,
      {
        message: 'nothing to update',
      },
    ),
  /** Must be sent as `{confirm: true}`, so a stray call cannot erase a member. */
  deleteAccount: z.object({ confirm: z.literal(true) }).strict(),
  /** What the shareable card of an earned badge needs besides the wall: the mini-program code of the badge wall. */
  badgeCard: z.object({ badgeId: contentIdSchema }).strict(),
  /** The program's rules as content and settings say: tiers, windows, rewards, campaigns. */
  program: emptyInput,
  /** This member's figures in a campaign (live or over) and what the recap card shows. */
  recap: z.object({ campaignId: contentIdSchema }).strict(),
  /** Charity projects with their progress and this member's share. */
  charity: emptyInput,
  /** Gives points to a charity project; a retry with the same requestId gives once. */
  donate: z.object({ projectId: contentIdSchema, points: z.number().int().min(1).max(100_000), requestId: requestIdSchema }).strict(),
  /** The member's 会员码 for the next 60 seconds. */
  code: emptyInput,
};

// ---- outputs --------------------------------------------------------------------------------

export interface MemberSummary {
  nickname: string;
  avatarUrl: string;
  tier: TierId;
  tierName: string;
  tierColor: string;
  /** Spendable points. */
  points: number;
  /** Lifetime growth (drives the tree and growth badges). */
  growth: number;
  /** Growth in the rolling window (drives the tier). */
  windowGrowth: number;
  /** The window's length in months (`settings.tier.windowMonths`), for "近 12 个月成长值". */
  windowMonths: number;
  /** `current` is 0 when the streak is broken (last check-in before yesterday). */
  streak: Streak;
  checkedInToday: boolean;
  checkinDays: number;
  nextTier: { id: TierId; name: string; threshold: number; growthNeeded: number } | null;
  /** 0…1 progress toward `nextTier` (1 at the top tier). */
  tierProgress: number;
  downgradeWarning: DowngradeWarning | null;
  /** Staff roles: the client shows the verify page / ops dashboard entry only for these. */
  roles: StaffRole[];
  joinedAt: string;
  /** Shown by nickname on the invite leaderboard. */
  leaderboardOptIn: boolean;
  /** `MM-DD` or null (only ever shown to the member themself). */
  birthday: string | null;
  birthdayMonth: boolean;
  /** App features unlocked by the member's growth-tree nodes. */
  features: NodeFeature[];
}

/** A campaign as members see it, in the phase it is in now. */
export interface CampaignView {
  id: string;
  title: string;
  description: string;
  phase: ShownPhase;
  preheatAt: string;
  startAt: string;
  endAt: string;
  recapUntil: string;
  /** Pre-heat countdown: Shanghai days until it starts. */
  daysToStart: number;
  /** Live: days left, today included. */
  daysLeft: number;
  /** The check-in boost while live, or null. */
  boost: { pointsMultiplier: number; growthMultiplier: number } | null;
  /** The purchase boost while live (points only), or null. */
  purchaseBoost: { pointsMultiplier: number } | null;
  packs: Array<{ id: string; title: string; cost: number; minTierName: string }>;
  badge: { id: string; name: string; icon: string } | null;
  /** The member took part (a check-in while live). */
  joined: boolean;
}

/** This year's birthday gift, shown with its ceremony in the birthday month. */
export interface BirthdayGiftView {
  year: number;
  points: number;
  growth: number;
  at: string;
}

/** What the unlock ceremony and the badge toast show. */
export interface BadgeCeremony {
  id: string;
  name: string;
  description: string;
  icon: string;
  rarity: BadgeRarity;
  rarityPct: number;
  earnedAt: string;
}

/** Points the balance does not show: pending purchase points, a refund debt, points about to expire. */
export interface PointsOutlook {
  /** Purchase points inside their hold (not spendable yet). */
  pending: number;
  /** The next day pending points become spendable, or null with none. */
  pendingReleaseOn: DayString | null;
  /** Points a refund could not take back: paid off from the next earnings. */
  debt: number;
  /** The next points to expire, shown from 30 days before ("N 积分将于 12月31日过期"). */
  expiring: { points: number; lastDay: DayString } | null;
  /** `settings.points.expiry.months`, or null when points never expire. */
  expiryMonths: number | null;
  /** How purchases earn (`settings.purchase`), for the rules page. */
  purchase: PurchaseRule;
}

/** How purchases earn (`settings.purchase`): per yuan paid, and the days purchase points stay pending. */
export interface PurchaseRule {
  pointsPerYuan: number;
  growthPerYuan: number;
  holdDays: number;
}

export interface HomeData {
  /** The Shanghai day the answer was computed for (the client never uses its own date). */
  today: DayString;
  member: MemberSummary;
  badges: { earned: number; total: number; newestUnseen: BadgeCeremony | null };
  tree: { stage: TreeStage; stageName: string; unlocked: number; total: number; nextNode: NextNode | null };
  /** Up to 3 packs this member can redeem now, cheapest first; else the nearest to reach. */
  packs: PackView[];
  invite: { code: string; invited: number; activated: number };
  /** Next streak bonus, for "再签 N 天得 X 积分". */
  nextStreakBonus: { days: number; daysLeft: number; points: number; growth: number } | null;
  /** The member's team in a running (or forming) challenge, for the home line; null outside a team. */
  team: TeamProgress | null;
  /** A team reward paid since the last visit, celebrated once. */
  teamCeremony: TeamCeremony | null;
  /** Team challenges taking teams now that the member has no team in (from content: no read). */
  teamChallengesOpen: number;
  /** The campaign that matters now (live, else pre-heat, else recap), or null. */
  campaign: CampaignView | null;
  /** In the birthday month: this year's gift (credited on this visit or an earlier one), else null. */
  birthdayGift: BirthdayGiftView | null;
  /** Pending points, debt and expiry, from the member document (no extra read). */
  pointsOutlook: PointsOutlook;
}

export interface BadgeView {
  id: string;
  name: string;
  description: string;
  icon: string;
  rarity: BadgeRarity;
  /** Share of members holding it, percent (see `rarityPct`). */
  rarityPct: number;
  order: number;
  earned: boolean;
  earnedAt: string | null;
  seen: boolean;
  progress: { current: number; target: number };
  /** "还差 2 天" / "已获得" / "点亮「导师计划」节点后获得". */
  remainingText: string;
}

export interface BadgesData {
  badges: BadgeView[];
  earned: number;
  total: number;
}

export interface BadgesSeenData {
  updated: number;
}

export type TreeData = GrowthTreeView;

export interface LedgerEntryView {
  id: string;
  kind: LedgerKind;
  /** Chinese label of the kind, or the ops reason for an adjustment. */
  title: string;
  points: number;
  growth: number;
  createdAt: string;
  /** A check-in boosted by a campaign: which one and its multipliers. */
  boost: { title: string; pointsMultiplier: number; growthMultiplier: number } | null;
}

export interface LedgerData {
  entries: LedgerEntryView[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface ProfileData {
  nickname: string;
  avatarUrl: string;
  leaderboardOptIn: boolean;
  birthday: string | null;
}

/** The shareable card of an earned badge (no reward wording: the card only shows what was earned). */
export interface BadgeCardData {
  badge: BadgeCeremony;
  nickname: string;
  avatarUrl: string;
  /** The mini-program code that opens the badge wall; null while it cannot be drawn. */
  qrUrl: string | null;
}

/** A tier as the tier page and the rules show it. */
export interface TierInfo {
  id: TierId;
  name: string;
  threshold: number;
  color: string;
  description: string;
  benefits: string[];
  entryReward: { points: number; packTitle: string | null } | null;
}

export interface ProgramData {
  tiers: TierInfo[];
  tier: { windowMonths: number; downgradeWarningDays: number };
  checkin: { points: number; growth: number; streakBonuses: Array<{ days: number; points: number; growth: number; repeat: boolean }> };
  invite: {
    rewardPoints: number;
    rewardGrowth: number;
    inviteeReward: { points: number; growth: number };
    checkinDays: number;
    withinDays: number;
    orFirstRedemption: boolean;
    dailyRewardCap: number;
  };
  birthday: { points: number; growth: number };
  /** How purchases from the brand's shop and stores earn. */
  purchase: PurchaseRule;
  /** `settings.points.expiry.months`, or null when points never expire. */
  points: { expiryMonths: number | null };
  /** Campaigns shown now (pre-heat, live, recap), the one that matters first. */
  campaigns: CampaignView[];
}

export interface RecapData {
  campaign: CampaignView;
  member: { nickname: string; avatarUrl: string; tierName: string };
  /** Shanghai days of the live phase counted so far (all of it once over). */
  days: number;
  figures: {
    checkins: number;
    points: number;
    growth: number;
    /** Points the campaign's boost added to check-ins. */
    boostPoints: number;
    redemptions: number;
    badges: Array<{ id: string; name: string; icon: string }>;
  };
}

export interface CharityProjectView {
  id: string;
  title: string;
  story: string;
  goalPoints: number;
  donated: number;
  /** 0…1 of the goal. */
  progress: number;
  /** This member's points given to it. */
  mine: number;
  status: 'upcoming' | 'open' | 'closed';
  startAt: string | null;
  endAt: string | null;
}

export interface CharityData {
  projects: CharityProjectView[];
  /** All the member gave. */
  pointsDonated: number;
  points: number;
  /** The 公益同行 certificate, unlocked by a tree node. */
  certificate: { nickname: string; pointsDonated: number } | null;
}

export interface DonateData {
  donationId: string;
  projectId: string;
  points: number;
  balance: { points: number };
  pointsDonated: number;
  newBadges: BadgeCeremony[];
  newNodes: Array<{ id: string; title: string; unlocksText: string }>;
}

export interface DeleteAccountData {
  deleted: true;
}

export interface MemberCodeData {
  /** 18 digits; show it as a QR code and grouped in fours (`formatMemberCode`). */
  code: string;
  /** After this instant the code is refused. */
  expiresAt: string;
  /** When to ask for the next code (30 s after this one started). */
  refreshAt: string;
}

export interface MemberOutputs {
  home: HomeData;
  badges: BadgesData;
  badgesSeen: BadgesSeenData;
  tree: TreeData;
  ledger: LedgerData;
  profile: ProfileData;
  deleteAccount: DeleteAccountData;
  badgeCard: BadgeCardData;
  program: ProgramData;
  recap: RecapData;
  charity: CharityData;
  donate: DonateData;
  code: MemberCodeData;
}
