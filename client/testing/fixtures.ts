/** Answers shaped like the cloud functions' (shared/contracts), for client tests. */
import type { CalendarData, CheckinData } from '@shared/contracts/checkin';
import type { BadgeCeremony, HomeData } from '@shared/contracts/member';
import type { PackView, RedeemData, RedeemListData, VoucherView } from '@shared/contracts/redeem';
import type { ChallengeView, TeamCeremony, TeamPageData, TeamProgress } from '@shared/contracts/team';

export const firstBadge: BadgeCeremony = {
  id: 'first_checkin',
  name: '初次签到',
  description: '完成第一次每日签到',
  icon: '🌱',
  rarity: 'common',
  rarityPct: 62.5,
  earnedAt: '2026-11-23T02:00:00.000Z',
};

export function homeData(overrides: Partial<HomeData['member']> = {}, outlook: Partial<HomeData['pointsOutlook']> = {}): HomeData {
  return {
    today: '2026-11-23',
    member: {
      nickname: '小林',
      avatarUrl: '',
      tier: 'basic',
      tierName: '基础层',
      tierColor: '#8A9BA8',
      points: 0,
      growth: 0,
      windowGrowth: 0,
      windowMonths: 12,
      streak: { current: 0, best: 0, lastDate: null },
      checkedInToday: false,
      checkinDays: 0,
      nextTier: { id: 'advanced', name: '进阶层', threshold: 300, growthNeeded: 300 },
      tierProgress: 0,
      downgradeWarning: null,
      roles: [],
      joinedAt: '2026-11-23T01:00:00.000Z',
      leaderboardOptIn: false,
      birthday: null,
      birthdayMonth: false,
      features: [],
      ...overrides,
    },
    badges: { earned: 0, total: 14, newestUnseen: null },
    tree: { stage: 'seed', stageName: '种子', unlocked: 0, total: 12, nextNode: null },
    packs: [],
    invite: { code: 'K7QM2XRT', invited: 0, activated: 0 },
    nextStreakBonus: { days: 7, daysLeft: 7, points: 30, growth: 20 },
    team: null,
    teamCeremony: null,
    teamChallengesOpen: 0,
    campaign: null,
    birthdayGift: null,
    pointsOutlook: {
      pending: 0,
      pendingReleaseOn: null,
      debt: 0,
      expiring: null,
      expiryMonths: 12,
      purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
      ...outlook,
    },
  };
}

export function checkinData(overrides: Partial<CheckinData> = {}): CheckinData {
  return {
    date: '2026-11-23',
    alreadyCheckedIn: false,
    streak: { current: 1, best: 1, lastDate: '2026-11-23' },
    reward: { points: 10, growth: 10, bonus: null, boost: null },
    balance: { points: 10, growth: 10 },
    newBadges: [firstBadge],
    newNodes: [],
    tierChanged: null,
    teams: [],
    inviteeReward: null,
    ...overrides,
  };
}

export function calendarData(overrides: Partial<CalendarData> = {}): CalendarData {
  return {
    month: '2026-11',
    today: '2026-11-23',
    days: [],
    streak: { current: 0, best: 0, lastDate: null },
    checkedInToday: false,
    totals: { days: 0, points: 0, growth: 0 },
    ...overrides,
  };
}

export function pack(overrides: Partial<PackView> = {}): PackView {
  return {
    id: 'basic_health_pack',
    title: '健康福利包',
    description: '健康食谱卡 + 随行保温杯一只',
    image: '',
    scene: 'normal',
    minTier: 'basic',
    minTierName: '基础层',
    cost: 80,
    stockLeft: 500,
    perMemberLimit: 1,
    limitPeriod: 'month',
    usedInPeriod: 0,
    scheduleText: '',
    dateText: '',
    startAt: null,
    endAt: null,
    voucherDays: 14,
    eligibility: { eligible: true },
    requires: null,
    ...overrides,
  };
}

export function listData(packs: PackView[] = [pack()], points = 200): RedeemListData {
  return { packs, points, tier: 'basic' };
}

export function voucher(overrides: Partial<VoucherView> = {}): VoucherView {
  return {
    id: 'oMember_req1',
    packId: 'basic_health_pack',
    packTitle: '健康福利包',
    cost: 80,
    code: 'K7QM2XRT9PAB',
    status: 'issued',
    createdAt: '2026-11-23T02:00:00.000Z',
    expiresAt: '2026-12-06T16:00:00.000Z',
    usedAt: null,
    ...overrides,
  };
}

export function redeemData(points = 120): RedeemData {
  return { voucher: voucher(), balance: { points }, teams: [] };
}

export const winterChallenge: ChallengeView = {
  id: 'winter_checkin_team',
  title: '冬日组队签到挑战',
  description: '队员签到累计 60 次即完成',
  icon: '⛄',
  joinFrom: '2026-11-15T16:00:00.000Z',
  startAt: '2026-11-22T16:00:00.000Z',
  endAt: '2027-02-28T16:00:00.000Z',
  joinUntil: '2026-11-29T16:00:00.000Z',
  phase: 'running',
  joinable: true,
  teamSize: { min: 2, max: 5 },
  goal: { metric: 'checkins', target: 60, metricName: '签到次数' },
  reward: { points: 80, growth: 50, badge: null },
  daysLeft: 98,
  daysToStart: 0,
};

export function teamLine(overrides: Partial<TeamProgress> = {}): TeamProgress {
  return {
    teamId: 'K7QM2X',
    challengeId: winterChallenge.id,
    title: winterChallenge.title,
    icon: winterChallenge.icon,
    metric: 'checkins',
    status: 'active',
    failure: null,
    progress: 17,
    target: 60,
    remainingText: '还差 43 次签到',
    members: 3,
    minMembers: 2,
    daysLeft: 98,
    daysToStart: 0,
    ...overrides,
  };
}

export function teamPage(overrides: Partial<TeamProgress> = {}): TeamPageData {
  return {
    challenge: winterChallenge,
    team: {
      ...teamLine(overrides),
      code: 'K7QM2X',
      roster: [
        { nickname: '小林', avatarUrl: '', contribution: 7, captain: true, me: true },
        { nickname: '小禾', avatarUrl: '', contribution: 10, captain: false, me: false },
      ],
      maxMembers: 5,
      isCaptain: true,
      canLeave: false,
      canInvite: true,
      rewardPaid: false,
      completedAt: null,
      sharePath: 'packages/team/pages/join/index?team=K7QM2X&inviteCode=K7QM2XRT',
      shareTitle: '小林 邀你组队参加「冬日组队签到挑战」',
    },
  };
}

export const teamReward: TeamCeremony = {
  teamId: 'K7QM2X',
  challengeId: winterChallenge.id,
  title: winterChallenge.title,
  icon: winterChallenge.icon,
  points: 80,
  growth: 50,
  badge: null,
};
