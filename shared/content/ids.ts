/**
 * Identifiers shared by content documents, the domain and the API contracts. Kept free of any
 * dependency (not even zod) so the client bundle and every schema can import them cheaply.
 */

/** The three benefit layers, lowest first. Their order is the tier rank. */
export const TIER_IDS = ['basic', 'advanced', 'core'] as const;
export type TierId = (typeof TIER_IDS)[number];

/** Names used when a tier document is missing or broken (the page still renders). */
export const DEFAULT_TIER_NAMES: Record<TierId, string> = {
  basic: '基础层',
  advanced: '进阶层',
  core: '核心层',
};

/** 0 for basic, 1 for advanced, 2 for core; -1 for anything else. */
export function tierRank(id: string): number {
  return (TIER_IDS as readonly string[]).indexOf(id);
}

export function isTierId(value: unknown): value is TierId {
  return typeof value === 'string' && tierRank(value) >= 0;
}

/**
 * `_id` of an ops-edited document (badge, tree node, pack): letters, digits, `_` and `-`, up to
 * 64 characters. Keeping ids URL- and key-safe lets them appear in counter document ids
 * (`openid_packId_period`) and in page query strings without escaping.
 */
export const CONTENT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A WeChat OPENID: `o` + 27 URL-safe characters in practice; accepted a little wider. */
export const OPENID_RE = /^[A-Za-z0-9_-]{10,64}$/;

/**
 * The metrics a rule (`{metric, gte}`) of a badge or a growth-tree node may name. A metric is
 * listed here only once something records it, so a rule on a metric nothing counts yet is a
 * validation error, never a node nobody can reach. Adding one: a name here, its row in
 * `METRIC_DEFS` (`shared/domain/metrics.ts`: label, unit, where it is read) and the place that counts it.
 */
export const METRICS = [
  'streak',
  'checkinDays',
  'invitesActivated',
  'redemptions',
  'growth',
  'treeNodes',
  'pointsDonated',
  'campaignsJoined',
  'teamChallenges',
  'purchases',
  'eventsAttended',
  'coursesAttended',
] as const;
export type Metric = (typeof METRICS)[number];

/** The badge rules' name for the metrics (badges and tree nodes share one engine). */
export const BADGE_METRICS = METRICS;
export type BadgeMetric = Metric;

/**
 * App features a growth-tree node can unlock (`unlocks.feature`): the client reads the member's
 * unlocked features and shows them. Names are what the tree page says it unlocks.
 */
export const NODE_FEATURES = ['cardFrame', 'charityCertificate'] as const;
export type NodeFeature = (typeof NODE_FEATURES)[number];

export const NODE_FEATURE_NAMES: Record<NodeFeature, string> = {
  cardFrame: '会员卡专属边框',
  charityCertificate: '公益同行电子证书',
};

/** What a campaign can boost (`campaigns.boosts.<action>`): check-ins, and purchases (their points only). */
export const BOOST_ACTIONS = ['checkin', 'purchase'] as const;
export type BoostAction = (typeof BOOST_ACTIONS)[number];

export const BADGE_RARITIES = ['common', 'rare', 'epic', 'legendary'] as const;
export type BadgeRarity = (typeof BADGE_RARITIES)[number];

export const BADGE_RARITY_NAMES: Record<BadgeRarity, string> = {
  common: '普通',
  rare: '稀有',
  epic: '史诗',
  legendary: '传说',
};

export const PACK_SCENES = ['normal', 'lunch', 'weekend', 'holiday'] as const;
export type PackScene = (typeof PACK_SCENES)[number];

export const PACK_SCENE_NAMES: Record<PackScene, string> = {
  normal: '常规',
  lunch: '工作日午间',
  weekend: '周末家庭',
  holiday: '节日限定',
};

export const LIMIT_PERIODS = ['day', 'week', 'month', 'campaign'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** `verifier` verifies vouchers (and may check members in at events), `ops` runs the program, `host` checks members in at offline events. */
export const STAFF_ROLES = ['verifier', 'ops', 'host'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Offline events: an activity (salon, meet-up) or a course; `coursesAttended` counts the courses. */
export const EVENT_KINDS = ['activity', 'course'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_NAMES: Record<EventKind, string> = {
  activity: '活动',
  course: '课程',
};

/** The collections ops edit in the cloud console (plus `staff`, which ops enrol by hand). */
export const CONTENT_COLLECTIONS = [
  'tiers',
  'badges',
  'tree_nodes',
  'benefit_packs',
  'settings',
  'staff',
  'campaigns',
  'charity_projects',
  'challenges',
  'events',
] as const;
export type ContentCollection = (typeof CONTENT_COLLECTIONS)[number];

/**
 * What a team challenge's goal may count (`shared/domain/teamChallenge.ts`): each member's own
 * check-ins, the days every member checked in, redemptions, purchases.
 */
export const TEAM_METRICS = ['checkins', 'checkinDays', 'redemptions', 'purchases'] as const;
export type TeamMetric = (typeof TEAM_METRICS)[number];

/**
 * The metrics something records today: a check-in, a redemption, a purchase the brand's systems
 * report (`recordPurchase` calls `recordTeamActivity(account, openid, ['purchases'])`). A challenge
 * on any other metric is refused by content validation: nobody could ever finish it.
 */
export const RECORDED_TEAM_METRICS: readonly TeamMetric[] = ['checkins', 'checkinDays', 'redemptions', 'purchases'];

export const TEAM_METRIC_NAMES: Record<TeamMetric, string> = {
  checkins: '签到次数',
  checkinDays: '全员签到天数',
  redemptions: '兑换次数',
  purchases: '消费次数',
};
