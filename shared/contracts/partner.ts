import { z } from 'zod';
import { MAX_ORDER_FEN } from '../domain/purchase';
import { memberCodeSchema, openidSchema } from './common';

/**
 * The HTTP API the brand's shop and store systems call (`partner`, CloudBase's HTTP access
 * service; how to call it: `content/DEPLOY.md`). Not a mini-program API: no member identity,
 * the caller proves itself with a signature. Bodies are JSON; answers are the same envelope as
 * every function, with an HTTP status (200, 400, 401, 404, 409, 422, 503, 500).
 */

/** The brand's own ids (order, refund, store): letters, digits, `_` and `-`, unique across its systems. */
export const partnerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** An instant with its offset, as the brand's systems send times (`2026-11-23T14:05:00+08:00`). */
export const partnerInstantSchema = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/)
  .refine((v) => Number.isFinite(Date.parse(v)), { message: 'invalid instant' });

const amountSchema = z.number().int().min(1).max(MAX_ORDER_FEN);

/** `POST …/orders`: a paid order of a member, named by the 会员码 they showed or by their openid. */
export const partnerOrderSchema = z
  .object({
    orderId: partnerIdSchema,
    memberCode: memberCodeSchema.optional(),
    openid: openidSchema.optional(),
    /** Paid, in fen (分). */
    amount: amountSchema,
    paidAt: partnerInstantSchema,
    storeId: partnerIdSchema.max(32).optional(),
  })
  .strict()
  .refine((o) => (o.memberCode === undefined) !== (o.openid === undefined), {
    message: 'exactly one of memberCode and openid',
    path: ['memberCode'],
  });

/** `POST …/refunds`: part or all of an order refunded; refunds of one order add up, never past it. */
export const partnerRefundSchema = z
  .object({
    orderId: partnerIdSchema,
    refundId: partnerIdSchema,
    /** Refunded by this refund, in fen. */
    amount: amountSchema,
  })
  .strict();

export type PartnerOrderInput = z.output<typeof partnerOrderSchema>;
export type PartnerRefundInput = z.output<typeof partnerRefundSchema>;

export interface PartnerOrderData {
  orderId: string;
  openid: string;
  points: number;
  growth: number;
  /** When the points become spendable; null when they already are. */
  pendingUntil: string | null;
}

export interface PartnerRefundData {
  orderId: string;
  refundId: string;
  /** This refund, in fen. */
  amount: number;
  /** Refunded of the order so far, in fen. */
  refundedAmount: number;
  /** Points this refund reversed: cancelled while pending, taken back from the balance, or left as a debt. */
  points: { reversed: number; pendingCancelled: number; takenBack: number; debt: number };
  growth: number;
}

/** The routes, by the last segment of the request path (`/orders`, `/<prefix>/orders`, …). */
export const PARTNER_ROUTES = ['orders', 'refunds'] as const;
export type PartnerRoute = (typeof PARTNER_ROUTES)[number];
