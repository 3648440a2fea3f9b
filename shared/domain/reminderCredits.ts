import { toMs } from '../time/shanghai';

/**
 * Consent credits of WeChat one-time subscriptions. Each "allow" a member taps in WeChat's sheet
 * allows one message of that template, so each is one credit here; a message spends one. The
 * credits of a member and template live in one document (`subscribe_credits`, `_id` =
 * `<openid>_<templateId>`), which remembers the requests that granted them — a retried
 * `member.subscribe` finds its requestId and grants nothing twice.
 */
export interface ReminderCredit {
  count: number;
  /** `campaignStart`: the campaigns the member asked to hear about, oldest first. */
  campaigns: string[];
  /** The requestIds that granted credits, newest last. */
  requests: string[];
}

/** Credits kept per template: a member tapping every day still has a bounded count. */
export const MAX_CREDITS = 30;
/** Requests remembered per template (a retry comes within seconds; twenty is plenty). */
export const KEPT_REQUESTS = 20;
/** Campaigns remembered per member. */
export const KEPT_CAMPAIGNS = 10;

export const NO_CREDIT: ReminderCredit = { count: 0, campaigns: [], requests: [] };

export function creditDocId(openid: string, templateId: string): string {
  return `${openid}_${templateId}`;
}

/** One consent more, once per requestId (`granted: false` for a retry); asked for a campaign, it is remembered. */
export function grantCredit(
  credit: ReminderCredit | null,
  requestId: string,
  campaignId: string | null,
): { credit: ReminderCredit; granted: boolean } {
  const c = credit ?? NO_CREDIT;
  if (c.requests.includes(requestId)) return { credit: c, granted: false };
  const campaigns = campaignId && !c.campaigns.includes(campaignId) ? [...c.campaigns, campaignId].slice(-KEPT_CAMPAIGNS) : c.campaigns;
  return {
    credit: {
      count: Math.min(MAX_CREDITS, c.count + 1),
      campaigns,
      requests: [...c.requests, requestId].slice(-KEPT_REQUESTS),
    },
    granted: true,
  };
}

/** A message sent: one credit less (and the campaign it was for answered). */
export function spendCredit(credit: ReminderCredit, campaignId: string | null): ReminderCredit {
  return {
    ...credit,
    count: Math.max(0, credit.count - 1),
    campaigns: campaignId ? credit.campaigns.filter((c) => c !== campaignId) : credit.campaigns,
  };
}

/** Withdrawn by the member, or refused by WeChat (43101): nothing more is sent. */
export function clearedCredit(credit: ReminderCredit): ReminderCredit {
  return { ...credit, count: 0, campaigns: [] };
}

/** A stored credit read defensively (a hand-edited document gives no credit rather than a wrong one). */
export function readCredit(raw: unknown): ReminderCredit {
  if (typeof raw !== 'object' || raw === null) return NO_CREDIT;
  const d = raw as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const count = typeof d.count === 'number' && Number.isInteger(d.count) ? Math.max(0, Math.min(MAX_CREDITS, d.count)) : 0;
  return { count, campaigns: strings(d.campaigns), requests: strings(d.requests) };
}

/** What happened to one message, from WeChat's answer. */
export type SendOutcome = 'sent' | 'refused' | 'failed';

/** 43101: the member refused, withdrew or used up the template's consent — its credits go. */
export const CONSENT_REFUSED = 43101;

export function sendOutcome(errCode: number): SendOutcome {
  if (errCode === 0) return 'sent';
  return errCode === CONSENT_REFUSED ? 'refused' : 'failed';
}

/** A failed message is tried again by a later run (never by a loop in the same one), this many times at most. */
export const MAX_SEND_ATTEMPTS = 3;
/** The wait before a failed message is tried again (the `jobs` trigger runs every 5 minutes). */
export const RETRY_DELAY_MS = 10 * 60_000;
/** A message reserved and never answered (the run died while sending) is given up after this: it may have been sent. */
export const SENDING_LEASE_MS = 60 * 60_000;
/** A call within this time after a message counts as the member coming back. */
export const RETURN_WINDOW_MS = 24 * 3_600_000;

/** Whether a call at `now` follows the member's last message closely enough to count as coming back. */
export function comesBack(lastMessageAt: string | null, now: number): boolean {
  if (!lastMessageAt) return false;
  const since = now - toMs(lastMessageAt);
  return since >= 0 && since < RETURN_WINDOW_MS;
}
