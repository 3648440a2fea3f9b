/**
 * What a back-office change will do, said exactly, before ops confirm it — the same words the
 * audit uses afterwards (`shared/domain/opsAudit.ts`): "林小满 的积分 150 → 200（+50），原因：…".
 */
import type { OpsVoucher } from '@shared/contracts/ops';
import { formatVoucherCode } from '@shared/domain/codes';
import { balanceChangeText, monthDayText, numberChange, staffStateText } from '@shared/domain/opsAudit';
import type { StaffState } from '@shared/domain/staffChange';

const because = (reason: string) => (reason.trim() ? `，原因：${reason.trim()}` : '');

export function adjustText(
  nickname: string,
  balance: { points: number; growth: number },
  delta: { points: number; growth: number },
  reason: string,
): string {
  const after = { points: balance.points + delta.points, growth: balance.growth + delta.growth };
  return `${nickname} 的${balanceChangeText(balance, after)}${because(reason)}`;
}

export function cancelText(nickname: string, voucher: OpsVoucher, points: number, reason: string): string {
  const what = `作废 ${nickname} 的「${voucher.packTitle}」（券码 ${formatVoucherCode(voucher.code)}）`;
  const refund =
    voucher.gift || voucher.cost === 0
      ? '，赠送的券不退积分'
      : `，退回 ${voucher.cost} 积分：${numberChange('积分', points, points + voucher.cost)}`;
  return `${what}${refund}${because(reason)}`;
}

export function birthdayText(nickname: string, before: string | null, after: string, reason: string): string {
  return `${nickname} 的生日 ${monthDayText(before)} → ${monthDayText(after)}${because(reason)}`;
}

export function staffText(name: string, before: StaffState | null, after: StaffState | null, reason: string): string {
  return `${name}：${staffStateText(before)} → ${staffStateText(after)}${because(reason)}`;
}

/** A whole number typed by ops ("-30", "+50", "12"), or null. */
export function parseDelta(text: string): number | null {
  const t = text.trim().replace(/^\+/, '');
  if (t === '' || !/^-?\d{1,7}$/.test(t)) return null;
  return Number(t);
}
