import type { ReminderTemplateView, SubscribeData } from '@shared/contracts/member';
import { requestSubscribe } from '@/platform/subscribe';
import { memberService } from './member';
import { newRequestId } from './requestId';

/** Consent the member gave in WeChat's sheet, not yet recorded (a retry sends it again, same requestId). */
export interface PendingConsent {
  accepted: string[];
  requestId: string;
  campaignId?: string;
}

/**
 * WeChat's sheet for these templates. Called first thing in the tap's handler, before any other
 * await: WeChat opens the sheet only in answer to a tap.
 */
export async function askConsent(templates: readonly ReminderTemplateView[], campaignId?: string): Promise<PendingConsent | null> {
  const accepted = await requestSubscribe(templates);
  if (accepted.length === 0) return null;
  return { accepted, requestId: await newRequestId(), ...(campaignId ? { campaignId } : {}) };
}

/** Records the consent: one credit per accepted template, once per requestId. */
export function recordConsent(consent: PendingConsent): Promise<SubscribeData> {
  return memberService.subscribe(consent.accepted, consent.requestId, consent.campaignId);
}
