import { create } from 'zustand';
import type { TierId } from '@shared/content/ids';
import type { RedeemData, RedeemListData } from '@shared/contracts/redeem';
import { redeemService } from '@/services/redeem';
import { newRequestId } from '@/services/requestId';
import { useMemberStore } from './member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';

/** An attempt that may or may not have reached the server: a retry must reuse its requestId. */
interface PendingRedeem {
  packId: string;
  requestId: string;
}

export interface BenefitsState {
  status: LoadStatus;
  error: LoadError | null;
  data: RedeemListData | null;
  tab: TierId;
  /** The pack in the confirm sheet. */
  confirmingId: string | null;
  redeeming: boolean;
  pending: PendingRedeem | null;
  redeemError: LoadError | null;
  /** The voucher just issued, for the success sheet. */
  result: RedeemData | null;
  load(options?: { quiet?: boolean }): Promise<void>;
  setTab(tab: TierId): void;
  openConfirm(packId: string): void;
  closeConfirm(): void;
  /** Redeems the pack in the confirm sheet once, however often it is tapped. */
  confirm(): Promise<RedeemData | null>;
  closeResult(): void;
}

export const initialBenefitsState = {
  status: 'idle' as LoadStatus,
  error: null,
  data: null,
  tab: 'basic' as TierId,
  confirmingId: null,
  redeeming: false,
  pending: null,
  redeemError: null,
  result: null,
};

export const useBenefitsStore = create<BenefitsState>()((set, get) => ({
  ...initialBenefitsState,

  async load(options) {
    const quiet = options?.quiet === true && get().data !== null;
    if (!quiet) set({ status: get().data ? 'ready' : 'loading', error: null });
    try {
      set({ data: await redeemService.list(), status: 'ready', error: null });
    } catch (err) {
      if (quiet) return;
      set(get().data ? { status: 'ready', error: toLoadError(err) } : { status: 'error', error: toLoadError(err) });
    }
  },

  setTab(tab) {
    set({ tab });
  },

  openConfirm(packId) {
    set({ confirmingId: packId, redeemError: null, pending: get().pending?.packId === packId ? get().pending : null });
  },

  closeConfirm() {
    if (get().redeeming) return;
    set({ confirmingId: null, redeemError: null, pending: null });
  },

  async confirm() {
    const { confirmingId, redeeming } = get();
    if (!confirmingId || redeeming) return null;
    set({ redeeming: true, redeemError: null });
    const reuse = get().pending;
    const pending = reuse && reuse.packId === confirmingId ? reuse : { packId: confirmingId, requestId: await newRequestId() };
    set({ pending });
    try {
      const result = await redeemService.redeem(pending.packId, pending.requestId);
      const data = get().data;
      set({
        redeeming: false,
        pending: null,
        confirmingId: null,
        result,
        data: data ? { ...data, points: result.balance.points } : data,
      });
      useMemberStore.getState().applyPoints(result.balance.points);
      void get().load({ quiet: true });
      return result;
    } catch (err) {
      const error = toLoadError(err);
      // Only a network failure leaves the outcome unknown: keep its requestId for the retry.
      set({ redeeming: false, redeemError: error, pending: error.code === 'NETWORK' ? pending : null });
      if (error.code !== 'NETWORK') void get().load({ quiet: true });
      return null;
    }
  },

  closeResult() {
    set({ result: null });
  },
}));
