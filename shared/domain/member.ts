import { isTierId, type TierId } from '../content/ids';
import { toIso, type Instant, type DayString, type MonthString } from '../time/shanghai';
import { readDeletionMark, type DeletionMark } from './accountDeletion';
import { safeDisplayText } from './displayText';
import { nextReleaseDay, type PendingPoints } from './pendingPoints';
import { oldestLotMonth, type PointLots } from './pointLots';

export interface Streak {
  /** Consecutive Shanghai days up to and including `lastDate`. */
  current: number;
  /** The longest streak ever (badges of metric `streak` use it). */
  best: number;
  /** The last day checked in, `YYYY-MM-DD`, or null before the first check-in. */
  lastDate: DayString | null;
}

/**
 * A `members` document (issue 5 "Normative data"), created on a member's first call of any
 * function. `points` and `growth` are caches of Σ ledger; `invitesActivated` and `redemptions`
 * are counters kept for badge rules so a badge check never counts other collections.
 */
export interface MemberRecord {
  _id: string;
  nickname: string;
  avatarUrl: string;
  createdAt: string;
  tier: TierId;
  /** Spendable balance, integer ≥ 0 (= Σ ledger.points). */
  points: number;
  /** Lifetime growth, integer ≥ 0 (= Σ ledger.growth). The tier uses the 12-month window. */
  growth: number;
  streak: Streak;
  /** Number of distinct days checked in. */
  checkinDays: number;
  inviteCode: string;
  invitedBy: string | null;
  activatedAt: string | null;
  invitesActivated: number;
  redemptions: number;
  /** Orders from the brand's shop and stores, fully refunded ones taken off. */
  purchases: number;
  /** Offline events checked in at (courses included). */
  eventsAttended: number;
  /** Offline events of kind `course` checked in at. */
  coursesAttended: number;
}

/** Until the member sets a nickname (WeChat no longer tells us), we show 会员 + 4 code symbols. */
export function defaultNickname(inviteCode: string): string {
  return `会员${inviteCode.slice(-4)}`;
}

export function newMember(openid: string, now: Instant, inviteCode: string): MemberRecord {
  return {
    _id: openid,
    nickname: defaultNickname(inviteCode),
    avatarUrl: '',
    createdAt: toIso(now),
    tier: 'basic',
    points: 0,
    growth: 0,
    streak: { current: 0, best: 0, lastDate: null },
    checkinDays: 0,
    inviteCode,
    invitedBy: null,
    activatedAt: null,
    invitesActivated: 0,
    redemptions: 0,
    purchases: 0,
    eventsAttended: 0,
    coursesAttended: 0,
  };
}

/** A badge the member earned (kept on the member document: the transaction that awards it serialises awards). */
export interface EarnedBadge {
  id: string;
  earnedAt: string;
  /** The unlock ceremony was shown (`member.badgesSeen`). */
  seen: boolean;
}

/** A growth-tree node the member lit (kept on the member document, like badges: lit once, delivered once). */
export interface UnlockedNode {
  id: string;
  unlockedAt: string;
}

/** The last birthday gift credited (once per year). */
export interface BirthdayGift {
  /** The Shanghai calendar year it was for. */
  year: number;
  points: number;
  growth: number;
  at: string;
}

/**
 * A team reward waiting for its ceremony (written with the reward, removed by `team.seen`): what
 * the member's next visit celebrates, without reading the team.
 */
export interface TeamRewardNote {
  teamId: string;
  challengeId: string;
  title: string;
  icon: string;
  points: number;
  growth: number;
  /** The badge lit with the reward, if the challenge gives one. */
  badgeId: string | null;
  at: string;
}

/**
 * The stored `members` document: the normative fields of `MemberRecord` plus what the functions
 * maintain to answer in few round trips. Everything here is written only by the member's own
 * transactions (through the functions' account module), so one read of this document decides:
 * - `growthDays`: growth per Shanghai day still inside the tier window (Σ ledger.growth by day,
 *   pruned when it leaves the window) — the tier and the downgrade warning without the ledger;
 * - `badges`: earned badges with their date and whether the ceremony was seen;
 * - `invitedAt`: when the member accepted an invite (activation window), with `invitedBy`;
 * - `redeemCounts`: redemptions per pack and limit period (`redeemCountKey`), the per-member limit;
 * - `recentRedeems`: the requestIds of the last redemptions, newest last — a retry is known
 *   without a read, and answered with one;
 * - `voidedHolds`: stock holds (`stockHolds.ts`) given back while a request might still have
 *   committed with them, by token, with when: a redemption holding one of them is refused;
 * - `deleting`: the account is being deleted (`accountDeletion.ts`): no transaction of the member
 *   writes any more;
 * - `teams`: the member's team in each team challenge (`challengeId → teamId`): a check-in knows
 *   without a read whether a team's bar moves, and costs nothing extra outside a team;
 * - `teamRewards`: team rewards paid and not celebrated yet; `teamChallenges`: completed team
 *   challenges (the `teamChallenges` metric of badges and tree nodes);
 * - `leaderboardOptIn`: the member agreed to appear by nickname on the invite leaderboard (off
 *   until they switch it on);
 * - `nodes`: growth-tree nodes lit, with when (their unlocks were delivered in that transaction);
 * - `pointsDonated`: points given to charity projects (the `pointsDonated` metric);
 * - `campaigns`: campaigns joined (a check-in during the live phase), the `campaignsJoined` metric;
 * - `birthday` (`MM-DD`, set once by the member, then only by ops) and `birthdayGift` (the last
 *   one credited: its year makes it once a year without a read);
 * - `tierRewards`: per tier, the Shanghai year its entry reward was last paid (once per year);
 * - `pendingPoints`: purchase points inside their hold, by the day they become spendable
 *   (`pendingPoints.ts`) — not in `points`, not in the ledger until released;
 * - `pointsDebt`: points a refund could not take back (the balance was spent), paid off from the
 *   next earnings (`refund.ts`);
 * - `pointLots`: the balance by the Shanghai month it was earned, Σ = `points` (`pointLots.ts`);
 * - `oldestLot` and `nextRelease`: the oldest lot's month and the next release day, written with
 *   every member write (`withIndexFields`) so the jobs find who is due through an index.
 */
export interface StoredMember extends MemberRecord {
  growthDays: Record<string, number>;
  badges: EarnedBadge[];
  invitedAt: string | null;
  updatedAt: string;
  redeemCounts: Record<string, number>;
  recentRedeems: string[];
  voidedHolds: Record<string, string>;
  deleting: DeletionMark | null;
  teams: Record<string, string>;
  teamRewards: TeamRewardNote[];
  teamChallenges: number;
  leaderboardOptIn: boolean;
  nodes: UnlockedNode[];
  pointsDonated: number;
  campaigns: string[];
  birthday: string | null;
  birthdayGift: BirthdayGift | null;
  tierRewards: Partial<Record<TierId, number>>;
  pendingPoints: PendingPoints;
  pointsDebt: number;
  pointLots: PointLots;
  oldestLot: MonthString | null;
  nextRelease: DayString | null;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function numbers(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(record(value))) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

/** A map of positive integers (pending days, point lots): anything else is dropped. */
function positive(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(numbers(value))) if (Number.isInteger(v) && v > 0) out[k] = v;
  return out;
}

function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Reads a stored member defensively (older or hand-edited documents miss fields). A nickname
 * stored before control and bidi characters were refused is read without them (or, if nothing
 * is left, as the default), so no such character reaches a friend or a verifier's screen.
 */
export function normalizeMember(raw: unknown): StoredMember {
  const d = record(raw);
  const inviteCode = str(d.inviteCode);
  const stored = str(d.nickname);
  const shown = safeDisplayText(stored);
  const streak = record(d.streak);
  const badges: EarnedBadge[] = Array.isArray(d.badges)
    ? (d.badges as unknown[]).flatMap((b) => {
        const o = record(b);
        return typeof o.id === 'string' ? [{ id: o.id, earnedAt: str(o.earnedAt), seen: o.seen === true }] : [];
      })
    : [];
  const s: Streak = { current: num(streak.current), best: num(streak.best), lastDate: strOrNull(streak.lastDate) };
  return {
    _id: str(d._id),
    nickname: shown === stored || shown.trim() !== '' ? shown : defaultNickname(inviteCode),
    avatarUrl: str(d.avatarUrl),
    createdAt: str(d.createdAt),
    tier: isTierId(d.tier) ? d.tier : 'basic',
    points: num(d.points),
    growth: num(d.growth),
    streak: s,
    checkinDays: num(d.checkinDays),
    inviteCode,
    invitedBy: strOrNull(d.invitedBy),
    activatedAt: strOrNull(d.activatedAt),
    invitesActivated: num(d.invitesActivated),
    redemptions: num(d.redemptions),
    purchases: num(d.purchases),
    eventsAttended: num(d.eventsAttended),
    coursesAttended: num(d.coursesAttended),
    growthDays: numbers(d.growthDays),
    badges,
    invitedAt: strOrNull(d.invitedAt),
    updatedAt: str(d.updatedAt, str(d.createdAt)),
    redeemCounts: numbers(d.redeemCounts),
    recentRedeems: stringList(d.recentRedeems),
    voidedHolds: strings(d.voidedHolds),
    deleting: readDeletionMark(d.deleting),
    teams: strings(d.teams),
    teamRewards: Array.isArray(d.teamRewards) ? (d.teamRewards as unknown[]).flatMap(teamRewardNote) : [],
    teamChallenges: num(d.teamChallenges),
    leaderboardOptIn: d.leaderboardOptIn === true,
    nodes: Array.isArray(d.nodes)
      ? (d.nodes as unknown[]).flatMap((n) => {
          const o = record(n);
          return typeof o.id === 'string' ? [{ id: o.id, unlockedAt: str(o.unlockedAt) }] : [];
        })
      : [],
    pointsDonated: num(d.pointsDonated),
    campaigns: stringList(d.campaigns),
    birthday: typeof d.birthday === 'string' && /^\d{2}-\d{2}$/.test(d.birthday) ? d.birthday : null,
    birthdayGift: birthdayGift(d.birthdayGift),
    tierRewards: Object.fromEntries(Object.entries(numbers(d.tierRewards)).filter(([k]) => isTierId(k))) as Partial<Record<TierId, number>>,
    pendingPoints: positive(d.pendingPoints),
    pointsDebt: Math.max(0, num(d.pointsDebt)),
    pointLots: positive(d.pointLots),
    oldestLot: strOrNull(d.oldestLot),
    nextRelease: strOrNull(d.nextRelease),
  };
}

function teamRewardNote(raw: unknown): TeamRewardNote[] {
  const o = record(raw);
  if (typeof o.teamId !== 'string' || typeof o.challengeId !== 'string') return [];
  return [
    {
      teamId: o.teamId,
      challengeId: o.challengeId,
      title: str(o.title),
      icon: str(o.icon),
      points: num(o.points),
      growth: num(o.growth),
      badgeId: strOrNull(o.badgeId),
      at: str(o.at),
    },
  ];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}

function birthdayGift(value: unknown): BirthdayGift | null {
  const g = record(value);
  if (typeof g.year !== 'number') return null;
  return { year: g.year, points: num(g.points), growth: num(g.growth), at: str(g.at) };
}

/** The fields the jobs query, derived from what they index (written with every member write). */
export function withIndexFields(member: StoredMember): StoredMember {
  return { ...member, oldestLot: oldestLotMonth(member.pointLots), nextRelease: nextReleaseDay(member.pendingPoints) };
}

/** The stored document of a member's first call (`inviteCode` drawn by the caller). */
export function newStoredMember(openid: string, now: Instant, inviteCode: string): StoredMember {
  return {
    ...newMember(openid, now, inviteCode),
    growthDays: {},
    badges: [],
    invitedAt: null,
    updatedAt: toIso(now),
    redeemCounts: {},
    recentRedeems: [],
    voidedHolds: {},
    deleting: null,
    teams: {},
    teamRewards: [],
    teamChallenges: 0,
    leaderboardOptIn: false,
    nodes: [],
    pointsDonated: 0,
    campaigns: [],
    birthday: null,
    birthdayGift: null,
    tierRewards: {},
    pendingPoints: {},
    pointsDebt: 0,
    pointLots: {},
    oldestLot: null,
    nextRelease: null,
  };
}
