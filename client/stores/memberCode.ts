import { create } from 'zustand';
import type { MemberCodeData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { createResource, type Resource } from './toolkit/resource';

/**
 * The member's 会员码 (`member.code`): `code`, `status`, `error`, `load({ quiet })`. While the page
 * is shown (`watch()` … `unwatch()`) a fresh code is asked for every `MEMBER_CODE_REFRESH_MS` —
 * each lives 60 s — and a quiet refresh keeps the last code on screen until the next arrives.
 */
export interface MemberCodeState extends Resource<MemberCodeData, 'code'> {
  watch(): void;
  unwatch(): void;
}

export const MEMBER_CODE_REFRESH_MS = 30_000;

let timer: ReturnType<typeof setInterval> | null = null;

export const useMemberCodeStore = create<MemberCodeState>()((set, get) => ({
  ...createResource(() => memberService.code(), { data: 'code' })(set, get),

  watch() {
    get().unwatch();
    void get().load({ quiet: get().code !== null });
    timer = setInterval(() => void get().load({ quiet: true }), MEMBER_CODE_REFRESH_MS);
  },

  unwatch() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  },
}));
