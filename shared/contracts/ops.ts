import { z } from 'zod';
import { STAFF_ROLES, type ContentCollection, type StaffRole, type TierId } from '../content/ids';
import type { ContentProblem } from '../content/problems';
import type { TierCoverage } from '../domain/tierCoverage';
import type { ReminderEffect } from '../domain/reminders';
import type { DayString } from '../time/shanghai';
import type { MemberMatch } from '../domain/memberSearch';
import type { InviteStatus, RedemptionStatus } from '../domain/statuses';
import type { TeamFailure, TeamStatus } from '../domain/teamChallenge';
import {
  contentIdSchema,
  cursorSchema,
  dayNumber,
  daySchema,
  emptyInput,
  limitSchema,
  openidSchema,
  requestIdSchema,
  type BalanceView,
} from './common';
import { birthdaySchema } from './member';
import { STATS_MAX_DAYS } from './opsLimits';

export { STATS_MAX_DAYS };

/** A grant or correction: non-zero, bounded, either sign. */
const delta = z.number().int().min(-1_000_000).max(1_000_000);

/** How long a reason may be (the back office's forms check the same bounds before sending). */
export const REASON_LENGTH = { min: 2, max: 100 } as const;

/** Why ops changed something (kept in the audit and, for points, on the ledger entry). */
const reasonSchema = z.string().max(REASON_LENGTH.max).trim().min(REASON_LENGTH.min);

/** A range of Shanghai days the dashboard's figures cover (`ops.stats`, `ops.export`). */
const dayRange = z
  .object({ from: daySchema, to: daySchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'from after to', path: ['to'] })
  .refine((r) => dayNumber(r.to) - dayNumber(r.from) < STATS_MAX_DAYS, { message: 'range too long', path: ['to'] });

/** One page of a member's list in the back office. */
const memberPage = z.object({ openid: openidSchema, cursor: cursorSchema.optional(), limit: limitSchema.optional() }).strict();

export const opsInputs = {
  validate: emptyInput,
  stats: z
    .object({ from: daySchema, to: daySchema, campaignId: contentIdSchema.optional() })
    .strict()
    .refine((r) => r.from <= r.to, { message: 'from after to', path: ['to'] })
    .refine((r) => dayNumber(r.to) - dayNumber(r.from) < STATS_MAX_DAYS, { message: 'range too long', path: ['to'] }),
  adjust: z
    .object({
      openid: openidSchema,
      points: delta,
      growth: delta,
      reason: reasonSchema,
      /** Makes a retried adjust apply once. */
      requestId: requestIdSchema,
    })
    .strict()
    .refine((a) => a.points !== 0 || a.growth !== 0, { message: 'nothing to adjust', path: ['points'] }),
  /** Corrects a member's birthday (members set it once themselves); audited in `ops_audit`. */
  setBirthday: z.object({ openid: openidSchema, birthday: birthdaySchema, reason: reasonSchema }).strict(),
  /** Finds members by nickname prefix, invite code, voucher code or openid (up to 20). */
  members: z.object({ query: z.string().trim().min(1).max(64) }).strict(),
  /** One member's page in the back office. */
  member: z.object({ openid: openidSchema }).strict(),
  /** More of a member's ledger / vouchers, newest first. */
  ledger: memberPage,
  vouchers: memberPage,
  /** The audit, newest first, of one member (`target`) and/or one staff member (`who`). */
  audit: z
    .object({
      target: openidSchema.optional(),
      who: openidSchema.optional(),
      cursor: cursorSchema.optional(),
      limit: limitSchema.optional(),
    })
    .strict(),
  staff: emptyInput,
  /** Grants, changes or revokes staff roles; no role left removes the staff record. Audited. */
  setStaff: z
    .object({
      openid: openidSchema,
      roles: z
        .array(z.enum(STAFF_ROLES))
        .max(STAFF_ROLES.length)
        .refine((r) => new Set(r).size === r.length, { message: 'repeated role' }),
      active: z.boolean(),
      storeId: z.string().trim().max(32).nullable().optional(),
      reason: z.string().trim().max(REASON_LENGTH.max).optional(),
    })
    .strict(),
  /** The dashboard's figures for a range as a CSV file in cloud storage. Audited. */
  export: dayRange,
};

export interface OpsValidateData {
  ok: boolean;
  errors: number;
  warnings: number;
  problems: ContentProblem[];
  /** Valid and skipped documents per collection. */
  counts: Record<ContentCollection, { valid: number; skipped: number }>;
}

export interface DailyCount {
  date: DayString;
  count: number;
}

export interface OpsStatsData {
  from: DayString;
  to: DayString;
  /** The Shanghai day the figures were computed on (retention of later days is still open). */
  asOf: DayString;
  /** Members who checked in, per day. */
  dau: DailyCount[];
  /** Of the members who checked in on `date`, the share (0…1) back on d+1 / d+7; null when that day is not over yet. */
  retention: Array<{ date: DayString; cohort: number; d1: number | null; d7: number | null }>;
  newMembers: DailyCount[];
  /** Ledger points in the range: issued (check-ins, invite rewards, ops grants, purchases, events), spent on packs, refunded, taken back by ops corrections, expired. */
  points: { issued: number; spent: number; refunded: number; corrected: number; expired: number };
  /**
   * Orders and refunds from the brand's systems: orders recorded in the range (fen paid, points
   * they earn), points still pending today, refunds recorded in the range (fen, points reversed —
   * cancelled, taken back or left as a debt — and the debt part).
   */
  purchases: {
    orders: number;
    amount: number;
    pointsIssued: number;
    pointsPending: number;
    refunds: number;
    refundedAmount: number;
    pointsReversed: number;
    pointsDebt: number;
  };
  redemptions: {
    total: number;
    byPack: Array<{ packId: string; title: string; minTier: TierId; count: number }>;
    /** By the pack's tier. */
    byTier: Record<TierId, number>;
  };
  /** Active members = checked in within the 30 days before `to` (`activeFrom` … `to`). */
  activeMembers: number;
  activeFrom: DayString;
  coverage: TierCoverage[];
  /** Active members of each tier who redeemed ≥ 1 pack of that tier in the range. */
  penetration: Array<{ tier: TierId; activeMembers: number; redeemers: number; rate: number }>;
  invites: {
    cards: number;
    binds: number;
    activations: number;
    rewards: number;
    rejections: Record<string, number>;
    /** Members who checked in at least once in the range (the K-factor's denominator). */
    activeMembersInRange: number;
    /** Activated invitees in the range ÷ active members in the range. */
    kFactor: number;
  };
  /**
   * KOC candidates for ops to contact: the members with the most activated invites (lifetime, as
   * of now), with how many friends they invited and the share of those who activated.
   */
  koc: KocCandidate[];
  /** Reminders (subscription messages) sent in the range per purpose, and the members back within 24 h of one. */
  reminders: ReminderEffect;
  /** The campaign asked for (or the one live now, else the latest ended): its effect against the days before it. */
  campaign: CampaignStats | null;
}

export interface KocCandidate {
  openid: string;
  nickname: string;
  tier: TierId;
  invited: number;
  activated: number;
  /** activated ÷ invited, 0…1. */
  activationRate: number;
}

/** What a campaign moved, counted over its live days so far and over as many days just before it. */
export interface CampaignFigures {
  /** Members who checked in. */
  participants: number;
  checkins: number;
  redemptions: number;
  newMembers: number;
  /** Invites accepted (binds) and activated. */
  invites: number;
  activations: number;
}

/** Each figure's name, in the order ops read them (the dashboard and the CSV export alike). */
export const CAMPAIGN_FIGURES: Array<[keyof CampaignFigures, string]> = [
  ['participants', '签到人数'],
  ['checkins', '签到次数'],
  ['redemptions', '兑换'],
  ['newMembers', '新会员'],
  ['invites', '好友绑定'],
  ['activations', '好友激活'],
];

export interface CampaignStats {
  id: string;
  title: string;
  phase: 'preheat' | 'live' | 'recap' | 'over';
  /** The live days counted (`from` … `to`, Shanghai) and the same number of days before them. */
  during: { from: DayString; to: DayString; figures: CampaignFigures };
  before: { from: DayString; to: DayString; figures: CampaignFigures };
  /** during ÷ before − 1 per figure (null when before is 0). */
  lift: Record<keyof CampaignFigures, number | null>;
}

export interface OpsAdjustData {
  entryId: string;
  balance: BalanceView;
  tier: TierId;
}

/** The audited change of a member's birthday. */
export interface OpsSetBirthdayData {
  openid: string;
  before: string | null;
  after: string;
  /** The `ops_audit` entry, or null when the birthday already had that value (nothing changed). */
  auditId: string | null;
}

/** A member found by `ops.members`. */
export interface MemberHit {
  openid: string;
  nickname: string;
  avatarUrl: string;
  tier: TierId;
  tierName: string;
  points: number;
  joinedAt: string;
  /** Which reading of the query found them (the first one, when several did). */
  matchedBy: MemberMatch;
  /** The account is being deleted: nothing can be changed any more. */
  deleting: boolean;
}

export interface OpsMembersData {
  hits: MemberHit[];
}

/** A ledger entry as ops read it: what, how much, and for ops' own entries who and why. */
export interface OpsLedgerEntry {
  id: string;
  /** What the member's history calls it (ops adjustments: 运营调整). */
  kindName: string;
  points: number;
  growth: number;
  createdAt: string;
  reason: string | null;
  /** The staff member who made it (adjustments, refunds), by name. */
  byName: string | null;
  /** A campaign boost in the amount: the campaign's title. */
  boost: string | null;
}

export interface OpsLedgerData {
  entries: OpsLedgerEntry[];
  nextCursor: string | null;
}

/** A voucher as ops read it (status with expiry applied; who cancelled it and why). */
export interface OpsVoucher {
  id: string;
  packTitle: string;
  cost: number;
  code: string;
  status: RedemptionStatus;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedStore: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** A voucher given (a tier's entry reward) rather than redeemed: cancelling refunds nothing. */
  gift: boolean;
  /** Not used and not cancelled: `redeem.cancel` may cancel it (an expired one too). */
  cancellable: boolean;
}

export interface OpsVouchersData {
  vouchers: OpsVoucher[];
  nextCursor: string | null;
}

export interface OpsInviteLine {
  openid: string;
  nickname: string;
  status: InviteStatus;
  boundAt: string;
  activatedAt: string | null;
  reward: { points: number; growth: number } | null;
}

/** One member's page in the back office (`ops.member`). */
export interface OpsMemberData {
  openid: string;
  profile: {
    nickname: string;
    avatarUrl: string;
    joinedAt: string;
    /** `MM-DD` or null. */
    birthday: string | null;
    inviteCode: string;
    deleting: boolean;
    /** Roles the member holds as staff (active or not), and whether they are active; null when not staff. */
    staff: { roles: StaffRole[]; active: boolean; storeId: string | null } | null;
  };
  tier: {
    id: TierId;
    name: string;
    color: string;
    /** Growth inside the tier window (what the tier is decided on), and the window's length. */
    windowGrowth: number;
    windowMonths: number;
    next: { name: string; threshold: number; growthNeeded: number } | null;
    /** The tier drops on `date` unless `growthToKeep` is earned before. */
    downgrade: { date: string; toTierName: string; growthToKeep: number } | null;
  };
  balance: {
    points: number;
    growth: number;
    /** Purchase points waiting out their hold (not spendable yet), shown only when there are some. */
    pending: { points: number; nextDay: string | null } | null;
    /** Points a refund could not take back, paid off from the next earnings (0 without). */
    debt: number;
    /** The next points to expire within 30 days, when expiry is on. */
    expiring: { points: number; lastDay: string } | null;
  };
  activity: {
    streak: { current: number; best: number; lastDate: string | null };
    checkinDays: number;
    redemptions: number;
    invitesActivated: number;
    pointsDonated: number;
    /** Orders from the brand's systems (fully refunded ones taken off). */
    purchases: number;
    /** Offline events checked in at (courses included). */
    eventsAttended: number;
  };
  ledger: OpsLedgerData;
  vouchers: OpsVouchersData;
  invitedBy: OpsInviteLine | null;
  invites: { total: number; activated: number; latest: OpsInviteLine[] };
  badges: Array<{ id: string; name: string; icon: string; earnedAt: string }>;
  tree: { unlocked: number; total: number; stageName: string };
  teams: Array<{
    teamId: string;
    challengeTitle: string;
    status: TeamStatus;
    failure: TeamFailure | null;
    progress: number;
    target: number;
    captain: boolean;
  }>;
  campaigns: Array<{ id: string; title: string }>;
}

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  /** 调整积分/成长值, 作废券, 修改生日, 员工权限, 导出看板数据. */
  actionName: string;
  who: { openid: string; name: string };
  /** The member concerned (null for an export). */
  target: { openid: string; name: string } | null;
  /** What changed, in Chinese (`shared/domain/opsAudit.ts`). */
  summary: string;
  reason: string;
}

export interface OpsAuditData {
  entries: AuditEntryView[];
  nextCursor: string | null;
}

/** A staff record in the back office; a broken one (hand-edited) shows what is wrong and grants nothing. */
export interface StaffView {
  openid: string;
  /** The label ops gave (`staff.name`) or the member's nickname. */
  name: string;
  nickname: string | null;
  avatarUrl: string;
  roles: StaffRole[];
  active: boolean;
  storeId: string | null;
  /** Why the stored document grants nothing (field and problem, in Chinese), or null. */
  problem: string | null;
}

export interface OpsStaffData {
  staff: StaffView[];
  /** Active ops members (at least one is always kept). */
  activeOps: number;
}

export interface StaffStateView {
  roles: StaffRole[];
  active: boolean;
  storeId: string | null;
}

export interface OpsSetStaffData {
  openid: string;
  before: StaffStateView | null;
  after: StaffStateView | null;
  /** The `ops_audit` entry, or null when nothing changed. */
  auditId: string | null;
}

/** The exported CSV: in cloud storage (`fileId`) and a temporary download link. */
export interface OpsExportData {
  fileId: string;
  url: string;
  fileName: string;
  rows: number;
}

export interface OpsOutputs {
  validate: OpsValidateData;
  stats: OpsStatsData;
  adjust: OpsAdjustData;
  setBirthday: OpsSetBirthdayData;
  members: OpsMembersData;
  member: OpsMemberData;
  ledger: OpsLedgerData;
  vouchers: OpsVouchersData;
  audit: OpsAuditData;
  staff: OpsStaffData;
  setStaff: OpsSetStaffData;
  export: OpsExportData;
}
