import { REMINDER_PURPOSES, type ReminderPurpose } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { ReminderCreditView } from '@shared/contracts/member';
import { campaignPhase } from '@shared/domain/campaigns';
import type { StoredMember } from '@shared/domain/member';
import {
  comesBack,
  creditDocId,
  MAX_SEND_ATTEMPTS,
  readCredit,
  RETRY_DELAY_MS,
  sendOutcome,
  spendCredit,
  type ReminderCredit,
  type SendOutcome,
} from '@shared/domain/reminderCredits';
import { REMINDER_PAGES, sendId } from '@shared/domain/reminders';
import { templateData, type TemplateValue } from '@shared/domain/templateFields';
import { dayOf, toIso, toMs } from '@shared/time/shanghai';
import { accountTransaction, type DueReminder } from './account';
import { COLLECTIONS } from './collections';
import type { Counters } from './counters';
import type { Database, Where } from './db';
import type { WxCloud } from './sdk';

/**
 * WeChat one-time subscription messages: the members' consent credits (`subscribe_credits`) and
 * every message sent (`subscribe_sends`, one per member, purpose and reason). The rule is never
 * without a credit and never twice for one reason: the transaction that spends the credit also
 * writes the message's record — before WeChat is called — so a run that dies while sending loses
 * that message at worst and never sends it again; WeChat's answer then settles the record (43101
 * clears the template's credits; any other error leaves it for a later run to try again).
 */

/** A `subscribe_credits` document, `_id` = `<openid>_<templateId>`. */
export interface CreditDoc extends ReminderCredit {
  _id: string;
  openid: string;
  templateId: string;
  purpose: ReminderPurpose;
  createdAt: string;
  updatedAt: string;
}

/**
 * `sending`: credit spent, WeChat called (or about to be); `sent`; `refused` (43101); `failed`: to
 * try again after `retryAfter`; `abandoned`: never sent, its credit given back; `lost`: the run died
 * while sending — it may have arrived, so it is never sent again.
 */
export type SendStatus = 'sending' | 'sent' | 'refused' | 'failed' | 'abandoned' | 'lost';

/** A `subscribe_sends` document, `_id` = `<purpose>_<reason>_<openid>` (`sendId`). */
export interface SendDoc {
  _id: string;
  openid: string;
  purpose: ReminderPurpose;
  templateId: string;
  reason: string;
  creditId: string;
  status: SendStatus;
  attempts: number;
  createdAt: string;
  /** The Shanghai day it was reserved. */
  day: string;
  /** When the current attempt started (a `sending` record older than the lease was lost). */
  sendingSince: string;
  sentAt: string | null;
  msgid: string | null;
  /** The member called any function within 24 h of it (`RETURN_WINDOW_MS`). */
  returnedAt: string | null;
  retryAfter: number | null;
  /** After this it is not worth sending any more (the day is over, the voucher expired…). */
  expiresAt: string;
  lastError: number | null;
  page: string;
  /** WeChat's `data`, kept while it may still be sent; cleared once settled. */
  data: Record<string, { value: string }> | null;
}

/** What a reminder says: its values, until when it is worth sending, and the page's query. */
export interface ReminderMessage {
  values: Record<string, TemplateValue>;
  expiresAt: number;
  /** Appended to the purpose's page (`?id=…` for a campaign). */
  query?: string;
}

export interface ReminderPlan {
  purpose: ReminderPurpose;
  openid: string;
  /** What makes this message one of a kind for the member (a day, a voucher, a campaign…). */
  reason: string;
  /** `campaignStart`: the campaign the credit was asked for. */
  campaignId?: string;
  /** The message, decided on the member as the reserving transaction reads them; null: not due any more. */
  compose(member: StoredMember): ReminderMessage | null;
}

export type ReserveResult = SendDoc | 'noTemplate' | 'absent' | 'noCredit' | 'exists' | 'notDue';

export type SendResult = SendOutcome | Exclude<ReserveResult, SendDoc>;

/** The purposes members can be offered: a template set (and, for points expiry, points that expire — validation insists). */
export function offeredPurposes(program: Program): ReminderPurpose[] {
  const { subscribe, points } = program.settings;
  return REMINDER_PURPOSES.filter((p) => subscribe[p] !== undefined && (p !== 'pointsExpiry' || points.expiry !== null));
}

/** Which version of the app a message opens: `formal`, or `trial`/`developer` set as the functions' `SUBSCRIBE_MINIPROGRAM_STATE` before release. */
export function miniprogramState(): 'developer' | 'trial' | 'formal' {
  const v = process.env.SUBSCRIBE_MINIPROGRAM_STATE;
  return v === 'developer' || v === 'trial' ? v : 'formal';
}

/** A template's credits cleared (withdrawn, or refused by WeChat). */
const CLEARED = { count: 0, campaigns: [] };

function errCodeOf(err: unknown): number {
  const code = typeof err === 'object' && err !== null ? (err as { errCode?: unknown }).errCode : undefined;
  return typeof code === 'number' && code !== 0 ? code : -1;
}

export function normalizeCreditDoc(raw: unknown): CreditDoc | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  if (typeof d._id !== 'string' || typeof d.openid !== 'string' || typeof d.templateId !== 'string') return null;
  return {
    _id: d._id,
    openid: d.openid,
    templateId: d.templateId,
    purpose: d.purpose as ReminderPurpose,
    createdAt: typeof d.createdAt === 'string' ? d.createdAt : '',
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
    ...readCredit(d),
  };
}

/** Credits as the profile page shows them: every purpose offered, with this member's count. */
export function reminderCreditViews(program: Program, credits: readonly CreditDoc[], now: number): ReminderCreditView[] {
  return offeredPurposes(program).map((purpose) => {
    const template = program.settings.subscribe[purpose];
    const templateId = template?.templateId ?? '';
    const credit = credits.find((c) => c.templateId === templateId);
    // Campaigns asked for that have not started yet (a started one was told or missed).
    const campaigns = (credit?.campaigns ?? []).flatMap((id) => {
      const c = program.campaigns.find((x) => x._id === id && x.active);
      return c && ['upcoming', 'preheat'].includes(campaignPhase(c, now)) ? [{ id: c._id, title: c.title }] : [];
    });
    return { purpose, templateId, title: template?.title ?? '', credits: credit?.count ?? 0, campaigns };
  });
}

export class Reminders {
  /** Messages this instance already marked as followed by a visit (no write for them again). */
  private readonly returned = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly counters: Counters,
    private readonly cloud: WxCloud,
  ) {}

  // ---- reads --------------------------------------------------------------------------------

  /** A member's credits, every template (a handful at most). */
  async creditsOf(openid: string): Promise<CreditDoc[]> {
    const docs = await this.db.find<unknown>(COLLECTIONS.subscribeCredits, { openid }, { limit: 50 });
    return docs.map(normalizeCreditDoc).filter((d): d is CreditDoc => d !== null);
  }

  /** Members with a credit for a template, by `_id` after `after` (the `templateId_count` index). */
  async creditsPage(templateId: string, after: string, limit: number, where: Where = {}): Promise<CreditDoc[]> {
    const _ = this.db.op;
    const docs = await this.db.find<unknown>(
      COLLECTIONS.subscribeCredits,
      { ...where, templateId, count: _.gt(0), _id: _.gt(after) },
      { orderBy: [['_id', 'asc']], limit },
    );
    return docs.map(normalizeCreditDoc).filter((d): d is CreditDoc => d !== null);
  }

  /** Failed messages whose wait is over, the longest waiting first. */
  failedDue(now: number, limit: number): Promise<SendDoc[]> {
    const _ = this.db.op;
    return this.db.find<SendDoc>(
      COLLECTIONS.subscribeSends,
      { status: 'failed', retryAfter: _.lte(now) },
      { orderBy: [['retryAfter', 'asc']], limit },
    );
  }

  // ---- the member's side --------------------------------------------------------------------

  /**
   * Withdraws a purpose: its credits cleared (one conditional update; nothing is created). The
   * requests are kept, so a late retry of an earlier `member.subscribe` grants nothing again.
   */
  async clear(openid: string, purpose: ReminderPurpose, now: number): Promise<void> {
    await this.db.updateWhere(COLLECTIONS.subscribeCredits, { openid, purpose }, { ...CLEARED, updatedAt: toIso(now) });
  }

  /**
   * A call within 24 h of the member's last message: the message is marked as followed by a visit
   * (once; only a message that was sent). Never fails the call it rides on.
   */
  async markReturned(member: Pick<StoredMember, 'lastMessage'>, now: number): Promise<void> {
    const last = member.lastMessage;
    if (!last || this.returned.has(last.id) || !comesBack(last.at, now)) return;
    try {
      await this.db.updateWhere(COLLECTIONS.subscribeSends, { _id: last.id, status: 'sent', returnedAt: null }, { returnedAt: toIso(now) });
      // Marked now or before (by another instance): either way this instance need not write again.
      this.returned.add(last.id);
    } catch (err) {
      console.warn('[reminders] return not recorded', err);
    }
  }

  // ---- sending ------------------------------------------------------------------------------

  /**
   * Spends one credit and writes the message's record, in one transaction that also writes the
   * member (so an account deletion under way refuses it): nothing when the member has no credit for
   * the purpose's template (or none for this campaign), when this reason was already handled, or
   * when the message is not due any more on the member as the transaction reads them.
   */
  async reserve(program: Program, now: number, plan: ReminderPlan): Promise<ReserveResult> {
    const template = program.settings.subscribe[plan.purpose];
    if (!template) return 'noTemplate';
    const { openid, purpose, reason } = plan;
    const creditId = creditDocId(openid, template.templateId);
    const id = sendId(purpose, reason, openid);
    return accountTransaction({ db: this.db, counters: this.counters }, program, now, async (account): Promise<ReserveResult> => {
      const { tx } = account;
      const member = await account.find(openid);
      if (!member) return 'absent';
      const raw = await tx.get<Record<string, unknown>>(COLLECTIONS.subscribeCredits, creditId);
      const credit = readCredit(raw);
      if (!raw || credit.count < 1 || (plan.campaignId && !credit.campaigns.includes(plan.campaignId))) return 'noCredit';
      if (await tx.get(COLLECTIONS.subscribeSends, id)) return 'exists';
      const message = plan.compose(member);
      if (!message) return 'notDue';
      const iso = toIso(now);
      const send: SendDoc = {
        _id: id,
        openid,
        purpose,
        templateId: template.templateId,
        reason,
        creditId,
        status: 'sending',
        attempts: 1,
        createdAt: iso,
        day: dayOf(now),
        sendingSince: iso,
        sentAt: null,
        msgid: null,
        returnedAt: null,
        retryAfter: null,
        expiresAt: toIso(message.expiresAt),
        lastError: null,
        page: `${REMINDER_PAGES[purpose]}${message.query ?? ''}`,
        data: templateData(template.fields, message.values),
      };
      await tx.set(COLLECTIONS.subscribeCredits, creditId, { ...raw, ...spendCredit(credit, plan.campaignId ?? null), updatedAt: iso });
      await tx.set(COLLECTIONS.subscribeSends, id, { ...send });
      account.edit(openid, (m) => ({ ...m, lastMessage: { id, at: iso } }));
      return send;
    });
  }

  /**
   * WeChat's `subscribeMessage.send` for a reserved message, and its answer recorded: `sent`;
   * `refused` (43101: the member refused or used up the consent) clears the template's credits;
   * `failed` waits `RETRY_DELAY_MS` for a later run.
   */
  async deliver(send: SendDoc): Promise<SendOutcome> {
    let errCode = 0;
    let msgid: string | null = null;
    try {
      const answer = await this.cloud.openapi.subscribeMessage.send({
        touser: send.openid,
        templateId: send.templateId,
        page: send.page,
        data: send.data ?? {},
        miniprogramState: miniprogramState(),
        lang: 'zh_CN',
      });
      msgid = answer.msgid === undefined ? null : String(answer.msgid);
    } catch (err) {
      errCode = errCodeOf(err);
    }
    const outcome = sendOutcome(errCode);
    const at = Date.now();
    const sends = COLLECTIONS.subscribeSends;
    if (outcome === 'sent') {
      await this.db.update(sends, send._id, { status: 'sent', sentAt: toIso(at), msgid, data: null, lastError: null, retryAfter: null });
    } else if (outcome === 'refused') {
      await this.db.update(sends, send._id, { status: 'refused', data: null, lastError: errCode, retryAfter: null });
      // Every credit of this template is gone with the consent (one update; a removed document stays removed).
      await this.db.update(COLLECTIONS.subscribeCredits, send.creditId, { ...CLEARED, updatedAt: toIso(at) });
    } else {
      await this.db.update(sends, send._id, { status: 'failed', lastError: errCode, retryAfter: at + RETRY_DELAY_MS });
    }
    console.info(`[reminders] ${send.purpose} ${send.reason}: ${outcome}${errCode ? ` (${errCode})` : ''}`);
    return outcome;
  }

  /** Reserve, then deliver. `precheck` reads the credit first, sparing a transaction when there is none. */
  async send(program: Program, now: number, plan: ReminderPlan, options: { precheck?: boolean } = {}): Promise<SendResult> {
    const template = program.settings.subscribe[plan.purpose];
    if (!template) return 'noTemplate';
    if (options.precheck) {
      const credit = await this.db.get<unknown>(COLLECTIONS.subscribeCredits, creditDocId(plan.openid, template.templateId));
      if (readCredit(credit).count < 1) return 'noCredit';
    }
    const reserved = await this.reserve(program, now, plan);
    return typeof reserved === 'string' ? reserved : this.deliver(reserved);
  }

  /**
   * The reminders a committed transaction made due (an invite activated): each sent if its member
   * has a credit (read first: no transaction for the many who have none). A failure is logged,
   * never thrown: the member's own call already succeeded.
   */
  async sendDue(program: Program, now: number, due: readonly DueReminder[]): Promise<void> {
    for (const d of due) {
      const plan: ReminderPlan = { purpose: d.purpose, openid: d.openid, reason: d.reason, compose: () => d.message };
      await this.send(program, now, plan, { precheck: true }).catch((err: unknown) =>
        console.warn(`[reminders] ${d.purpose} not sent`, err),
      );
    }
  }

  /**
   * A failed message again (a later run than the one that failed): claimed by one conditional
   * update, so two runs never send it both; past its last attempt or its moment, it is abandoned
   * and its credit — never spent at WeChat — given back.
   */
  async retry(send: SendDoc, now: number): Promise<SendOutcome | 'abandoned' | 'busy'> {
    const _ = this.db.op;
    const sends = COLLECTIONS.subscribeSends;
    if (send.attempts >= MAX_SEND_ATTEMPTS || now >= toMs(send.expiresAt)) {
      const given = await this.db.updateWhere(
        sends,
        { _id: send._id, status: 'failed' },
        { status: 'abandoned', data: null, retryAfter: null },
      );
      if (given > 0) await this.db.updateWhere(COLLECTIONS.subscribeCredits, { _id: send.creditId }, { count: _.inc(1) });
      return given > 0 ? 'abandoned' : 'busy';
    }
    const attempts = send.attempts + 1;
    const claimed = await this.db.updateWhere(
      sends,
      { _id: send._id, status: 'failed', attempts: send.attempts },
      { status: 'sending', attempts, sendingSince: toIso(now), retryAfter: null },
    );
    return claimed > 0 ? this.deliver({ ...send, attempts }) : 'busy';
  }
}
