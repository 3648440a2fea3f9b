/** The `ops` cloud function (and `redeem.cancel`) as the dashboard and the back office use them (staff with role ops only; others get FORBIDDEN). */
import type { StaffRole } from '@shared/content/ids';
import { callFunction } from '@/services/cloud/callFunction';

export const opsService = {
  stats: (from: string, to: string) => callFunction('ops', 'stats', { from, to }),
  validate: () => callFunction('ops', 'validate', {}),
  export: (from: string, to: string) => callFunction('ops', 'export', { from, to }),
  members: (query: string) => callFunction('ops', 'members', { query }),
  member: (openid: string) => callFunction('ops', 'member', { openid }),
  ledger: (openid: string, cursor: string | null) => callFunction('ops', 'ledger', { openid, ...(cursor ? { cursor } : {}) }),
  vouchers: (openid: string, cursor: string | null) => callFunction('ops', 'vouchers', { openid, ...(cursor ? { cursor } : {}) }),
  audit: (filter: { target?: string; who?: string }, cursor: string | null, limit?: number) =>
    callFunction('ops', 'audit', { ...filter, ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) }),
  staff: () => callFunction('ops', 'staff', {}),
  setStaff: (input: { openid: string; roles: StaffRole[]; active: boolean; storeId: string | null; reason: string }) =>
    callFunction('ops', 'setStaff', input),
  adjust: (input: { openid: string; points: number; growth: number; reason: string; requestId: string }) =>
    callFunction('ops', 'adjust', input),
  setBirthday: (input: { openid: string; birthday: string; reason: string }) => callFunction('ops', 'setBirthday', input),
  cancelVoucher: (redemptionId: string, reason: string) => callFunction('redeem', 'cancel', { redemptionId, reason }),
};
