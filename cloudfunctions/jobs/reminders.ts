import type { ReminderPurpose } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { StoredMember } from '@shared/domain/member';
import { expiringSoon } from '@shared/domain/pointLots';
import { memberDowngradeWarning } from '@shared/domain/progression';
import {
  campaignStartValues,
  checkinReminderDue,
  checkinReminderValues,
  pointsExpiryValues,
  POINTS_EXPIRY_DAYS,
  REMINDER_SLOTS,
  TIER_WARNING_DAYS,
  tierWarningValues,
  VOUCHER_EXPIRY_DAYS,
  voucherExpiryValues,
} from '@shared/domain/reminders';
import { addDays, dayOf, startOfDay, toIso, toMs, type DayString } from '@shared/time/shanghai';
import { COLLECTIONS } from '../_common/collections';
import type { Where } from '../_common/db';
import type { Job, JobContext, JobPage } from '../_common/jobs';
import type { RedemptionDoc } from '../_common/redemptions';
import type { CreditDoc, SendResult } from '../_common/reminders';

/**
 * The daily reminder jobs, one per purpose: each walks the members holding a credit for the
 * purpose's template (the `templateId_count` index — never the members collection), decides who is
 * due, and sends through `Reminders.send`, which spends the credit and records the message in one
 * transaction before calling WeChat. A run that is repeated (a second trigger, a page redone after a
 * crash) finds each reason's record and sends nothing twice.
 */

/** Members (credits) per page: each due one costs a transaction and a WeChat call. */
const CREDITS_PER_PAGE = 20;
/** Expiring vouchers looked at per member (one message per member and run: the soonest not yet reminded). */
const VOUCHERS_PER_MEMBER = 10;

/** A message went to WeChat (whatever it answered). */
const delivered = (r: SendResult) => r === 'sent' || r === 'refused' || r === 'failed';

interface PurposeRun {
  /** More conditions on the credits (the campaigns starting tomorrow); null: nothing to do today. */
  where?(ctx: JobContext, program: Program): Where | null;
  /** Handles one page of credits; answers how many messages went out. */
  handle(ctx: JobContext, program: Program, credits: CreditDoc[]): Promise<number>;
}

function reminderJob(purpose: ReminderPurpose, run: PurposeRun): Job {
  const daily = REMINDER_SLOTS[purpose];
  if (!daily) throw new Error(`${purpose} is not a daily reminder`);
  return {
    name: `${purpose}Reminders`,
    everyMs: 0,
    daily,
    async page(ctx, cursor): Promise<JobPage> {
      const program = await ctx.services.content.program();
      const template = program.settings.subscribe[purpose];
      const where = run.where ? run.where(ctx, program) : {};
      if (!template || where === null) return { cursor: null, handled: 0 };
      const credits = await ctx.services.reminders.creditsPage(template.templateId, cursor ?? '', CREDITS_PER_PAGE, where);
      const handled = credits.length ? await run.handle(ctx, program, credits) : 0;
      return { cursor: credits.length < CREDITS_PER_PAGE ? null : credits[credits.length - 1]._id, handled };
    },
  };
}

/** Sends one message per member through `send`, for those the page's member read says are due. */
async function eachMember(
  ctx: JobContext,
  credits: readonly CreditDoc[],
  send: (member: NonNullable<Awaited<ReturnType<JobContext['services']['members']['get']>>>) => Promise<SendResult | null>,
): Promise<number> {
  const members = await ctx.services.members.many(credits.map((c) => c.openid));
  let count = 0;
  for (const credit of credits) {
    const member = members.get(credit.openid);
    if (!member || member.deleting) continue;
    const result = await send(member);
    if (result && delivered(result)) count++;
  }
  return count;
}

/** 20:00 — a streak of 2 or more that breaks at midnight: the member checked in yesterday, not today. */
export const checkinReminders = reminderJob('checkinReminder', {
  handle(ctx, program, credits) {
    const today: DayString = dayOf(ctx.slotAt);
    return eachMember(ctx, credits, (member) =>
      checkinReminderDue(member.streak, today)
        ? ctx.services.reminders.send(program, ctx.now, {
            purpose: 'checkinReminder',
            openid: member._id,
            reason: today,
            compose: (fresh) =>
              checkinReminderDue(fresh.streak, today)
                ? { values: checkinReminderValues(fresh.streak.current, today), expiresAt: startOfDay(addDays(today, 1)) }
                : null,
          })
        : Promise.resolve(null),
    );
  },
});

/** 10:00 — vouchers expiring within 3 days: once per voucher, the soonest first, one message per member and day. */
export const voucherReminders = reminderJob('voucherExpiry', {
  async handle(ctx, program, credits) {
    const { db, reminders } = ctx.services;
    const _ = db.op;
    const horizon = toIso(ctx.slotAt + VOUCHER_EXPIRY_DAYS * 86_400_000);
    let count = 0;
    for (const credit of credits) {
      const vouchers = await db.find<RedemptionDoc>(
        COLLECTIONS.redemptions,
        { openid: credit.openid, status: 'issued', expiresAt: _.gt(toIso(ctx.now)).and(_.lte(horizon)) },
        { orderBy: [['expiresAt', 'asc']], limit: VOUCHERS_PER_MEMBER },
      );
      for (const voucher of vouchers) {
        const result = await reminders.send(program, ctx.now, {
          purpose: 'voucherExpiry',
          openid: credit.openid,
          reason: voucher.requestId,
          compose: () => ({
            values: voucherExpiryValues(
              { packTitle: voucher.packTitle, expiresAt: voucher.expiresAt, code: voucher.voucherCode },
              vouchers.length,
            ),
            expiresAt: toMs(voucher.expiresAt),
          }),
        });
        // This voucher was reminded of already: the next one may not have been.
        if (result === 'exists') continue;
        if (delivered(result)) count++;
        break;
      }
    }
    return count;
  },
});

/** 10:00 — the tier drops within 14 days as growth leaves the window (the home page's downgrade warning, looked further ahead). */
export const tierReminders = reminderJob('tierWarning', {
  handle(ctx, program, credits) {
    const warning = (member: Parameters<typeof memberDowngradeWarning>[0]) =>
      memberDowngradeWarning(member, program, ctx.now, TIER_WARNING_DAYS);
    return eachMember(ctx, credits, (member) => {
      const drop = warning(member);
      if (!drop) return Promise.resolve(null);
      return ctx.services.reminders.send(program, ctx.now, {
        purpose: 'tierWarning',
        openid: member._id,
        reason: `${drop.date}-${drop.toTier}`,
        compose: (fresh) => {
          const now = warning(fresh);
          return now && now.date === drop.date ? { values: tierWarningValues(now), expiresAt: startOfDay(now.date) } : null;
        },
      });
    });
  },
});

/**
 * 10:00 — points expiring within 30 days (the expiry lots' `expiringSoon`, what home warns of), once
 * per last day. The `pointsExpiry` job runs before in the same trigger, so points already gone are
 * never counted.
 */
export const pointsReminders = reminderJob('pointsExpiry', {
  handle(ctx, program, credits) {
    const expiring = (member: Pick<StoredMember, 'pointLots'>) =>
      expiringSoon(member.pointLots, ctx.now, program.settings.points.expiry, POINTS_EXPIRY_DAYS);
    return eachMember(ctx, credits, (member) => {
      const due = expiring(member);
      if (!due) return Promise.resolve(null);
      return ctx.services.reminders.send(program, ctx.now, {
        purpose: 'pointsExpiry',
        openid: member._id,
        reason: due.lastDay,
        compose: (fresh) => {
          const now = expiring(fresh);
          return now
            ? { values: pointsExpiryValues(now.points, now.lastDay, fresh.points), expiresAt: startOfDay(addDays(now.lastDay, 1)) }
            : null;
        },
      });
    });
  },
});

/** The active campaigns whose start day is tomorrow (Shanghai), not started yet. */
function startingTomorrow(program: Program, ctx: JobContext) {
  const tomorrow = addDays(dayOf(ctx.slotAt), 1);
  return program.campaigns.filter((c) => c.active && dayOf(c.startAt) === tomorrow && ctx.now < toMs(c.startAt));
}

/** 10:00 the day before a campaign's start day — to the members who asked for it during the pre-heat. */
export const campaignReminders = reminderJob('campaignStart', {
  where(ctx, program) {
    const ids = startingTomorrow(program, ctx).map((c) => c._id);
    return ids.length ? { campaigns: ctx.services.db.op.in(ids) } : null;
  },
  async handle(ctx, program, credits) {
    const starting = startingTomorrow(program, ctx);
    let count = 0;
    for (const credit of credits) {
      for (const campaign of starting.filter((c) => credit.campaigns.includes(c._id))) {
        const result = await ctx.services.reminders.send(program, ctx.now, {
          purpose: 'campaignStart',
          openid: credit.openid,
          reason: campaign._id,
          campaignId: campaign._id,
          compose: () => ({ values: campaignStartValues(campaign), expiresAt: toMs(campaign.startAt), query: `?id=${campaign._id}` }),
        });
        if (delivered(result)) count++;
      }
    }
    return count;
  },
});

/** Failed messages per page. */
const RETRIES_PER_PAGE = 20;

/**
 * `reminderRetries` — every trigger: messages WeChat failed (not 43101) whose wait is over are
 * tried again, each claimed by one conditional update; after 3 attempts, or once their moment has
 * passed, they are abandoned and the credit they held is given back. Never in the run that failed
 * them (their wait is longer than a run).
 */
export const reminderRetries: Job = {
  name: 'reminderRetries',
  everyMs: 0,
  async page({ services, now }) {
    const failed = await services.reminders.failedDue(now, RETRIES_PER_PAGE);
    let handled = 0;
    for (const send of failed) if ((await services.reminders.retry(send, now)) !== 'busy') handled++;
    // Those handled are no longer due: the next page asks again from the start.
    return { cursor: failed.length < RETRIES_PER_PAGE ? null : 'more', handled };
  },
};

export const REMINDER_JOBS: readonly Job[] = [
  checkinReminders,
  voucherReminders,
  tierReminders,
  pointsReminders,
  campaignReminders,
  reminderRetries,
];
