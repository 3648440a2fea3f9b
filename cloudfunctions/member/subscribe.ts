import type { ReminderPurpose } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import { campaignPhase } from '@shared/domain/campaigns';
import { creditDocId, grantCredit, readCredit } from '@shared/domain/reminderCredits';
import { campaignReminderOpen } from '@shared/domain/reminders';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { offeredPurposes, reminderCreditViews } from '../_common/reminders';
import type { RequestContext } from '../_common/services';

/** The purpose a template serves, among those offered now; null for any other template. */
function purposeOf(program: Program, templateId: string): ReminderPurpose | null {
  return offeredPurposes(program).find((p) => program.settings.subscribe[p]?.templateId === templateId) ?? null;
}

/** A start reminder is for a campaign in pre-heat whose reminder run (the morning before its start day) is still ahead. */
function checkCampaign(program: Program, campaignId: string | undefined, now: number): string {
  if (!campaignId) throw new AppError('INVALID_INPUT', '请选择要提醒的活动');
  const campaign = program.campaigns.find((c) => c._id === campaignId && c.active);
  if (!campaign) throw new AppError('NOT_FOUND', '没有找到这个活动');
  if (campaignPhase(campaign, now) !== 'preheat' || !campaignReminderOpen(campaign.startAt, now)) {
    throw new AppError('NOT_AVAILABLE_NOW', '活动马上就要开始了，来不及提前提醒');
  }
  return campaignId;
}

/**
 * `member.subscribe {accepted, requestId, campaignId?}` — the templates the member allowed in
 * WeChat's sheet, one credit each (a `campaignStart` credit remembers its campaign). Only templates
 * set in `settings.subscribe` for a purpose something sends: any other is INVALID_INPUT, nothing
 * written. Once per requestId: each credit document remembers the requests that granted it, read
 * in the transaction — a retry, or 20 parallel calls, grant once. The transaction writes the member
 * (`lock`), so an account deletion under way refuses it.
 *
 * Round trips: the member (1) · transaction start, each credit, member, each credit, member, commit
 * (6 for one template) · the member's credits (1) = 8.
 */
export const subscribe = contractAction('member', 'subscribe', async ({ accepted, requestId, campaignId }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const asked = accepted.map((templateId) => ({ templateId, purpose: purposeOf(program, templateId) }));
  if (asked.some((a) => a.purpose === null)) throw new AppError('INVALID_INPUT', '这类提醒暂未开放，请刷新后再试');
  const campaign = asked.some((a) => a.purpose === 'campaignStart') ? checkCampaign(program, campaignId, now) : null;

  await accountTransaction(services, program, now, async (account) => {
    const { tx } = account;
    const grants: Array<{ id: string; doc: Record<string, unknown> }> = [];
    const iso = toIso(now);
    for (const { templateId, purpose } of asked) {
      const id = creditDocId(openid, templateId);
      const raw = await tx.get<Record<string, unknown>>(COLLECTIONS.subscribeCredits, id);
      const { credit, granted } = grantCredit(raw ? readCredit(raw) : null, requestId, purpose === 'campaignStart' ? campaign : null);
      if (!granted) continue;
      const createdAt = typeof raw?.createdAt === 'string' ? raw.createdAt : iso;
      grants.push({ id, doc: { openid, templateId, purpose, createdAt, updatedAt: iso, ...credit } });
    }
    // A retry finds its request in every credit: nothing to write.
    if (grants.length === 0) return;
    await account.lock(openid);
    for (const g of grants) await tx.set(COLLECTIONS.subscribeCredits, g.id, g.doc);
  });

  const credits = await services.reminders.creditsOf(openid);
  return {
    granted: asked.flatMap((a) => (a.purpose ? [a.purpose] : [])),
    reminders: reminderCreditViews(program, credits, now),
  };
});

/** `member.subscriptions` — what the member allowed, per purpose offered. Round trips: the member, the credits (2). */
export const subscriptions = contractAction('member', 'subscriptions', async (_input, ctx: RequestContext) => {
  const credits = await ctx.services.reminders.creditsOf(ctx.openid);
  return { reminders: reminderCreditViews(ctx.program, credits, ctx.now) };
});

/**
 * `member.unsubscribe {purpose}` — the member withdraws a purpose: its credits are cleared and
 * nothing more of it is sent (a job that already spent one for a message keeps it). Round trips:
 * the member, the update, the credits (3).
 */
export const unsubscribe = contractAction('member', 'unsubscribe', async ({ purpose }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  await services.reminders.clear(openid, purpose, now);
  const credits = await services.reminders.creditsOf(openid);
  return { reminders: reminderCreditViews(program, credits, now) };
});
