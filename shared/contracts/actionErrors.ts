import type { ErrorCode } from '../errors';
import type { ActionName, FunctionName } from './api';

/** Codes any action may answer: bad input, unknown caller, contention, a bug. */
export const COMMON_ERRORS = ['INVALID_INPUT', 'UNAUTHENTICATED', 'BUSY', 'INTERNAL'] as const satisfies readonly ErrorCode[];

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
    program: [],
    recap: ['NOT_FOUND', 'NOT_AVAILABLE_NOW'],
    charity: [],
    donate: ['NOT_FOUND', 'NOT_AVAILABLE_NOW', 'INSUFFICIENT_POINTS'],
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
    bind: ['NOT_FOUND', 'SELF_INVITE', 'ALREADY_INVITED', 'NOT_NEW_MEMBER'],
    mine: [],
  },
  ops: {
    validate: ['FORBIDDEN'],
    stats: ['FORBIDDEN'],
    adjust: ['FORBIDDEN', 'NOT_FOUND', 'INSUFFICIENT_POINTS'],
    setBirthday: ['FORBIDDEN', 'NOT_FOUND'],
  },
};
