import { z } from 'zod';
import type { InviteStatus } from '../domain/statuses';
import type { DayString } from '../time/shanghai';
import { emptyInput, inviteCodeSchema } from './common';

export const inviteInputs = {
  card: emptyInput,
  /** Sent on a new member's first open with the `inviteCode` of the share path or QR scene. */
  bind: z.object({ code: inviteCodeSchema }).strict(),
  mine: emptyInput,
  /** The month's top inviters by activated friends, with the caller's own rank. */
  leaderboard: z.object({ period: z.literal('month') }).strict(),
};

export interface InviteCardData {
  code: string;
  /** `pages/index/index?inviteCode=…` for `onShareAppMessage`. */
  sharePath: string;
  /** Share title without any reward wording (WeChat forbids rewarding the share itself). */
  shareTitle: string;
  /** Cloud fileID of the mini-program code (wxacode.getUnlimited), cached per member. */
  qrFileId: string | null;
  /** Temporary URL of that image for the poster canvas. */
  qrUrl: string | null;
  nickname: string;
  avatarUrl: string;
}

export interface InviteBindData {
  bound: true;
  inviterNickname: string;
}

export interface InviteeView {
  nickname: string;
  avatarUrl: string;
  boundAt: string;
  status: InviteStatus;
  /** Not activated and past the window. */
  expired: boolean;
  progress: { checkinDays: number; needed: number; deadline: DayString };
  /** The reward this invitee brought, or null (not yet, or skipped with `rewardSkippedReason`). */
  reward: { points: number; growth: number } | null;
  rewardSkippedReason: 'DAILY_CAP' | 'NO_REWARD_CONFIGURED' | null;
}

export interface InviteMineData {
  invitees: InviteeView[];
  totals: { invited: number; activated: number; rewarded: number; pointsEarned: number; growthEarned: number };
  /** The activation rule, for the rules page and the progress copy. */
  rule: {
    checkinDays: number;
    withinDays: number;
    orFirstRedemption: boolean;
    dailyRewardCap: number;
    rewardPoints: number;
    rewardGrowth: number;
  };
}

export interface LeaderboardRow {
  rank: number;
  /** The nickname of a member who opted in (or the caller), else "匿名会员". */
  nickname: string;
  /** '' for anonymous members. */
  avatarUrl: string;
  /** Friends who activated this month. */
  activated: number;
  me: boolean;
}

export interface InviteLeaderboardData {
  /** `YYYY-MM`, the Shanghai month. */
  month: string;
  rows: LeaderboardRow[];
  /** The caller's place: null until a friend of theirs activated this month. */
  mine: { rank: number; activated: number } | null;
  /** Whether the caller shows by nickname (their profile switch). */
  optedIn: boolean;
}

export interface InviteOutputs {
  card: InviteCardData;
  bind: InviteBindData;
  mine: InviteMineData;
  leaderboard: InviteLeaderboardData;
}
