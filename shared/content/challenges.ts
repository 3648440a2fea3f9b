import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { RECORDED_TEAM_METRICS, TEAM_METRICS } from './ids';
import { instantField } from './instant';
import { contentId, int, optionalText, text } from './primitives';

export const CHALLENGE_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '挑战标识',
    'Challenge id',
    '英文字母、数字、_ 或 -，上线后不要修改（队伍按它关联）',
    'letters, digits, _ or -; never change it once live (teams refer to it)',
  ),
  title: fieldDoc('挑战名称', 'Title', '例如「冬日组队签到挑战」，最多 20 个字', 'e.g. 冬日组队签到挑战; at most 20 characters'),
  description: fieldDoc(
    '挑战说明',
    'Description',
    '玩法与奖励说明，最多 200 个字。奖励只来自队员自己的签到、兑换等行为，不要写「分享得积分」',
    'how it works and what the team wins, at most 200 characters. The reward comes only from members’ own activity: never promise anything for sharing',
  ),
  icon: fieldDoc('图标', 'Icon', '可选，一个 emoji，例如 🏔️；不填为 🏁', 'optional emoji, e.g. 🏔️; 🏁 when missing'),
  joinFrom: fieldDoc(
    '开放组队时间',
    'Teams open at',
    '从这时起可以创建和加入队伍，例如 2026-12-01（当天 0 点，上海时间）；不能晚于 startAt',
    'teams can be created and joined from then on, e.g. 2026-12-01 (00:00 Shanghai); not after startAt',
  ),
  startAt: fieldDoc(
    '开赛时间',
    'Starts at',
    '从这时起计算队员的行为，例如 2026-12-07（当天 0 点）；开赛后不能再退出队伍',
    'members’ activity counts from then on, e.g. 2026-12-07 (00:00); nobody can leave a team after it',
  ),
  endAt: fieldDoc(
    '结束时间',
    'Ends at',
    '例如 2026-12-20 表示到当天 24 点结束（含当天）；必须晚于 startAt',
    'e.g. 2026-12-20 = until the end of that day (inclusive); must be after startAt',
  ),
  joinGraceHours: fieldDoc(
    '开赛后可加入时长（小时）',
    'Join grace (hours)',
    '开赛后还能加入队伍的小时数，0–168，默认 0（开赛即截止）。截止时人数仍不足 teamSize.min 的队伍不开赛',
    'hours after startAt during which members may still join, 0–168, default 0. A team still below teamSize.min when joining closes does not run',
  ),
  teamSize: fieldDoc(
    '队伍人数',
    'Team size',
    '{ "min": 最少人数, "max": 最多人数 }，2 ≤ min ≤ max ≤ 10',
    '{ "min": n, "max": n }, 2 ≤ min ≤ max ≤ 10',
  ),
  'teamSize.min': fieldDoc(
    '最少人数',
    'Minimum',
    '达到这个人数队伍才开始计数，2–10',
    'the team counts only once it has this many members, 2–10',
  ),
  'teamSize.max': fieldDoc(
    '最多人数',
    'Maximum',
    '满员后不能再加入，不小于 min，最多 10',
    'no one can join a full team; at least min, at most 10',
  ),
  goal: fieldDoc(
    '挑战目标',
    'Goal',
    '{ "metric": 指标, "target": 数值 }：队伍累计达到 target 即完成',
    '{ "metric": metric, "target": n }: done when the team reaches n',
  ),
  'goal.metric': fieldDoc(
    '目标指标',
    'Goal metric',
    'checkins 队员签到次数之和 / checkinDays 全员都签到的天数 / redemptions 队员兑换次数之和 / purchases 队员在门店或商城的消费笔数之和（品牌系统上报订单时计入，退款不会减少队伍进度）；只计开赛到结束期间、队伍人数达到 min 之后队员自己的行为',
    'checkins = members’ check-ins / checkinDays = days every member checked in / redemptions = members’ redemptions / purchases = members’ orders in the stores and shop (counted when the brand reports the order; a refund does not take the team’s progress back); only members’ own activity between startAt and endAt, once the team has teamSize.min members',
  ),
  'goal.target': fieldDoc('目标数值', 'Goal target', '正整数，1–100000', 'a positive integer, 1–100000'),
  reward: fieldDoc(
    '完成奖励',
    'Reward',
    '{ "points": 积分, "growth": 成长值, "badgeId": 徽章（可选）}：完成时在队的每位队员各得一份，只发一次',
    '{ "points": n, "growth": n, "badgeId": optional }: every member in the team at completion gets one, once',
  ),
  'reward.points': fieldDoc('奖励积分', 'Reward points', '每位队员获得的积分，整数 ≥ 0', 'points per member, integer ≥ 0'),
  'reward.growth': fieldDoc('奖励成长值', 'Reward growth', '每位队员获得的成长值，整数 ≥ 0', 'growth per member, integer ≥ 0'),
  'reward.badgeId': fieldDoc(
    '奖励徽章',
    'Reward badge',
    '可选，完成时点亮的徽章 _id，必须是已有且启用的徽章；徽章的 rule 为 null 时，只有完成本挑战才能获得',
    'optional badge `_id` lit at completion; must be an existing, active badge; a badge whose rule is null is then earned only this way',
  ),
};

export const challengeSchema = z
  .object({
    _id: described(contentId, CHALLENGE_FIELDS._id),
    title: described(text(20), CHALLENGE_FIELDS.title),
    description: described(text(200), CHALLENGE_FIELDS.description),
    icon: described(optionalText(16), CHALLENGE_FIELDS.icon).transform((v) => v || '🏁'),
    joinFrom: described(instantField('start').pipe(z.string({ message: 'required' })), CHALLENGE_FIELDS.joinFrom),
    startAt: described(instantField('start').pipe(z.string({ message: 'required' })), CHALLENGE_FIELDS.startAt),
    endAt: described(instantField('end').pipe(z.string({ message: 'required' })), CHALLENGE_FIELDS.endAt),
    joinGraceHours: described(int(0, 168).optional(), CHALLENGE_FIELDS.joinGraceHours).transform((v) => v ?? 0),
    teamSize: described(
      z.object({
        min: described(int(2, 10), CHALLENGE_FIELDS['teamSize.min']),
        max: described(int(2, 10), CHALLENGE_FIELDS['teamSize.max']),
      }),
      CHALLENGE_FIELDS.teamSize,
    ),
    goal: described(
      z.object({
        metric: described(z.enum(TEAM_METRICS), CHALLENGE_FIELDS['goal.metric']),
        target: described(int(1, 100_000), CHALLENGE_FIELDS['goal.target']),
      }),
      CHALLENGE_FIELDS.goal,
    ),
    reward: described(
      z.object({
        points: described(int(0, 1_000_000), CHALLENGE_FIELDS['reward.points']),
        growth: described(int(0, 1_000_000), CHALLENGE_FIELDS['reward.growth']),
        badgeId: described(contentId.nullable().optional(), CHALLENGE_FIELDS['reward.badgeId']).transform((v) => v ?? null),
      }),
      CHALLENGE_FIELDS.reward,
    ),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: Array<string>) => ctx.addIssue({ code: z.ZodIssueCode.custom, message, path });
    if (Date.parse(c.joinFrom) > Date.parse(c.startAt)) issue('joinAfterStart', ['joinFrom']);
    if (Date.parse(c.endAt) <= Date.parse(c.startAt)) issue('endBeforeStart', ['endAt']);
    if (c.teamSize.min > c.teamSize.max) issue('teamSizeOrder', ['teamSize', 'max']);
    // A goal on a metric nothing records could never be reached: refused, so no team can join it.
    if (!RECORDED_TEAM_METRICS.includes(c.goal.metric)) issue('metricNotRecorded', ['goal', 'metric']);
  });

export type ChallengeDoc = z.output<typeof challengeSchema>;
