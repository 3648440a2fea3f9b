import { create } from 'zustand';
import type { StaffRole } from '@shared/content/ids';
import { newRequestId } from '@/services/requestId';
import { toLoadError, type LoadError } from '@/stores/loadState';
import { opsService } from '../services/opsService';

/** A change ops asked for, with the sentence that says exactly what it will do. */
export type OpsChange =
  | { kind: 'adjust'; openid: string; points: number; growth: number; reason: string; text: string }
  | { kind: 'cancel'; redemptionId: string; reason: string; text: string }
  | { kind: 'birthday'; openid: string; birthday: string; reason: string; text: string }
  | { kind: 'staff'; openid: string; roles: StaffRole[]; active: boolean; storeId: string | null; reason: string; text: string };

/** What the confirmation button says for each kind. */
export const CONFIRM_LABELS: Record<OpsChange['kind'], string> = {
  adjust: '确认调整',
  cancel: '确认作废',
  birthday: '确认修改',
  staff: '确认保存',
};

const DONE: Record<OpsChange['kind'], string> = {
  adjust: '已调整',
  cancel: '已作废',
  birthday: '已修改生日',
  staff: '员工权限已保存',
};

/**
 * The back office's confirmations: a change is proposed (the confirmation sheet shows its
 * sentence), then confirmed once. An adjustment carries a requestId made when it is proposed, so
 * a double tap or a retry after a network failure applies it once; any failure keeps the change
 * on screen with the reason, to retry or cancel.
 */
export interface OpsChangeState {
  pending: (OpsChange & { requestId: string | null }) | null;
  submitting: boolean;
  error: LoadError | null;
  /** What the last confirmed change did (a toast), until the next proposal. */
  done: string | null;
  propose(change: OpsChange): Promise<void>;
  /** Applies the pending change; true when it was applied. */
  confirm(): Promise<boolean>;
  dismiss(): void;
}

export const useOpsChange = create<OpsChangeState>()((set, get) => ({
  pending: null,
  submitting: false,
  error: null,
  done: null,

  async propose(change) {
    const requestId = change.kind === 'adjust' ? await newRequestId() : null;
    set({ pending: { ...change, requestId }, error: null, done: null, submitting: false });
  },

  async confirm() {
    const { pending, submitting } = get();
    if (!pending || submitting) return false;
    set({ submitting: true, error: null });
    try {
      switch (pending.kind) {
        case 'adjust': {
          const { openid, points, growth, reason } = pending;
          await opsService.adjust({ openid, points, growth, reason, requestId: pending.requestId ?? '' });
          break;
        }
        case 'cancel':
          await opsService.cancelVoucher(pending.redemptionId, pending.reason);
          break;
        case 'birthday':
          await opsService.setBirthday({ openid: pending.openid, birthday: pending.birthday, reason: pending.reason });
          break;
        case 'staff': {
          const { openid, roles, active, storeId, reason } = pending;
          await opsService.setStaff({ openid, roles, active, storeId, reason });
          break;
        }
      }
      set({ pending: null, submitting: false, done: DONE[pending.kind] });
      return true;
    } catch (err) {
      set({ submitting: false, error: toLoadError(err) });
      return false;
    }
  },

  dismiss() {
    if (!get().submitting) set({ pending: null, error: null });
  },
}));
