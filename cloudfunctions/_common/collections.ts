import { CONTENT_COLLECTIONS } from '@shared/content/ids';

/**
 * Every collection the functions touch. `content/permissions.json` and `content/indexes.json`
 * must list each of them (a test checks it), so a new environment set up from DEPLOY.md has them all.
 */
export const COLLECTIONS = {
  members: 'members',
  checkins: 'checkins',
  ledger: 'ledger',
  redemptions: 'redemptions',
  invites: 'invites',
  inviteAttempts: 'invite_attempts',
  /** The member's invite card (mini-program code in cloud storage), one per member. */
  inviteCards: 'invite_cards',
  /** Invite rewards paid per inviter per Shanghai day (`inviter_YYYY-MM-DD`), for the daily cap. */
  inviteCaps: 'invite_caps',
  /** Maintained counters: `members` and `badge_<badgeId>` (badge rarity without counting). */
  counters: 'counters',
  /** Fixed-window rate limits (`<scope>_<hash>_<window>`). */
  rateLimits: 'rate_limits',
  /** What the `jobs` scheduler remembers per job (`_id` = the job's name): when it last ran and finished, where it stopped. */
  jobState: 'job_state',
  /** Per-environment random secrets (`_id` = the secret's name), created on first use; never in the repo (`secrets.ts`). */
  secrets: 'secrets',
  /** A salted one-way hash of each deleted openid (`_id`), nothing else: a returning member is not "new" for invites. */
  deletedMembers: 'deleted_members',
  /** Team challenge teams, `_id` = the team's join code (`shared/domain/teamChallenge.ts`). */
  teams: 'teams',
  /** Invites activated per inviter per Shanghai month (`<month>_<inviter>`): the invite leaderboard. */
  inviteMonths: 'invite_months',
  /** Mini-program code images shared by many (`team_<code>`, `badge_wall`), drawn once. */
  shareCodes: 'share_codes',
  /** Points given to charity projects (`_id` = `don_<hash of member and request>`); anonymised, not removed, on account deletion. */
  donations: 'donations',
  /** Audited ops changes `{who, action, target, before, after, reason, at}` (a birthday corrected…). */
  opsAudit: 'ops_audit',
  /** One lookup document per 会员码 issued (`_id` = the code): `{openid, window, variant, expiresAt}`; cleaned up by `jobs`. */
  memberCodes: 'member_codes',
  /** Orders from the brand's systems (`_id` = the brand's orderId): what each earned, its refunds, its first answer. */
  orders: 'orders',
  /** One document per refund (`_id` = `<orderId>_<refundId>`): what it reversed; no openid. */
  orderRefunds: 'order_refunds',
  /** Every call of the `partner` HTTP API: route, orderId, result, HTTP status, latency; no openid. */
  partnerCalls: 'partner_calls',
  /** Who checked in at which offline event (`_id` = `<eventId>_<openid>`), by which host, and what it earned. */
  eventAttendance: 'event_attendance',
  tiers: 'tiers',
  badges: 'badges',
  treeNodes: 'tree_nodes',
  benefitPacks: 'benefit_packs',
  settings: 'settings',
  staff: 'staff',
  challenges: 'challenges',
  campaigns: 'campaigns',
  charityProjects: 'charity_projects',
  events: 'events',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export const ALL_COLLECTIONS: CollectionName[] = Object.values(COLLECTIONS);

export { CONTENT_COLLECTIONS };
