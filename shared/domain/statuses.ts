/**
 * Status vocabularies stored in documents. Dependency-free so the API contracts (bundled by the
 * client) can import them without pulling in date code.
 */
export const REDEMPTION_STATUSES = ['issued', 'used', 'expired', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export const INVITE_STATUSES = ['bound', 'activated', 'rewarded'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
