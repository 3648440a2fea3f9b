import { create } from 'zustand';
import type { CharityData, DonateData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { newRequestId } from '@/services/requestId';
import { publishMemberEvent } from './memberEvents';
import { toLoadError, type LoadError } from './loadState';
import { createResource, type Resource } from './toolkit/resource';

/** A gift that may or may not have reached the server: a retry reuses its requestId (given once). */
interface PendingDonation {
  projectId: string;
  points: number;
  requestId: string;
}

/** 公益同行: the projects (`data`, `status`, `error`, `load({ quiet })`) and the donation flow. */
export interface CharityState extends Resource<CharityData> {
  /** The project in the donate sheet. */
  donatingId: string | null;
  donating: boolean;
  pending: PendingDonation | null;
  donateError: LoadError | null;
  /** The gift just made, for the thank-you. */
  result: DonateData | null;
  openDonate(projectId: string): void;
  closeDonate(): void;
  /** Gives `points` to the project in the sheet once, however often it is tapped. */
  donate(points: number): Promise<DonateData | null>;
  closeResult(): void;
}

export const useCharityStore = create<CharityState>()((set, get) => ({
  ...createResource(() => memberService.charity())(set, get),
  donatingId: null,
  donating: false,
  pending: null,
  donateError: null,
  result: null,

  openDonate(projectId) {
    set({ donatingId: projectId, donateError: null, pending: get().pending?.projectId === projectId ? get().pending : null });
  },

  closeDonate() {
    if (get().donating) return;
    set({ donatingId: null, donateError: null, pending: null });
  },

  async donate(points) {
    const { donatingId, donating } = get();
    if (!donatingId || donating) return null;
    set({ donating: true, donateError: null });
    const reuse = get().pending;
    const pending =
      reuse && reuse.projectId === donatingId && reuse.points === points
        ? reuse
        : { projectId: donatingId, points, requestId: await newRequestId() };
    set({ pending });
    let result: DonateData;
    try {
      result = await memberService.donate(pending.projectId, pending.points, pending.requestId);
    } catch (err) {
      const error = toLoadError(err);
      // Only a network failure leaves the outcome unknown: keep its requestId for the retry.
      set({ donating: false, donateError: error, pending: error.code === 'NETWORK' ? pending : null });
      return null;
    }
    set({ donating: false, pending: null, donatingId: null, result });
    // The card's balance and the badge ceremony follow from the answer (memberEvents); the list its totals.
    publishMemberEvent('donated', result);
    void get().load({ quiet: true });
    return result;
  },

  closeResult() {
    set({ result: null });
  },
}));
