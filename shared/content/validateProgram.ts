import type { BadgeDoc } from './badges';
import type { BenefitPackDoc } from './benefitPacks';
import type { EventDoc } from './events';
import { hhmmToMinute } from './benefitPacks';
import { DEFAULT_TIER_NAMES, TIER_IDS, type ContentCollection } from './ids';
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
export type RawProgram = Partial<Record<ContentCollection, readonly unknown[]>>;

/** The usable program: valid documents only, and settings (defaults when missing or broken). */
export interface Program {
  tiers: TierDoc[];
  badges: BadgeDoc[];
  tree_nodes: TreeNodeDoc[];
  benefit_packs: BenefitPackDoc[];
  settings: SettingsDoc;
  staff: StaffDoc[];
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
    events,
  };
  problems.push(...crossCheck(program, options));
  return { program, problems, ...countBySeverity(problems) };
}

/** The rules that involve more than one document (on already-valid documents). */
export function crossCheck(program: Program, options: ValidateOptions = {}): ContentProblem[] {
  return [
    ...checkTiers(program.tiers),
    ...checkBadges(program.badges, program.tree_nodes),
    ...checkTree(program.tree_nodes),
    ...checkPacks(program.benefit_packs, program.tiers, options),
    ...checkReachability(program.benefit_packs, program.settings),
    ...checkCoverage(program, options),
    ...checkEvents(program.events, program.badges, options),
  ];
}

function checkTiers(tiers: TierDoc[]): ContentProblem[] {
  const out: ContentProblem[] = [];
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

function checkBadges(badges: BadgeDoc[], nodes: TreeNodeDoc[]): ContentProblem[] {
  const out: ContentProblem[] = [];
  const activeNodes = nodes.filter((n) => n.active).length;
  const seen = new Map<string, string>();
  for (const b of badges) {
    if (!b.active) continue;
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

function checkTree(nodes: TreeNodeDoc[]): ContentProblem[] {
  const out: ContentProblem[] = [];
  const branches = new Map<string, TreeNodeDoc[]>();
  for (const n of nodes) {
    if (!n.active) continue;
    const list = branches.get(n.branch) ?? [];
    list.push(n);
    branches.set(n.branch, list);
  }
  for (const [branch, list] of branches) {
    list.sort((a, b) => a.order - b.order || a._id.localeCompare(b._id));
    const name = list[0].branchName;
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
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
      if (i > 0 && n.threshold <= list[i - 1].threshold) {
        out.push(
          problem('tree_nodes', n._id, 'threshold', {
            zh: `分支「${name}」内门槛必须随 order 递增：本节点 ${n.threshold} 不高于前一节点「${list[i - 1].title}」的 ${list[i - 1].threshold}`,
            en: `thresholds must increase with order within branch ${branch}: ${n.threshold} is not above ${list[i - 1]._id}'s ${list[i - 1].threshold}`,
          }),
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
