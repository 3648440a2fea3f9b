import type { ErrorCode } from '../errors';
import type { ActionName, FunctionName } from './api';

/**
 * Codes any action may answer: bad input, unknown caller, the caller's account being deleted
 * (every action of a member or staff member runs on their member record), contention, a bug.
 */
export const COMMON_ERRORS = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'ACCOUNT_DELETING',
  'BUSY',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];

/**
 * The specific codes each action answers besides `COMMON_ERRORS` — what the client must be
 * ready to show, and what the backend's tests assert. Typed so a new action needs an entry.
 */
export const ACTION_ERRORS: { [F in FunctionName]: { [A in ActionName<F>]: readonly ErrorCode[] } } = {
  member: {
    home: [],
    badges: [],
    badgesSeen: [],
    tree: [],
    ledger: [],
    profile: ['CONTENT_REJECTED', 'RATE_LIMITED', 'ALREADY_SET'],
    deleteAccount: ['RATE_LIMITED'],
    badgeCard: ['NOT_FOUND'],
    program: [],
    recap: ['NOT_FOUND', 'NOT_AVAILABLE_NOW'],
    charity: [],
    donate: ['NOT_FOUND', 'NOT_AVAILABLE_NOW', 'INSUFFICIENT_POINTS'],
    code: [],
    subscribe: ['NOT_FOUND', 'NOT_AVAILABLE_NOW'],
    subscriptions: [],
    unsubscribe: [],
  },
  checkin: { checkin: [], calendar: [] },
  redeem: {
    list: [],
    redeem: [
      'NOT_FOUND',
      'TIER_TOO_LOW',
      'NODE_REQUIRED',
      'BADGE_REQUIRED',
      'NOT_BIRTHDAY_MONTH',
      'OUT_OF_STOCK',
      'LIMIT_REACHED',
      'NOT_AVAILABLE_NOW',
      'INSUFFICIENT_POINTS',
    ],
    mine: [],
    verify: ['FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND', 'ALREADY_USED', 'EXPIRED'],
    peek: ['FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND'],
    cancel: ['FORBIDDEN', 'NOT_FOUND', 'ALREADY_USED'],
  },
  invite: {
    card: [],
    bind: ['NOT_FOUND', 'SELF_INVITE', 'ALREADY_INVITED', 'NOT_NEW_MEMBER', 'RATE_LIMITED'],
    mine: [],
    leaderboard: [],
  },
  ops: {
    validate: ['FORBIDDEN'],
    stats: ['FORBIDDEN'],
    adjust: ['FORBIDDEN', 'NOT_FOUND', 'INSUFFICIENT_POINTS'],
    setBirthday: ['FORBIDDEN', 'NOT_FOUND'],
    members: ['FORBIDDEN'],
    member: ['FORBIDDEN', 'NOT_FOUND'],
    ledger: ['FORBIDDEN'],
    vouchers: ['FORBIDDEN'],
    audit: ['FORBIDDEN'],
    staff: ['FORBIDDEN'],
    setStaff: ['FORBIDDEN', 'NOT_FOUND', 'CANNOT_REMOVE_SELF', 'LAST_OPS'],
    export: ['FORBIDDEN'],
  },
  team: {
    challenges: [],
    create: ['NOT_FOUND', 'CHALLENGE_CLOSED', 'ALREADY_IN_TEAM'],
    join: ['NOT_FOUND', 'TEAM_FULL', 'ALREADY_IN_TEAM', 'CHALLENGE_CLOSED'],
    preview: ['NOT_FOUND'],
    leave: ['NOT_FOUND', 'CHALLENGE_CLOSED'],
    mine: ['NOT_FOUND'],
    card: ['NOT_FOUND'],
    seen: [],
  },
  event: {
    attend: [
      'FORBIDDEN',
      'RATE_LIMITED',
      'NOT_FOUND',
      'NOT_AVAILABLE_NOW',
      'MEMBER_CODE_INVALID',
      'MEMBER_CODE_EXPIRED',
      'ALREADY_ATTENDED',
      'ACCOUNT_DELETING',
    ],
    mine: [],
    hosting: ['FORBIDDEN'],
  },
};

/**
 * What the `partner` HTTP API answers besides success (`shared/contracts/partner.ts`), with the
 * HTTP status of each: the brand's systems branch on the status and the code.
 */
export const PARTNER_ERRORS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  MEMBER_CODE_INVALID: 404,
  MEMBER_CODE_EXPIRED: 410,
  CONFLICT: 409,
  ACCOUNT_DELETING: 409,
  REFUND_EXCEEDS_ORDER: 422,
  BUSY: 503,
  INTERNAL: 500,
} as const satisfies Partial<Record<ErrorCode, number>>;
