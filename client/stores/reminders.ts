import { create } from 'zustand';
import type { ReminderPurpose } from '@shared/content/ids';
import type { ReminderTemplateView, SubscriptionsData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { askConsent, recordConsent, type PendingConsent } from '@/services/reminders';
import { toLoadError, type LoadError } from './loadState';
import { createResource, type Resource } from './toolkit/resource';

/** Where one prompt ("明天提醒我签到", "券到期前提醒我"…) stands. */
export interface ReminderPrompt {
  status: 'asking' | 'granted' | 'declined' | 'error';
  /** The purposes the member allowed (granted). */
  granted: ReminderPurpose[];
  error: LoadError | null;
  /** Consent given in WeChat's sheet whose recording failed: 重试 sends it again without asking twice. */
  pending: PendingConsent | null;
}

/**
 * Reminders the member asks for: the prompts by key (one per place and moment, e.g.
 * `checkin:2026-11-30`), and what the member allowed per purpose (`data`: `member.subscriptions`,
 * refreshed by every answer) with 撤回 for the profile page.
 */
export interface RemindersState extends Resource<SubscriptionsData> {
  prompts: Record<string, ReminderPrompt>;
  /** WeChat's sheet for `templates`, then one credit per template allowed. Must run from a tap. */
  ask(key: string, templates: readonly ReminderTemplateView[], campaignId?: string): Promise<void>;
  withdrawing: ReminderPurpose | null;
  withdrawError: LoadError | null;
  withdraw(purpose: ReminderPurpose): Promise<boolean>;
}

export const useRemindersStore = create<RemindersState>()((set, get) => {
  const setPrompt = (key: string, prompt: ReminderPrompt) => set({ prompts: { ...get().prompts, [key]: prompt } });
  return {
    ...createResource(() => memberService.subscriptions())(set, get),
    prompts: {},
    withdrawing: null,
    withdrawError: null,

    async ask(key, templates, campaignId) {
      const before = get().prompts[key];
      if (before?.status === 'asking' || templates.length === 0) return;
      // A consent already given whose recording failed is sent again, not asked for again.
      const retry = before?.status === 'error' ? before.pending : null;
      setPrompt(key, { status: 'asking', granted: [], error: null, pending: retry });
      const consent = retry ?? (await askConsent(templates, campaignId));
      if (!consent) {
        setPrompt(key, { status: 'declined', granted: [], error: null, pending: null });
        return;
      }
      try {
        const answer = await recordConsent(consent);
        setPrompt(key, { status: 'granted', granted: answer.granted, error: null, pending: null });
        set({ data: { reminders: answer.reminders }, status: 'ready', error: null });
      } catch (err) {
        setPrompt(key, { status: 'error', granted: [], error: toLoadError(err), pending: consent });
      }
    },

    async withdraw(purpose) {
      if (get().withdrawing) return false;
      set({ withdrawing: purpose, withdrawError: null });
      try {
        const answer = await memberService.unsubscribe(purpose);
        set({ withdrawing: null, data: answer, status: 'ready', error: null });
        return true;
      } catch (err) {
        set({ withdrawing: null, withdrawError: toLoadError(err) });
        return false;
      }
    },
  };
});
