/** Answers shaped like the cloud functions' (shared/contracts), for client tests. */
import type { CalendarData, CheckinData } from '@shared/contracts/checkin';
import type { BadgeCeremony, HomeData } from '@shared/contracts/member';
import type { PackView, RedeemData, RedeemListData, VoucherView } from '@shared/contracts/redeem';

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
      streak: { current: 0, best: 0, lastDate: null },
      checkedInToday: false,
      checkinDays: 0,
      nextTier: { id: 'advanced', name: '进阶层', threshold: 300, growthNeeded: 300 },
      tierProgress: 0,
      downgradeWarning: null,
      roles: [],
      joinedAt: '2026-11-23T01:00:00.000Z',
      ...overrides,
    },
    badges: { earned: 0, total: 14, newestUnseen: null },
    tree: { stage: 'seed', stageName: '种子', unlocked: 0, total: 12, nextNode: null },
    packs: [],
    invite: { code: 'K7QM2XRT', invited: 0, activated: 0 },
    nextStreakBonus: { days: 7, daysLeft: 7, points: 30, growth: 20 },
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
    reward: { points: 10, growth: 10, bonus: null },
    balance: { points: 10, growth: 10 },
    newBadges: [firstBadge],
    newNodes: [],
    tierChanged: null,
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
  return { voucher: voucher(), balance: { points } };
}
