import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { TIER_IDS } from './ids';
import { contentId, hexColor, int, optionalText, text } from './primitives';

export const TIER_FIELDS: FieldDocs = {
  _id: fieldDoc('等级标识', 'Tier id', '固定为 basic（基础层）、advanced（进阶层）或 core（核心层）之一', 'one of basic, advanced, core'),
  name: fieldDoc(
    '等级名称',
    'Tier name',
    '会员看到的名称，例如「进阶层」，最多 10 个字',
    'the name members see, e.g. 进阶层; at most 10 characters',
  ),
  threshold: fieldDoc(
    '门槛成长值',
    'Growth threshold',
    '近 12 个月（滚动）累计成长值达到该值即进入此等级；基础层必须为 0，且 基础层 < 进阶层 < 核心层',
    'growth earned in the rolling 12-month window needed for this tier; basic must be 0 and basic < advanced < core',
  ),
  benefits: fieldDoc(
    '等级权益',
    'Benefits',
    '在等级页展示的权益说明列表，每条最多 60 个字，最多 10 条',
    'benefit lines shown on the tier page; up to 10 lines of 60 characters',
  ),
  color: fieldDoc('主题色', 'Colour', '等级徽标与进度条颜色，#RRGGBB', 'colour of the tier mark and progress bar, #RRGGBB'),
  description: fieldDoc('等级说明', 'Description', '可选，一句话介绍该等级', 'optional one-line introduction'),
  entryReward: fieldDoc(
    '升级礼',
    'Entry reward',
    '可选，{ "points": 积分, "packId": 福利包 }：会员升入该等级时随升级仪式发放；每位会员每个等级每个自然年（上海时间）最多一次，降级后再升回不会重复发放。packId 会赠送该福利包的一张券（不扣积分、不占库存）。基础层是起点，不发放',
    'optional { "points", "packId" }: paid with the tier-up ceremony when a member climbs into this tier, at most once per member, tier and calendar year (Shanghai) — dropping and climbing back pays nothing. packId gives a voucher of that pack (no points, no stock). Basic is the start: never paid',
  ),
  'entryReward.points': fieldDoc('升级礼积分', 'Entry points', '整数 0–100000', 'integer 0–100000'),
  'entryReward.packId': fieldDoc(
    '升级礼券',
    'Entry voucher',
    '可选，赠送一张该福利包（_id）的券',
    'optional: a voucher of this pack (_id) is given',
  ),
};

export const entryRewardSchema = z.object({
  points: described(int(0, 100_000), TIER_FIELDS['entryReward.points']),
  packId: described(contentId.nullable().optional(), TIER_FIELDS['entryReward.packId']).transform((v) => v ?? null),
});

export const tierSchema = z.object({
  _id: described(z.enum(TIER_IDS), TIER_FIELDS._id),
  name: described(text(10), TIER_FIELDS.name),
  threshold: described(int(0, 10_000_000), TIER_FIELDS.threshold),
  benefits: described(z.array(text(60)).max(10), TIER_FIELDS.benefits),
  color: described(hexColor, TIER_FIELDS.color),
  description: described(optionalText(80), TIER_FIELDS.description),
  entryReward: described(entryRewardSchema.nullable().optional(), TIER_FIELDS.entryReward).transform((v) => v ?? null),
});

export type TierDoc = z.output<typeof tierSchema>;
export type EntryReward = NonNullable<TierDoc['entryReward']>;
