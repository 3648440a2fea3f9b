import type { BadgeDoc } from './badges';
import type { BenefitPackDoc } from './benefitPacks';
import type { EventDoc } from './events';
import { hhmmToMinute } from './benefitPacks';
import type { ChallengeDoc } from './challenges';
import type { CampaignDoc } from './campaigns';
import type { CharityProjectDoc } from './charityProjects';
import { BOOST_ACTIONS, DEFAULT_TIER_NAMES, TIER_IDS, type BoostAction, type ContentCollection } from './ids';
import { parseContent } from './parseContent';
import { countBySeverity, problem, type ContentProblem } from './problems';
import { DEFAULT_SETTINGS, type SettingsDoc } from './settings';
import type { StaffDoc } from './staff';
import type { TierDoc } from './tiers';
import type { TreeNodeDoc } from './treeNodes';
import { pointsForDailyCheckins } from '../domain/checkinReward';
import { dayOf, toMs, type Instant, addDays, atMinute, startOfDay, weekday } from '../time/shanghai';
import { tierCoverage } from '../domain/tierCoverage';

/** Documents as read from the database or from `content/demo/*.json`, unvalidated. */

/** What each boosted action is called in a problem's message. */
const BOOSTED_WHAT: Record<BoostAction, { zh: string; en: string }> = {
  checkin: { zh: '签到', en: 'check-ins' },
  purchase: { zh: '消费', en: 'purchases' },
};

export type RawProgram = Partial<Record<ContentCollection, readonly unknown[]>>;

/** The usable program: valid documents only, and settings (defaults when missing or broken). */
export interface Program {
  tiers: TierDoc[];
  badges: BadgeDoc[];
  tree_nodes: TreeNodeDoc[];
  benefit_packs: BenefitPackDoc[];
  settings: SettingsDoc;
  staff: StaffDoc[];
  challenges: ChallengeDoc[];
  campaigns: CampaignDoc[];
  charity_projects: CharityProjectDoc[];
  events: EventDoc[];
}

export interface ValidateOptions {
  /** For "already over" warnings; omitted → those checks are skipped (keeps results pure). */
  now?: Instant;
  /** Window growth of each active member, to compare tier coverage with the targets. */
  activeWindowGrowths?: readonly number[];
}

export interface ProgramReport {
  program: Program;
  problems: ContentProblem[];
  errors: number;
  warnings: number;
}

/**
 * Everything ops can get wrong, in one pass: each document against its schema (broken ones
 * skipped), then the rules that need several documents. Used by `npm run content:validate`,
 * by `ops.validate` on the live database, and by each function when it loads content (the
 * `program` is what it serves; the problems are logged).
 */
export function validateProgram(raw: RawProgram, options: ValidateOptions = {}): ProgramReport {
  const problems: ContentProblem[] = [];
  const parse = <C extends ContentCollection>(c: C) => {
    const r = parseContent(c, raw[c] ?? []);
    problems.push(...r.problems);
    return r.valid;
  };
  const tiers = parse('tiers');
  const badges = parse('badges');
  const treeNodes = parse('tree_nodes');
  const packs = parse('benefit_packs');
  const settingsDocs = parse('settings');
  const staff = parse('staff');
  const challenges = parse('challenges');
  const campaigns = parse('campaigns');
  const charityProjects = parse('charity_projects');
  const events = parse('events');

  const settings = settingsDocs.find((s) => s._id === 'main');
  if (!settings) {
    problems.push(
      problem('settings', 'main', '', {
        zh: '缺少有效的设置文档 _id "main"：签到与邀请暂按系统默认值运行',
        en: 'no valid settings document "main": check-in and invites run on built-in defaults',
      }),
    );
  }
  const program: Program = {
    tiers,
    badges,
    tree_nodes: treeNodes,
    benefit_packs: packs,
    settings: settings ?? DEFAULT_SETTINGS,
    staff,
    challenges,
    campaigns,
    charity_projects: charityProjects,
    events,
  };
  problems.push(...crossCheck(program, options));
  return { program, problems, ...countBySeverity(problems) };
}

/** The rules that involve more than one document (on already-valid documents). */
export function crossCheck(program: Program, options: ValidateOptions = {}): ContentProblem[] {
  return [
    ...checkTiers(program.tiers, program.benefit_packs),
    ...checkBadges(program),
    ...checkTree(program),
    ...checkPacks(program.benefit_packs, program.tiers, options),
    ...checkPackRequirements(program),
    ...checkCampaigns(program, options),
    ...checkReachability(program.benefit_packs, program.settings),
    ...checkCoverage(program, options),
    ...checkChallenges(program.challenges, program.badges, options),
    ...checkEvents(program.events, program.badges, options),
  ];
}

function checkTiers(tiers: TierDoc[], packs: BenefitPackDoc[]): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const t of tiers) {
    if (!t.entryReward) continue;
    if (t._id === 'basic') {
      out.push(
        problem(
          'tiers',
          t._id,
          'entryReward',
          { zh: '基础层是所有会员的起点，不会发放升级礼', en: 'basic is where every member starts: its entry reward is never paid' },
          'warning',
        ),
      );
    }
    const packId = t.entryReward.packId;
    if (packId !== null && !packs.some((p) => p._id === packId && p.active)) {
      out.push(
        problem('tiers', t._id, 'entryReward.packId', {
          zh: `升级礼券的福利包 ${packId} 不存在或未上架：无法赠送`,
          en: `entry voucher pack ${packId} does not exist or is not active: nothing can be given`,
        }),
      );
    }
  }
  for (const id of TIER_IDS) {
    if (!tiers.some((t) => t._id === id)) {
      out.push(
        problem('tiers', id, '', {
          zh: `缺少有效的等级文档「${DEFAULT_TIER_NAMES[id]}」(${id})：该等级无法达到`,
          en: `no valid tier document "${id}": nobody can reach that tier`,
        }),
      );
    }
  }
  const basic = tiers.find((t) => t._id === 'basic');
  if (basic && basic.threshold !== 0) {
    out.push(
      problem('tiers', 'basic', 'threshold', {
        zh: `基础层门槛必须为 0（所有会员至少是基础层），现在是 ${basic.threshold}`,
        en: `the basic threshold must be 0 (every member is at least basic); it is ${basic.threshold}`,
      }),
    );
  }
  const present = TIER_IDS.map((id) => tiers.find((t) => t._id === id)).filter((t): t is TierDoc => t !== undefined);
  for (let i = 1; i < present.length; i++) {
    const lower = present[i - 1];
    const higher = present[i];
    if (higher.threshold <= lower.threshold) {
      out.push(
        problem('tiers', higher._id, 'threshold', {
          zh: `门槛必须高于「${lower.name}」的 ${lower.threshold}（基础层 < 进阶层 < 核心层），现在是 ${higher.threshold}`,
          en: `must be above ${lower._id}'s ${lower.threshold} (basic < advanced < core); it is ${higher.threshold}`,
        }),
      );
    }
  }
  return out;
}

/**
 * Badges a node (`unlocks.badgeId`), a campaign (`badgeId`), a team challenge (`reward.badgeId`)
 * or an offline event (`badgeId`, given at the door) awards, with what awards them.
 */
function badgeAwarders(program: Program): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of program.tree_nodes) if (n.active && n.unlocks.badgeId) out.set(n.unlocks.badgeId, `tree_nodes/${n._id}`);
  for (const c of program.campaigns) if (c.active && c.badgeId) out.set(c.badgeId, `campaigns/${c._id}`);
  for (const c of program.challenges) if (c.reward.badgeId) out.set(c.reward.badgeId, `challenges/${c._id}`);
  for (const e of program.events) if (e.active && e.badgeId) out.set(e.badgeId, `events/${e._id}`);
  return out;
}

function checkBadges(program: Program): ContentProblem[] {
  const { badges, tree_nodes: nodes } = program;
  const out: ContentProblem[] = [];
  const activeNodes = nodes.filter((n) => n.active).length;
  const awarders = badgeAwarders(program);
  const seen = new Map<string, string>();
  for (const b of badges) {
    if (!b.active) continue;
    if (!b.rule) {
      if (!awarders.has(b._id)) {
        out.push(
          problem('badges', b._id, 'rule', {
            zh: '没有获得规则，也没有启用的成长树节点（unlocks.badgeId）、活动（badgeId）、组队挑战（reward.badgeId）或线下活动（events.badgeId）颁发它：无人能获得',
            en: 'has no rule and no active tree node (unlocks.badgeId), campaign (badgeId), team challenge (reward.badgeId) or offline event (events.badgeId) awards it: nobody can earn it',
          }),
        );
      }
      continue;
    }
    if (b.rule.metric === 'treeNodes' && b.rule.gte > activeNodes) {
      out.push(
        problem(
          'badges',
          b._id,
          'rule.gte',
          {
            zh: `要求点亮 ${b.rule.gte} 个成长树节点，但只有 ${activeNodes} 个启用的节点：无人能获得`,
            en: `needs ${b.rule.gte} tree nodes but only ${activeNodes} are active: nobody can earn it`,
          },
          'warning',
        ),
      );
    }
    const key = `${b.rule.metric}:${b.rule.gte}`;
    const twin = seen.get(key);
    if (twin) {
      out.push(
        problem(
          'badges',
          b._id,
          'rule',
          {
            zh: `与徽章「${twin}」的规则完全相同，会同时获得`,
            en: `has the same rule as badge "${twin}": both are always earned together`,
          },
          'warning',
        ),
      );
    } else seen.set(key, b._id);
  }
  return out;
}

function checkTree(program: Program): ContentProblem[] {
  const { tree_nodes: nodes, badges, benefit_packs: packs } = program;
  const out: ContentProblem[] = [];
  const branches = new Map<string, TreeNodeDoc[]>();
  for (const n of nodes) {
    if (!n.active) continue;
    const list = branches.get(n.branch) ?? [];
    list.push(n);
    branches.set(n.branch, list);
    out.push(...checkUnlocks(n, badges, packs));
  }
  for (const [branch, list] of branches) {
    list.sort((a, b) => a.order - b.order || a._id.localeCompare(b._id));
    const name = list[0].branchName;
    const lastOfMetric = new Map<string, TreeNodeDoc>();
    for (const n of list) {
      if (n.branchName !== name) {
        out.push(
          problem(
            'tree_nodes',
            n._id,
            'branchName',
            {
              zh: `同一分支 ${branch} 的名称不一致：「${n.branchName}」与「${name}」`,
              en: `branch ${branch} is named both "${n.branchName}" and "${name}"`,
            },
            'warning',
          ),
        );
      }
      const before = lastOfMetric.get(n.rule.metric);
      if (before && n.rule.gte <= before.rule.gte) {
        out.push(
          problem('tree_nodes', n._id, 'rule.gte', {
            zh: `分支「${name}」内同一指标 ${n.rule.metric} 的数值必须随 order 递增：本节点 ${n.rule.gte} 不高于前一节点「${before.title}」的 ${before.rule.gte}`,
            en: `within branch ${branch}, ${n.rule.metric} targets must increase with order: ${n.rule.gte} is not above ${before._id}'s ${before.rule.gte}`,
          }),
        );
      }
      lastOfMetric.set(n.rule.metric, n);
    }
  }
  return out;
}

/** A node's unlocks must deliver: the badge exists, the pack exists and is opened by this very node. */
function checkUnlocks(n: TreeNodeDoc, badges: BadgeDoc[], packs: BenefitPackDoc[]): ContentProblem[] {
  const out: ContentProblem[] = [];
  const { badgeId, packId } = n.unlocks;
  if (badgeId !== undefined && !badges.some((b) => b._id === badgeId && b.active)) {
    out.push(
      problem('tree_nodes', n._id, 'unlocks.badgeId', {
        zh: `要颁发的徽章 ${badgeId} 不存在或未启用：点亮后什么也得不到`,
        en: `badge ${badgeId} does not exist or is not active: the node would give nothing`,
      }),
    );
  }
  if (packId !== undefined) {
    const pack = packs.find((p) => p._id === packId && p.active);
    if (!pack) {
      out.push(
        problem('tree_nodes', n._id, 'unlocks.packId', {
          zh: `要开放的福利包 ${packId} 不存在或未上架：点亮后什么也得不到`,
          en: `pack ${packId} does not exist or is not active: the node would give nothing`,
        }),
      );
    } else if (pack.requires?.nodeId !== n._id) {
      out.push(
        problem('tree_nodes', n._id, 'unlocks.packId', {
          zh: `福利包「${pack.title}」没有设置 requires.nodeId 为本节点：它不是点亮本节点才开放的，节点的承诺没有兑现`,
          en: `pack ${packId} does not set requires.nodeId to this node: lighting the node does not open it`,
        }),
      );
    }
  }
  return out;
}

/** What a pack requires must be something a member can do: the badge and the node exist. */
function checkPackRequirements(program: Program): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const p of program.benefit_packs) {
    if (!p.active || !p.requires) continue;
    const { badgeId, nodeId } = p.requires;
    if (badgeId !== undefined && !program.badges.some((b) => b._id === badgeId && b.active)) {
      out.push(
        problem('benefit_packs', p._id, 'requires.badgeId', {
          zh: `需要的徽章 ${badgeId} 不存在或未启用：无人能兑换`,
          en: `required badge ${badgeId} does not exist or is not active: nobody can redeem it`,
        }),
      );
    }
    if (nodeId !== undefined && !program.tree_nodes.some((n) => n._id === nodeId && n.active)) {
      out.push(
        problem('benefit_packs', p._id, 'requires.nodeId', {
          zh: `需要的成长树节点 ${nodeId} 不存在或未启用：无人能兑换`,
          en: `required tree node ${nodeId} does not exist or is not active: nobody can redeem it`,
        }),
      );
    }
  }
  return out;
}

function checkCampaigns(program: Program, options: ValidateOptions): ContentProblem[] {
  const out: ContentProblem[] = [];
  const active = program.campaigns.filter((c) => c.active);
  for (const c of active) {
    c.packIds.forEach((id, i) => {
      if (!program.benefit_packs.some((p) => p._id === id)) {
        out.push(
          problem('campaigns', c._id, `packIds[${i}]`, {
            zh: `福利包 ${id} 不存在`,
            en: `pack ${id} does not exist`,
          }),
        );
      }
    });
    if (c.badgeId !== null && !program.badges.some((b) => b._id === c.badgeId && b.active)) {
      out.push(
        problem('campaigns', c._id, 'badgeId', {
          zh: `活动徽章 ${c.badgeId} 不存在或未启用：参加活动的会员得不到它`,
          en: `campaign badge ${c.badgeId} does not exist or is not active: participants would not get it`,
        }),
      );
    }
    if (options.now !== undefined && toMs(options.now) >= toMs(c.recapUntil)) {
      out.push(
        problem(
          'campaigns',
          c._id,
          'recapUntil',
          { zh: '回顾期已结束，可将 active 设为 false', en: 'the recap is over; set active to false' },
          'warning',
        ),
      );
    }
  }
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i];
      const b = active[j];
      const overlap = toMs(a.startAt) < toMs(b.endAt) && toMs(b.startAt) < toMs(a.endAt);
      if (!overlap) continue;
      for (const action of BOOST_ACTIONS) {
        if (!a.boosts[action] || !b.boosts[action]) continue;
        const what = BOOSTED_WHAT[action];
        out.push(
          problem(
            'campaigns',
            b._id,
            `boosts.${action}`,
            {
              zh: `与「${a.title}」(${a._id}) 的活动期重叠，两者都有${what.zh}加成：重叠期间只按倍数较高的一个计算`,
              en: `its live phase overlaps "${a._id}" and both boost ${what.en}: only the higher boost applies while they overlap`,
            },
            'warning',
          ),
        );
      }
    }
  }
  return out;
}

const DAY_MS = 86_400_000;
/** Any Monday, for comparing weekly schedules of packs with no dates at all. */
const REFERENCE_DAY = '2026-01-05';

/** Whether two packs can be open at the same instant (date windows and weekly schedules). */
export function packsOverlap(a: BenefitPackDoc, b: BenefitPackDoc): boolean {
  const start = Math.max(a.startAt === null ? -Infinity : toMs(a.startAt), b.startAt === null ? -Infinity : toMs(b.startAt));
  const end = Math.min(a.endAt === null ? Infinity : toMs(a.endAt), b.endAt === null ? Infinity : toMs(b.endAt));
  if (start >= end) return false;
  const from = Number.isFinite(start) ? start : Number.isFinite(end) ? end - 9 * DAY_MS : startOfDay(REFERENCE_DAY);
  // Nine days from the first: past the clipped first day, every weekday appears in full.
  const firstDay = dayOf(from);
  const rangesOf = (p: BenefitPackDoc) => p.schedule?.hours?.map((h) => [hhmmToMinute(h.from), hhmmToMinute(h.to)]) ?? [[0, 1440]];
  const allowed = (p: BenefitPackDoc, day: string) => !p.schedule?.weekdays || p.schedule.weekdays.includes(weekday(day));
  for (let i = 0; i < 9; i++) {
    const day = addDays(firstDay, i);
    if (startOfDay(day) >= end) break;
    if (!allowed(a, day) || !allowed(b, day)) continue;
    for (const [af, at] of rangesOf(a)) {
      for (const [bf, bt] of rangesOf(b)) {
        const lo = Math.max(atMinute(day, Math.max(af, bf)), start);
        const hi = Math.min(atMinute(day, Math.min(at, bt)), end);
        if (lo < hi) return true;
      }
    }
  }
  return false;
}

function checkPacks(packs: BenefitPackDoc[], tiers: TierDoc[], options: ValidateOptions): ContentProblem[] {
  const out: ContentProblem[] = [];
  const active = packs.filter((p) => p.active);
  for (const p of active) {
    if (!tiers.some((t) => t._id === p.minTier)) {
      out.push(
        problem('benefit_packs', p._id, 'minTier', {
          zh: `指定的最低等级 ${p.minTier} 没有有效的等级文档：无人能兑换`,
          en: `minimum tier ${p.minTier} has no valid tier document: nobody can redeem it`,
        }),
      );
    }
    if ((p.scene === 'lunch' || p.scene === 'weekend') && !p.schedule) {
      out.push(
        problem(
          'benefit_packs',
          p._id,
          'schedule',
          { zh: `场景为 ${p.scene} 却没有开放时段：会全天每天开放`, en: `scene ${p.scene} without a schedule: open every day, all day` },
          'warning',
        ),
      );
    }
    if (p.scene === 'holiday' && (p.startAt === null || p.endAt === null)) {
      out.push(
        problem(
          'benefit_packs',
          p._id,
          p.startAt === null ? 'startAt' : 'endAt',
          { zh: '节日福利包应同时设置开始和结束时间', en: 'a holiday pack should have both startAt and endAt' },
          'warning',
        ),
      );
    }
    if (p.stock === 0) {
      out.push(
        problem(
          'benefit_packs',
          p._id,
          'stock',
          { zh: '库存为 0：会员只能看到「已兑完」', en: 'stock is 0: members only see "out of stock"' },
          'warning',
        ),
      );
    }
    if (options.now !== undefined && p.endAt !== null && toMs(options.now) >= toMs(p.endAt)) {
      out.push(
        problem(
          'benefit_packs',
          p._id,
          'endAt',
          {
            zh: '活动已结束但仍为上架状态，可将 active 设为 false',
            en: 'the campaign is over but the pack is still active; set active to false',
          },
          'warning',
        ),
      );
    }
  }
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i];
      const b = active[j];
      if (a.scene === 'normal' || a.scene !== b.scene || a.minTier !== b.minTier) continue;
      if (packsOverlap(a, b)) {
        out.push(
          problem('benefit_packs', b._id, 'startAt', {
            zh: `与「${a.title}」(${a._id}) 同为 ${a.scene} 场景、同一最低等级，开放时间重叠：请错开日期或时段`,
            en: `overlaps "${a._id}" (same scene ${a.scene} and minimum tier): shift the dates or hours`,
          }),
        );
      }
    }
  }
  return out;
}

/** The plan's pain point 积分门槛过高: a basic pack must be affordable within a week of check-ins. */
function checkReachability(packs: BenefitPackDoc[], settings: SettingsDoc): ContentProblem[] {
  const basics = packs.filter((p) => p.active && p.minTier === 'basic');
  const week = pointsForDailyCheckins(settings, 7);
  if (basics.length === 0) {
    return [
      problem(
        'benefit_packs',
        '*',
        '',
        { zh: '没有上架的基础层福利包：新会员无福利可兑', en: 'no active basic pack: new members have nothing to redeem' },
        'warning',
      ),
    ];
  }
  const cheapest = basics.reduce((m, p) => (p.cost < m.cost ? p : m));
  if (cheapest.cost > week) {
    return [
      problem(
        'benefit_packs',
        cheapest._id,
        'cost',
        {
          zh: `最便宜的基础层福利包需要 ${cheapest.cost} 积分，连续签到一周只能得到 ${week} 积分：积分门槛过高`,
          en: `the cheapest basic pack costs ${cheapest.cost} points but a week of check-ins earns ${week}: the threshold is too high`,
        },
        'warning',
      ),
    ];
  }
  return [];
}

/** Tier coverage against the targets, when the caller supplies active members' window growth. */
function checkCoverage(program: Program, options: ValidateOptions): ContentProblem[] {
  if (!options.activeWindowGrowths || options.activeWindowGrowths.length === 0) return [];
  const out: ContentProblem[] = [];
  for (const c of tierCoverage(program.tiers, options.activeWindowGrowths, program.settings.tier.coverageTargets)) {
    // Basic is the floor (100%): only falling short matters. Higher tiers: ±10 points.
    const off = c.tier === 'basic' ? c.coverage < c.target : Math.abs(c.coverage - c.target) > 10;
    if (off) {
      out.push(
        problem(
          'tiers',
          c.tier,
          'threshold',
          {
            zh: `覆盖率 ${c.coverage}%（${c.members}/${options.activeWindowGrowths.length} 名活跃会员），目标 ${c.target}%：建议调整门槛`,
            en: `coverage ${c.coverage}% (${c.members}/${options.activeWindowGrowths.length} active members) vs target ${c.target}%: consider another threshold`,
          },
          'warning',
        ),
      );
    }
  }
  return out;
}

/** A challenge's reward badge must exist and be active; a challenge long over is worth a note. */
function checkChallenges(challenges: ChallengeDoc[], badges: BadgeDoc[], options: ValidateOptions): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const c of challenges) {
    const badgeId = c.reward.badgeId;
    if (badgeId !== null && !badges.some((b) => b._id === badgeId && b.active)) {
      out.push(
        problem('challenges', c._id, 'reward.badgeId', {
          zh: `奖励徽章 ${badgeId} 不存在或未启用：完成的队伍只能得到积分和成长值`,
          en: `reward badge ${badgeId} does not exist or is not active: completed teams would get points and growth only`,
        }),
      );
    }
    if (c.reward.points === 0 && c.reward.growth === 0 && badgeId === null) {
      out.push(
        problem(
          'challenges',
          c._id,
          'reward',
          { zh: '没有设置任何奖励（积分、成长值、徽章都为空）', en: 'has no reward at all (no points, growth or badge)' },
          'warning',
        ),
      );
    }
    if (options.now !== undefined && toMs(options.now) >= toMs(c.endAt)) {
      out.push(
        problem(
          'challenges',
          c._id,
          'endAt',
          {
            zh: '挑战已结束，队伍页仍可查看；不再需要时可删除',
            en: 'the challenge is over (teams can still see it); delete it when no longer needed',
          },
          'warning',
        ),
      );
    }
  }
  return out;
}

/** An event's badge must be one members can get; an event long over but still active is clutter. */
function checkEvents(events: EventDoc[], badges: BadgeDoc[], options: ValidateOptions): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const e of events) {
    if (!e.active) continue;
    if (e.badgeId !== null && !badges.some((b) => b._id === e.badgeId && b.active)) {
      out.push(
        problem('events', e._id, 'badgeId', {
          zh: `纪念徽章 ${e.badgeId} 不是已启用的徽章：到场会员拿不到它`,
          en: `badge ${e.badgeId} is not an active badge: attendees would not get it`,
        }),
      );
    }
    if (options.now !== undefined && toMs(e.endAt) + 30 * DAY_MS < toMs(options.now)) {
      out.push(
        problem(
          'events',
          e._id,
          'active',
          {
            zh: '活动已结束 30 天以上仍为启用状态，可将 active 设为 false（签到记录会保留）',
            en: 'the event ended over 30 days ago but is still active; set active to false (attendance is kept)',
          },
          'warning',
        ),
      );
    }
  }
  return out;
}
