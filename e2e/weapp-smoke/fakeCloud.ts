/**
 * Canned cloud function answers for the weapp smoke test: one member with some history, built
 * from the demo content with the shared rules (so the pages show what they would show live).
 */
import fs from 'node:fs';
import path from 'node:path';
import { badgeSchema } from '@shared/content/badges';
import { benefitPackSchema } from '@shared/content/benefitPacks';
import { treeNodeSchema } from '@shared/content/treeNodes';
import type { CheckinData } from '@shared/contracts/checkin';
import type { EventHostingData, EventMineData, EventView } from '@shared/contracts/event';
import type { InviteCardData, InviteLeaderboardData, InviteMineData } from '@shared/contracts/invite';
import type { ChallengesData, ChallengeView, TeamPageData, TeamPreviewData, TeamProgress } from '@shared/contracts/team';
import type { BadgeView, BadgesData, CharityData, HomeData, LedgerData, MemberCodeData, ProgramData } from '@shared/contracts/member';
import type { MineData, PackView, RedeemData, RedeemListData, VerifyData } from '@shared/contracts/redeem';
import { badgeProgress, badgeRemainingText, memberBadgeMetrics } from '@shared/domain/badges';
import { growthTree, newlyUnlockedNodes } from '@shared/domain/growthTree';
import { metricValues } from '@shared/domain/metrics';

const DEMO = path.resolve(__dirname, '..', '..', 'content', 'demo');
const read = (name: string): unknown[] => JSON.parse(fs.readFileSync(path.join(DEMO, `${name}.json`), 'utf8')) as unknown[];

const GROWTH = 130;
const nodes = read('tree_nodes').map((d) => treeNodeSchema.parse(d));
const badgeDocs = read('badges').map((d) => badgeSchema.parse(d));
const packDocs = read('benefit_packs').map((d) => benefitPackSchema.parse(d));
const counts = {
  streak: { current: 4, best: 6 },
  checkinDays: 12,
  invitesActivated: 1,
  redemptions: 1,
  growth: GROWTH,
  pointsDonated: 30,
  campaigns: [] as string[],
  teamChallenges: 0,
  purchases: 1,
  eventsAttended: 1,
  coursesAttended: 0,
};
// The nodes such a member has lit (what the functions store), and the tree it makes.
const lit = newlyUnlockedNodes(nodes, [], metricValues({ ...counts, treeNodes: 0 })).map((n) => ({
  id: n._id,
  unlockedAt: '2026-11-12T02:00:00.000Z',
}));
const tree = growthTree(
  { tree_nodes: nodes, badges: badgeDocs, benefit_packs: packDocs },
  lit,
  metricValues({ ...counts, treeNodes: lit.length }, 4),
);
const metrics = memberBadgeMetrics(counts, tree.unlocked);

const badges: BadgeView[] = badgeDocs.map((b) => {
  const earnedAlready = ['first_checkin', 'first_redeem', 'first_invite', 'tree_first_leaf'].includes(b._id);
  const progress = badgeProgress(b, metrics, earnedAlready);
  return {
    id: b._id,
    name: b.name,
    description: b.description,
    icon: b.icon,
    rarity: b.rarity,
    rarityPct: progress.earned ? 41.2 : 3.5,
    order: b.order,
    earned: progress.earned,
    earnedAt: progress.earned ? '2026-11-12T02:00:00.000Z' : null,
    seen: true,
    progress: { current: progress.current, target: progress.target },
    remainingText: badgeRemainingText(b, progress),
  };
});

function pack(p: Partial<PackView> & Pick<PackView, 'id' | 'title' | 'minTier' | 'minTierName' | 'cost'>): PackView {
  return {
    description: '会员专属福利',
    image: '',
    scene: 'normal',
    stockLeft: 100,
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
    ...p,
  };
}

export const packs: PackView[] = [
  pack({ id: 'basic_health_pack', title: '健康福利包', minTier: 'basic', minTierName: '基础层', cost: 80 }),
  pack({
    id: 'scene_weekday_lunch',
    title: '工作日午间福利包',
    minTier: 'basic',
    minTierName: '基础层',
    cost: 30,
    scene: 'lunch',
    scheduleText: '工作日 11:30–13:30',
    eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: '2026-11-24T03:30:00.000Z' } },
  }),
  pack({
    id: 'adv_offline_salon',
    title: '线下沙龙席位',
    minTier: 'advanced',
    minTierName: '进阶层',
    cost: 200,
    eligibility: { eligible: false, reason: 'TIER_TOO_LOW', detail: { requiredTier: 'advanced' } },
  }),
];

const voucher = {
  id: 'oSmoke_req_0001',
  packId: 'basic_health_pack',
  packTitle: '健康福利包',
  cost: 80,
  code: 'K7QM2XRT9PAB',
  status: 'issued' as const,
  createdAt: '2026-11-20T02:00:00.000Z',
  expiresAt: '2026-12-03T16:00:00.000Z',
  usedAt: null,
};

const winter: ChallengeView = {
  id: 'winter_checkin_team',
  title: '冬日组队签到挑战',
  description: '2–5 人组队，队员每次签到都为队伍加 1；累计 60 次签到即完成。',
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

const teamLine: TeamProgress = {
  teamId: 'K7QM2X',
  challengeId: winter.id,
  title: winter.title,
  icon: winter.icon,
  metric: 'checkins',
  status: 'active',
  failure: null,
  progress: 54,
  target: 60,
  remainingText: '还差 6 次签到',
  members: 3,
  minMembers: 2,
  daysLeft: 98,
  daysToStart: 0,
};

const teamPage: TeamPageData = {
  challenge: winter,
  team: {
    ...teamLine,
    code: 'K7QM2X',
    roster: [
      { nickname: '小林', avatarUrl: '', contribution: 20, captain: true, me: true },
      { nickname: '小周', avatarUrl: '', contribution: 19, captain: false, me: false },
      { nickname: '阿青', avatarUrl: '', contribution: 15, captain: false, me: false },
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

const preview: TeamPreviewData = {
  challenge: winter,
  team: {
    code: 'K7QM2X',
    captain: { nickname: '小周', avatarUrl: '' },
    roster: [
      { nickname: '小周', avatarUrl: '' },
      { nickname: '阿青', avatarUrl: '' },
    ],
    members: 2,
    maxMembers: 5,
    status: 'active',
  },
  inThisTeam: false,
  refusal: null,
};

const challengeList: ChallengesData = { challenges: [{ challenge: winter, team: teamLine }] };

const leaderboard: InviteLeaderboardData = {
  month: '2026-11',
  rows: [
    { rank: 1, nickname: '小周', avatarUrl: '', activated: 4, me: false },
    { rank: 2, nickname: '小林', avatarUrl: '', activated: 1, me: true },
    { rank: 2, nickname: '匿名会员', avatarUrl: '', activated: 1, me: false },
  ],
  mine: { rank: 2, activated: 1 },
  optedIn: true,
};

export const home: HomeData = {
  today: '2026-11-23',
  member: {
    nickname: '小林',
    avatarUrl: '',
    tier: 'basic',
    tierName: '基础层',
    tierColor: '#8A9BA8',
    points: 160,
    growth: GROWTH,
    windowGrowth: GROWTH,
    windowMonths: 12,
    streak: { current: 4, best: 6, lastDate: '2026-11-22' },
    checkedInToday: false,
    checkinDays: 12,
    nextTier: { id: 'advanced', name: '进阶层', threshold: 300, growthNeeded: 300 - GROWTH },
    tierProgress: GROWTH / 300,
    downgradeWarning: null,
    roles: ['verifier'],
    joinedAt: '2026-11-01T02:00:00.000Z',
    leaderboardOptIn: false,
    birthday: null,
    birthdayMonth: false,
    features: tree.features,
  },
  badges: { earned: badges.filter((b) => b.earned).length, total: badges.length, newestUnseen: null },
  tree: { stage: tree.stage, stageName: tree.stageName, unlocked: tree.unlocked, total: tree.total, nextNode: tree.nextNode },
  packs: packs.slice(0, 2),
  invite: { code: 'K7QM2XRT', invited: 2, activated: 1 },
  nextStreakBonus: { days: 7, daysLeft: 3, points: 30, growth: 20 },
  team: teamLine,
  teamCeremony: null,
  teamChallengesOpen: 1,
  campaign: null,
  birthdayGift: null,
  pointsOutlook: {
    pending: 86,
    pendingReleaseOn: '2026-11-29',
    debt: 0,
    expiring: { points: 40, lastDay: '2026-11-30' },
    expiryMonths: 12,
    purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
  },
};

const checkin: CheckinData = {
  date: '2026-11-23',
  alreadyCheckedIn: false,
  streak: { current: 5, best: 6, lastDate: '2026-11-23' },
  reward: { points: 10, growth: 10, bonus: null, boost: null },
  balance: { points: 170, growth: GROWTH + 10 },
  newBadges: [],
  newNodes: [],
  tierChanged: null,
  teams: [],
  inviteeReward: null,
};

const inviteCard: InviteCardData = {
  code: 'K7QM2XRT',
  sharePath: 'pages/index/index?inviteCode=K7QM2XRT',
  shareTitle: '小林邀你一起加入会员社群',
  qrFileId: null,
  qrUrl: null,
  nickname: '小林',
  avatarUrl: '',
};

const inviteMine: InviteMineData = {
  invitees: [
    {
      nickname: '小周',
      avatarUrl: '',
      boundAt: '2026-11-15T02:00:00.000Z',
      status: 'rewarded',
      expired: false,
      progress: { checkinDays: 3, needed: 3, deadline: '2026-11-21' },
      reward: { points: 50, growth: 30 },
      rewardSkippedReason: null,
    },
    {
      nickname: '阿青',
      avatarUrl: '',
      boundAt: '2026-11-22T02:00:00.000Z',
      status: 'bound',
      expired: false,
      progress: { checkinDays: 1, needed: 3, deadline: '2026-11-28' },
      reward: null,
      rewardSkippedReason: null,
    },
  ],
  totals: { invited: 2, activated: 1, rewarded: 1, pointsEarned: 50, growthEarned: 30 },
  rule: { checkinDays: 3, withinDays: 7, orFirstRedemption: true, dailyRewardCap: 5, rewardPoints: 50, rewardGrowth: 30 },
};

const ledger: LedgerData = {
  entries: [
    { id: 'l3', kind: 'redeem', title: '兑换福利', points: -80, growth: 0, createdAt: '2026-11-20T02:00:00.000Z', boost: null },
    { id: 'l2', kind: 'invite_reward', title: '邀请奖励', points: 50, growth: 30, createdAt: '2026-11-18T02:00:00.000Z', boost: null },
    {
      id: 'l1',
      kind: 'checkin',
      title: '每日签到',
      points: 20,
      growth: 15,
      createdAt: '2026-11-17T02:00:00.000Z',
      boost: { title: '会员感恩季', pointsMultiplier: 2, growthMultiplier: 1.5 },
    },
  ],
  nextCursor: null,
};

const verify: VerifyData = {
  code: 'K7QM2XRT9PAB',
  packId: 'basic_health_pack',
  packTitle: '健康福利包',
  usedAt: '2026-11-23T03:00:00.000Z',
  memberNickname: '小周',
};

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** What changed since the start: the fake cloud remembers today's check-in. */
const state = { checkedIn: false };

const salonEvent: EventView = {
  id: 'coffee',
  title: '咖啡品鉴入门课',
  place: '静安店二楼教室',
  description: '三款单品咖啡对比品鉴',
  kind: 'course',
  kindName: '课程',
  startAt: '2026-11-23T06:00:00.000Z',
  endAt: '2026-11-23T08:00:00.000Z',
  points: 40,
  growth: 30,
  phase: 'upcoming',
  badge: null,
};

export function resetFakeCloud(): void {
  state.checkedIn = false;
}

function homeNow(): HomeData {
  if (!state.checkedIn) return home;
  return {
    ...home,
    member: {
      ...home.member,
      checkedInToday: true,
      streak: checkin.streak,
      points: checkin.balance.points,
      growth: checkin.balance.growth,
      checkinDays: home.member.checkinDays + 1,
    },
  };
}

const program: ProgramData = {
  tiers: [
    {
      id: 'basic',
      name: '基础层',
      threshold: 0,
      color: '#8A9BA8',
      description: '加入社群即享',
      benefits: ['每日签到领积分'],
      entryReward: null,
    },
    {
      id: 'advanced',
      name: '进阶层',
      threshold: 300,
      color: '#3A7BD5',
      description: '近 12 个月成长值达到 300',
      benefits: ['线下沙龙席位'],
      entryReward: { points: 100, packTitle: '会员优先购' },
    },
    { id: 'core', name: '核心层', threshold: 1500, color: '#C8A063', description: '', benefits: ['创始人直通车'], entryReward: null },
  ],
  tier: { windowMonths: 12, downgradeWarningDays: 30 },
  checkin: { points: 10, growth: 10, streakBonuses: [{ days: 7, points: 30, growth: 20, repeat: true }] },
  invite: {
    rewardPoints: 50,
    rewardGrowth: 30,
    inviteeReward: { points: 30, growth: 10 },
    checkinDays: 3,
    withinDays: 7,
    orFirstRedemption: true,
    dailyRewardCap: 5,
  },
  birthday: { points: 88, growth: 20 },
  purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
  points: { expiryMonths: 12 },
  campaigns: [],
};

const charity: CharityData = {
  projects: [
    {
      id: 'reading_corner',
      title: '山区儿童阅读角',
      story: '会员每捐出 100 积分，品牌捐赠 10 元购买图书。',
      goalPoints: 50000,
      donated: 12500,
      progress: 0.25,
      mine: 30,
      status: 'open',
      startAt: null,
      endAt: null,
    },
  ],
  pointsDonated: 30,
  points: 160,
  certificate: { nickname: '小林', pointsDonated: 30 },
};

const ANSWERS: Record<string, () => unknown> = {
  'member.home': homeNow,
  'member.badges': (): BadgesData => ({ badges, earned: home.badges.earned, total: badges.length }),
  'member.badgesSeen': () => ({ updated: 1 }),
  'member.tree': () => tree,
  'member.ledger': () => ledger,
  'member.profile': () => ({ nickname: '小林', avatarUrl: '', leaderboardOptIn: false, birthday: null }),
  'member.program': () => program,
  'member.charity': () => charity,
  'checkin.checkin': () => {
    const answer = { ...checkin, alreadyCheckedIn: state.checkedIn };
    state.checkedIn = true;
    return answer;
  },
  'checkin.calendar': () => ({
    month: '2026-11',
    today: '2026-11-23',
    days: ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map((date, i) => ({
      date,
      streak: i + 1,
      points: 10,
      growth: 10,
      bonus: false,
    })),
    streak: home.member.streak,
    checkedInToday: false,
    totals: { days: 4, points: 40, growth: 40 },
  }),
  'redeem.list': (): RedeemListData => ({ packs, points: home.member.points, tier: 'basic' }),
  'redeem.redeem': (): RedeemData => ({ voucher, balance: { points: 80 }, teams: [] }),
  'redeem.mine': (): MineData => ({ vouchers: [voucher], nextCursor: null }),
  'redeem.verify': () => verify,
  'invite.card': () => inviteCard,
  'invite.mine': () => inviteMine,
  'invite.leaderboard': () => leaderboard,
  'team.challenges': () => challengeList,
  'team.mine': () => teamPage,
  'team.preview': () => preview,
  'member.code': (): MemberCodeData => ({
    code: '200512386454345554',
    expiresAt: '2026-11-23T02:01:00.000Z',
    refreshAt: '2026-11-23T02:00:30.000Z',
  }),
  'event.mine': (): EventMineData => ({
    attended: [
      {
        eventId: 'salon',
        title: '周末读书会',
        place: '静安店二楼',
        kind: 'activity',
        startAt: '2026-11-20T06:00:00.000Z',
        attendedAt: '2026-11-20T06:05:00.000Z',
        points: 30,
        growth: 20,
      },
    ],
    upcoming: [salonEvent],
    totals: { events: 1, courses: 0 },
  }),
  'event.hosting': (): EventHostingData => ({
    graceMinutes: 30,
    events: [{ ...salonEvent, attended: 3, open: true, opensAt: '2026-11-23T05:30:00.000Z', closesAt: '2026-11-23T08:30:00.000Z' }],
  }),
};

/** The fake cloud: known actions answer data, anything else `FORBIDDEN` (like ops for a member). */
export function fakeCloud(name: string, event: Record<string, unknown>): Answer {
  const answer = ANSWERS[`${name}.${String(event.action)}`];
  if (!answer) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } };
  return { ok: true, data: answer() };
}
