import { create } from 'zustand';
import type { VerifyData, VoucherPeekData } from '@shared/contracts/redeem';
import { VOUCHER_CODE_RE, normalizeCode } from '@shared/domain/codes';
import { redeemService } from '@/services/redeem';
import { toLoadError, type LoadError } from './loadState';

/** Staff verification (核销): a code to confirm, then the outcome. */
export interface VerifyState {
  /** The canonical code waiting for the staff member's confirmation. */
  pendingCode: string | null;
  verifying: boolean;
  result: VerifyData | null;
  error: LoadError | null;
  /** The code the last outcome is about. */
  lastCode: string | null;
  /** What the pending code is (pack, member, status), looked up when it is proposed. */
  preview: VoucherPeekData | null;
  previewError: LoadError | null;
  /** Takes a typed or scanned code; false when it cannot be a voucher code. */
  propose(input: string): boolean;
  cancel(): void;
  confirm(): Promise<void>;
  reset(): void;
}

export const initialVerifyState = {
  pendingCode: null,
  verifying: false,
  result: null,
  error: null,
  lastCode: null,
  preview: null,
  previewError: null,
};

export const useVerifyStore = create<VerifyState>()((set, get) => ({
  ...initialVerifyState,

  propose(input) {
    const code = normalizeCode(input.trim());
    if (!VOUCHER_CODE_RE.test(code)) return false;
    set({ pendingCode: code, result: null, error: null, preview: null, previewError: null });
    void redeemService.peek(code).then(
      // A slow answer for a code the staff member has since replaced is dropped.
      (preview) => {
        if (get().pendingCode === code) set({ preview });
      },
      (err: unknown) => {
        if (get().pendingCode === code) set({ previewError: toLoadError(err) });
      },
    );
    return true;
  },

  cancel() {
    if (!get().verifying) set({ pendingCode: null, preview: null, previewError: null });
  },

  async confirm() {
    const { pendingCode, verifying } = get();
    if (!pendingCode || verifying) return;
    set({ verifying: true, error: null, result: null });
    try {
      const result = await redeemService.verify(pendingCode);
      set({ verifying: false, result, pendingCode: null, lastCode: pendingCode, preview: null, previewError: null });
    } catch (err) {
      set({ verifying: false, error: toLoadError(err), pendingCode: null, lastCode: pendingCode, preview: null, previewError: null });
    }
  },

  reset() {
    set(initialVerifyState);
  },
}));
