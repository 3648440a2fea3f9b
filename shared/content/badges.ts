import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { metricsHelp } from '../domain/metrics';
import { BADGE_METRICS, BADGE_RARITIES } from './ids';
import { contentId, int, text } from './primitives';

export const BADGE_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '徽章标识',
    'Badge id',
    '英文字母、数字、_ 或 -，上线后不要修改（会员已获得的记录按它关联）',
    'letters, digits, _ or -; never change it once live (earned records refer to it)',
  ),
  name: fieldDoc('徽章名称', 'Badge name', '最多 12 个字', 'at most 12 characters'),
  description: fieldDoc(
    '获得条件说明',
    'Description',
    '告诉会员怎样获得，例如「连续签到 7 天」，最多 80 个字',
    'how to earn it, e.g. "check in 7 days in a row"; at most 80 characters',
  ),
  icon: fieldDoc(
    '图标',
    'Icon',
    '一个 emoji（如 🔥）或前端图标名，最多 16 个字符',
    'an emoji (e.g. 🔥) or a client icon key; at most 16 characters',
  ),
  rarity: fieldDoc(
    '稀有度',
    'Rarity',
    'common 普通 / rare 稀有 / epic 史诗 / legendary 传说，决定徽章边框',
    'common / rare / epic / legendary; sets the badge frame',
  ),
  rule: fieldDoc(
    '获得规则',
    'Rule',
    '{ "metric": 指标, "gte": 数值 }：指标达到（≥）该数值即获得。可以为 null：此时只能由成长树节点（unlocks.badgeId）、活动（campaigns.badgeId）、组队挑战（challenges.reward.badgeId）或线下活动（events.badgeId，到场即得）颁发，且必须有一个启用的节点、活动、挑战或线下活动颁发它',
    '{ "metric": metric, "gte": n }: earned when the metric reaches n. May be null: then only a tree node (unlocks.badgeId), a campaign (campaigns.badgeId), a team challenge (challenges.reward.badgeId) or an offline event (events.badgeId, given at the door) awards it, and an active one must',
  ),
  'rule.metric': fieldDoc('规则指标', 'Rule metric', metricsHelp(BADGE_METRICS).zh, metricsHelp(BADGE_METRICS).en),
  'rule.gte': fieldDoc('规则数值', 'Rule target', '达到多少即获得，正整数', 'the target, a positive integer'),
  order: fieldDoc('排序', 'Order', '徽章墙上的顺序，数字小的在前', 'position on the badge wall, smaller first'),
  active: fieldDoc(
    '是否启用',
    'Active',
    'false 时不再发放、不在徽章墙展示（已获得的会员仍保留记录）',
    'false stops awarding and hides it (earned records are kept)',
  ),
};

export const badgeRuleSchema = z.object({
  metric: described(z.enum(BADGE_METRICS), BADGE_FIELDS['rule.metric']),
  gte: described(int(1, 10_000_000), BADGE_FIELDS['rule.gte']),
});

export const badgeSchema = z.object({
  _id: described(contentId, BADGE_FIELDS._id),
  name: described(text(12), BADGE_FIELDS.name),
  description: described(text(80), BADGE_FIELDS.description),
  icon: described(text(16), BADGE_FIELDS.icon),
  rarity: described(z.enum(BADGE_RARITIES), BADGE_FIELDS.rarity),
  rule: described(badgeRuleSchema.nullable().optional(), BADGE_FIELDS.rule).transform((v) => v ?? null),
  order: described(int(0, 100_000), BADGE_FIELDS.order),
  active: described(z.boolean(), BADGE_FIELDS.active),
});

export type BadgeRule = z.output<typeof badgeRuleSchema>;
export type BadgeDoc = z.output<typeof badgeSchema>;
