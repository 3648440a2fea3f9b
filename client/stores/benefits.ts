import { create } from 'zustand';
import type { TierId } from '@shared/content/ids';
import type { RedeemData, RedeemListData } from '@shared/contracts/redeem';
import { redeemService } from '@/services/redeem';
import { newRequestId } from '@/services/requestId';
import { publishMemberEvent } from './memberEvents';
import { toLoadError, type LoadError } from './loadState';
import { createResource, type Resource } from './toolkit/resource';

/** An attempt that may or may not have reached the server: a retry must reuse its requestId. */
interface PendingRedeem {
  packId: string;
  requestId: string;
}

/** The pack list (`data`, `status`, `error`, `load({ quiet })`) and the redemption flow. */
export interface BenefitsState extends Resource<RedeemListData> {
  tab: TierId;
  /** The pack in the confirm sheet. */
  confirmingId: string | null;
  redeeming: boolean;
  pending: PendingRedeem | null;
  redeemError: LoadError | null;
  /** The voucher just issued, for the success sheet. */
  result: RedeemData | null;
  setTab(tab: TierId): void;
  openConfirm(packId: string): void;
  closeConfirm(): void;
  /** Redeems the pack in the confirm sheet once, however often it is tapped. */
  confirm(): Promise<RedeemData | null>;
  closeResult(): void;
}

export const useBenefitsStore = create<BenefitsState>()((set, get) => ({
  ...createResource(() => redeemService.list())(set, get),
  tab: 'basic',
  confirmingId: null,
  redeeming: false,
  pending: null,
  redeemError: null,
  result: null,

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
    let result: RedeemData;
    try {
      result = await redeemService.redeem(pending.packId, pending.requestId);
    } catch (err) {
      const error = toLoadError(err);
      // Only a network failure leaves the outcome unknown: keep its requestId for the retry.
      set({ redeeming: false, redeemError: error, pending: error.code === 'NETWORK' ? pending : null });
      if (error.code !== 'NETWORK') void get().load({ quiet: true });
      return null;
    }
    const data = get().data;
    set({ redeeming: false, pending: null, confirmingId: null, result, data: data ? { ...data, points: result.balance.points } : data });
    // The member card's balance follows from the answer (memberEvents); the list refreshes its stock and limits.
    publishMemberEvent('redeemed', result);
    if (result.teams.length) publishMemberEvent('teamProgressed', result.teams);
    void get().load({ quiet: true });
    return result;
  },

  closeResult() {
    set({ result: null });
  },
}));
