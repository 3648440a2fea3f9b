import { z } from 'zod';
import type { LimitPeriod, PackScene, TierId } from '../content/ids';
import type { PackEligibility } from '../domain/packEligibility';
import { REDEMPTION_STATUSES, type RedemptionStatus } from '../domain/statuses';
import type { TeamProgress } from './team';
import { contentIdSchema, cursorSchema, emptyInput, limitSchema, requestIdSchema, voucherCodeSchema } from './common';

/** `openid_requestId`, the `_id` of a redemption. */
export const redemptionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{19,130}$/);

export const redeemInputs = {
  list: emptyInput,
  /** A retry with the same requestId returns the first answer and charges once. */
  redeem: z.object({ packId: contentIdSchema, requestId: requestIdSchema }).strict(),
  mine: z
    .object({ status: z.enum(REDEMPTION_STATUSES).optional(), cursor: cursorSchema.optional(), limit: limitSchema.optional() })
    .strict(),
  /** Staff (role verifier) type or scan the code; spaces, dashes and lower case are accepted. */
  verify: z.object({ voucherCode: voucherCodeSchema }).strict(),
  /** Staff (role verifier) look a voucher up before confirming: pack, member, status. Changes nothing. */
  peek: z.object({ voucherCode: voucherCodeSchema }).strict(),
  /** Ops only: cancel an unused voucher, refund through the ledger, restore stock. */
  cancel: z.object({ redemptionId: redemptionIdSchema, reason: z.string().max(100).trim().min(2) }).strict(),
};

/** A pack as `redeem.list` (and the home page) shows it to one member. */
export interface PackView {
  id: string;
  title: string;
  description: string;
  image: string;
  scene: PackScene;
  minTier: TierId;
  minTierName: string;
  cost: number;
  /** null = unlimited. */
  stockLeft: number | null;
  perMemberLimit: number;
  limitPeriod: LimitPeriod;
  usedInPeriod: number;
  /** `工作日 11:30–13:30`; '' when not scheduled. */
  scheduleText: string;
  /** `12月25日–1月3日`; '' when open-ended. */
  dateText: string;
  startAt: string | null;
  endAt: string | null;
  voucherDays: number;
  /** Eligibility and, when not, the reason with its detail (`opensAt`, `missingPoints`…). */
  eligibility: PackEligibility;
  /** What a member must have done (`benefit_packs.requires`), named for the card, or null. */
  requires: {
    node: { id: string; title: string; branchName: string } | null;
    badge: { id: string; name: string; icon: string } | null;
    birthdayMonth: boolean;
  } | null;
}

export interface RedeemListData {
  packs: PackView[];
  points: number;
  tier: TierId;
}

export interface VoucherView {
  /** The redemption `_id`. */
  id: string;
  packId: string;
  packTitle: string;
  cost: number;
  /** Canonical code (12 symbols); show it grouped with `formatVoucherCode`. */
  code: string;
  /** `expired` already applied when past `expiresAt`. */
  status: RedemptionStatus;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RedeemData {
  voucher: VoucherView;
  balance: { points: number };
  /** The member's teams this redemption moved; [] outside a team with a redemption goal. */
  teams: TeamProgress[];
}

export interface MineData {
  vouchers: VoucherView[];
  nextCursor: string | null;
}

/**
 * A successful verification. A second verify of the same code fails with `ALREADY_USED` and
 * `details: {usedAt}`; an expired one with `EXPIRED`; an unknown one with `NOT_FOUND`.
 */
export interface VerifyData {
  code: string;
  packId: string;
  packTitle: string;
  usedAt: string;
  /** The member's nickname, so staff can match the person at the counter. */
  memberNickname: string;
}

/** What staff see before confirming a verification (核对券码). */
export interface VoucherPeekData {
  code: string;
  packId: string;
  packTitle: string;
  memberNickname: string;
  /** The effective status: an issued voucher past its expiry reads `expired`. */
  status: RedemptionStatus;
  expiresAt: string;
  usedAt: string | null;
}

export interface CancelData {
  redemptionId: string;
  status: 'cancelled';
  refundedPoints: number;
  stockRestored: boolean;
}

export interface RedeemOutputs {
  list: RedeemListData;
  redeem: RedeemData;
  mine: MineData;
  verify: VerifyData;
  peek: VoucherPeekData;
  cancel: CancelData;
}
