import { z } from 'zod';
import type { ContentCollection, TierId } from '../content/ids';
import type { ContentProblem } from '../content/problems';
import type { TierCoverage } from '../domain/tierCoverage';
import type { ReminderEffect } from '../domain/reminders';
import type { DayString } from '../time/shanghai';
import { contentIdSchema, dayNumber, daySchema, emptyInput, openidSchema, requestIdSchema, type BalanceView } from './common';
import { birthdaySchema } from './member';
import { STATS_MAX_DAYS } from './opsLimits';

export { STATS_MAX_DAYS };

/** A grant or correction: non-zero, bounded, either sign. */
const delta = z.number().int().min(-1_000_000).max(1_000_000);

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
      reason: z.string().max(100).trim().min(2),
      /** Makes a retried adjust apply once. */
      requestId: requestIdSchema,
    })
    .strict()
    .refine((a) => a.points !== 0 || a.growth !== 0, { message: 'nothing to adjust', path: ['points'] }),
  /** Corrects a member's birthday (members set it once themselves); audited in `ops_audit`. */
  setBirthday: z.object({ openid: openidSchema, birthday: birthdaySchema, reason: z.string().max(100).trim().min(2) }).strict(),
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

export interface OpsOutputs {
  validate: OpsValidateData;
  stats: OpsStatsData;
  adjust: OpsAdjustData;
  setBirthday: OpsSetBirthdayData;
}
