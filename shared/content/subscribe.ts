import { z } from 'zod';
import { REMINDER_PURPOSES, REMINDER_PURPOSE_NAMES, type ReminderPurpose } from './ids';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { text } from './primitives';
import { REMINDER_VALUES, type ReminderValueDoc } from '../domain/reminders';
import { fitsKind, keywordType, KIND_NAMES } from '../domain/templateFields';

/**
 * `settings.subscribe`: the WeChat one-time subscription template of each reminder purpose. Ops
 * apply for a template in the WeChat console (公众平台 → 订阅消息), copy its id and title, and map
 * each keyword of the template (`thing1`, `time2`, … as the template's details list them) to a value
 * the purpose supplies (`REMINDER_VALUES`). A purpose without an entry is never offered to members.
 */

/** A WeChat template id as the console shows it (43 characters today). */
export const TEMPLATE_ID_RE = /^[A-Za-z0-9_-]{10,64}$/;

/** At most this many keywords per template (WeChat's templates have up to 5). */
const MAX_KEYWORDS = 5;

/** When each purpose is sent, for the field docs. */
const WHEN: Record<ReminderPurpose, { zh: string; en: string }> = {
  checkinReminder: {
    zh: '每天 20:00 发给连续签到 ≥ 2 天、今天还没签到的会员；会员签到后点「明天提醒我签到」授权',
    en: 'daily at 20:00 to members with a streak ≥ 2 who have not checked in today; asked for after a check-in',
  },
  voucherExpiry: {
    zh: '每天 10:00 发给有券将在 3 天内到期的会员（每张券最多一次）；兑换后点「券到期前提醒我」授权',
    en: 'daily at 10:00 to members with a voucher expiring within 3 days (once per voucher); asked for after a redemption',
  },
  pointsExpiry: {
    zh: '每天 10:00 发给有积分将在 30 天内过期的会员（需设置 points.expiry 积分有效期）；兑换后一并授权',
    en: 'daily at 10:00 to members whose points expire within 30 days (needs points.expiry); asked for after a redemption',
  },
  tierWarning: {
    zh: '每天 10:00 发给 14 天内将因成长值到期而降级的会员；兑换后一并授权',
    en: 'daily at 10:00 to members whose tier drops within 14 days; asked for after a redemption',
  },
  inviteActivated: {
    zh: '好友激活的那一刻发给邀请人；在邀请页点「好友激活时告诉我」授权',
    en: 'to the inviter the moment a friend activates; asked for on the invite page',
  },
  campaignStart: {
    zh: '活动开始前一天 10:00 发给在预热期点了「开始前提醒我」的会员',
    en: 'at 10:00 the day before a campaign starts, to members who asked during its pre-heat',
  },
};

/** The English names of the purposes, for the field docs (members see `REMINDER_PURPOSE_NAMES`). */
const NAMES_EN: Record<ReminderPurpose, string> = {
  checkinReminder: 'Check-in reminder',
  voucherExpiry: 'Voucher expiry reminder',
  pointsExpiry: 'Points expiry reminder',
  tierWarning: 'Tier warning',
  inviteActivated: 'Friend activated notice',
  campaignStart: 'Campaign start reminder',
};

function valueList(values: Record<string, ReminderValueDoc>, lang: 'zh' | 'en'): string {
  return Object.entries(values)
    .map(([name, v]) => (lang === 'zh' ? `${name}（${KIND_NAMES[v.kind].zh}）${v.zh}` : `${name} (${KIND_NAMES[v.kind].en}): ${v.en}`))
    .join(lang === 'zh' ? '；' : '; ');
}

function purposeDocs(): FieldDocs {
  const docs: FieldDocs = {};
  for (const purpose of REMINDER_PURPOSES) {
    const values: Record<string, ReminderValueDoc> = REMINDER_VALUES[purpose];
    docs[`subscribe.${purpose}`] = fieldDoc(
      REMINDER_PURPOSE_NAMES[purpose],
      NAMES_EN[purpose],
      `${WHEN[purpose].zh}。可填的值：${valueList(values, 'zh')}`,
      `${WHEN[purpose].en}. Values: ${valueList(values, 'en')}`,
    );
  }
  return docs;
}

export const SUBSCRIBE_FIELDS: FieldDocs = {
  subscribe: fieldDoc(
    '订阅消息提醒',
    'Subscription reminders',
    '可选，每个用途一个微信一次性订阅消息模板；没有填写的用途不会向会员提供。会员每点一次「允许」可收到一条该模板的消息',
    'optional: one WeChat one-time subscription template per purpose; a purpose left out is never offered. Each "allow" a member taps allows one message',
  ),
  ...purposeDocs(),
  'subscribe.*.templateId': fieldDoc(
    '模板 ID',
    'Template id',
    '公众平台「订阅消息 → 我的模板」中的模板 ID（10–64 位字母、数字、_ 或 -）；同一个模板只能用于一个用途',
    'the template id from the WeChat console (订阅消息 → 我的模板); one template per purpose',
  ),
  'subscribe.*.title': fieldDoc(
    '模板标题',
    'Template title',
    '与公众平台上的模板标题一致（最多 20 字），会员在授权弹窗和「我的资料 → 消息提醒」里看到它',
    'the template’s title as in the WeChat console (≤ 20 characters): what members see when asked and on their profile',
  ),
  'subscribe.*.fields': fieldDoc(
    '关键词对应',
    'Keywords',
    '{ "关键词": "值名" }，关键词照模板详情写（如 thing1、time2、number3，支持 thing、number、character_string、time、date、phrase），值名见该用途的说明；1–5 个。文字超出微信限制（thing 20 字、phrase 5 个汉字）时自动截断并加「…」',
    '{ "keyword": "value" }: keywords as the template lists them (thing1, time2, … of types thing, number, character_string, time, date, phrase), values as the purpose lists them; 1–5. Text is clipped to WeChat’s limits with "…"',
  ),
};

export interface ReminderTemplate {
  templateId: string;
  title: string;
  /** Keyword → value name. */
  fields: Record<string, string>;
}

function purposeSchema(purpose: ReminderPurpose) {
  const values: Record<string, ReminderValueDoc> = REMINDER_VALUES[purpose];
  return z.object({
    templateId: described(z.string().regex(TEMPLATE_ID_RE, { message: 'templateId' }), SUBSCRIBE_FIELDS['subscribe.*.templateId']),
    title: described(text(20), SUBSCRIBE_FIELDS['subscribe.*.title']),
    fields: described(z.record(z.string(), z.string()), SUBSCRIBE_FIELDS['subscribe.*.fields']).superRefine((map, ctx) => {
      const keys = Object.keys(map);
      if (keys.length === 0 || keys.length > MAX_KEYWORDS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'keywordCount' });
      for (const [key, name] of Object.entries(map)) {
        const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message, path: [key] });
        const type = keywordType(key);
        const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
        if (!type) issue('keywordName');
        else if (!value) issue('unknownReminderValue');
        else if (!fitsKind(value.kind, type)) issue('valueKindMismatch');
      }
    }),
  });
}

const purposeShape = Object.fromEntries(
  REMINDER_PURPOSES.map((p) => [p, described(purposeSchema(p).optional(), SUBSCRIBE_FIELDS[`subscribe.${p}`])]),
) as { [P in ReminderPurpose]: z.ZodOptional<ReturnType<typeof purposeSchema>> };

export const subscribeSchema = z
  .object(purposeShape)
  .superRefine((s, ctx) => {
    const seen = new Map<string, ReminderPurpose>();
    for (const purpose of REMINDER_PURPOSES) {
      const t = s[purpose];
      if (!t) continue;
      // One consent is one message of a template: two purposes on one template would spend each other's.
      if (seen.has(t.templateId))
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'duplicateTemplate', path: [purpose, 'templateId'] });
      seen.set(t.templateId, purpose);
    }
  })
  .optional()
  .transform((v): Partial<Record<ReminderPurpose, ReminderTemplate>> => v ?? {});

export type SubscribeSettings = z.output<typeof subscribeSchema>;
