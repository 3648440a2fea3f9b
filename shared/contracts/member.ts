import { z } from 'zod';
import type { BadgeRarity, StaffRole, TierId } from '../content/ids';
import { hasUnsafeText, UNSAFE_NICKNAME_MESSAGE } from '../domain/displayText';
import type { DowngradeWarning } from '../domain/downgradeWarning';
import type { GrowthTreeView, NextNode, TreeStage } from '../domain/growthTree';
import type { LedgerKind } from '../domain/ledger';
import type { Streak } from '../domain/member';
import type { DayString } from '../time/shanghai';
import { contentIdSchema, cursorSchema, emptyInput, limitSchema } from './common';
import type { PackView } from './redeem';

// ---- inputs ---------------------------------------------------------------------------------

export const memberInputs = {
  home: emptyInput,
  badges: emptyInput,
  /** Marks badges as seen after the unlock ceremony; no ids → all earned badges. */
  badgesSeen: z.object({ badgeIds: z.array(contentIdSchema).min(1).max(100).optional() }).strict(),
  tree: emptyInput,
  ledger: z.object({ cursor: cursorSchema.optional(), limit: limitSchema.optional() }).strict(),
  /**
   * Nickname from WeChat's nickname input (≤ 20 characters, no control or bidi characters —
   * staff and friends see it —, checked by `security.msgSecCheck` in the function) and/or the
   * avatar uploaded from `chooseAvatar` (a `cloud://` fileID).
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
      avatarFileId: z
        .string()
        .max(512)
        .regex(/^cloud:\/\/[A-Za-z0-9._\-/]+$/)
        .optional(),
    })
    .strict()
    .refine((v) => v.nickname !== undefined || v.avatarFileId !== undefined, { message: 'nothing to update' }),
  /** Must be sent as `{confirm: true}`, so a stray call cannot erase a member. */
  deleteAccount: z.object({ confirm: z.literal(true) }).strict(),
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
  /** Growth in the rolling 12-month window (drives the tier). */
  windowGrowth: number;
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
  purchase: { pointsPerYuan: number; growthPerYuan: number; holdDays: number };
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
  /** "还差 2 天" / "已获得". */
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
}

export interface LedgerData {
  entries: LedgerEntryView[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface ProfileData {
  nickname: string;
  avatarUrl: string;
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
  code: MemberCodeData;
}
