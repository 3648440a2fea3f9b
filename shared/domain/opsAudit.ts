import { STAFF_ROLES, type StaffRole } from '../content/ids';
import { birthdayText } from './birthday';
import { formatVoucherCode } from './codes';
import { isMonthDay } from './monthDay';
import { roleNames, type StaffState } from './staffChange';

/**
 * The ops audit (`ops_audit` `{who, action, target, before, after, reason, at}`): what each
 * audited action stores as `before` / `after`, and how the back office says it in Chinese — the
 * same words in the confirmation before the change and in the audit line after it.
 *
 * Stored values, by action:
 * - `ops.adjust`: `{points, growth}` → `{points, growth}` (the member's balance);
 * - `redeem.cancel`: `{voucherCode, packTitle, status, points}` → `{status, points, stockRestored}`;
 * - `ops.setBirthday`: `MM-DD | null` → `MM-DD`;
 * - `ops.setStaff`: `StaffState | null` → `StaffState | null` (null: not staff);
 * - `ops.export`: `null` → `{from, to, rows}` (no member: `target` is null).
 * Account deletion clears `before` / `after` of entries about the deleted member (`target`
 * anonymised) and anonymises `who` of the entries a deleted staff member made.
 */
export const OPS_AUDIT_ACTIONS = {
  'ops.adjust': '调整积分/成长值',
  'redeem.cancel': '作废券',
  'ops.setBirthday': '修改生日',
  'ops.setStaff': '员工权限',
  'ops.export': '导出看板数据',
} as const;

export type OpsAuditAction = keyof typeof OPS_AUDIT_ACTIONS;

export function auditActionName(action: string): string {
  return Object.prototype.hasOwnProperty.call(OPS_AUDIT_ACTIONS, action) ? OPS_AUDIT_ACTIONS[action as OpsAuditAction] : '其他操作';
}

/** `+50` / `-20` / `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** "积分 150 → 200（+50）". */
export function numberChange(label: string, from: number, to: number): string {
  return `${label} ${from} → ${to}（${signed(to - from)}）`;
}

/** `MM-DD` as "3月8日"; null (or anything else) as 未设置. */
export function monthDayText(value: string | null): string {
  return isMonthDay(value) ? birthdayText(value) : '未设置';
}

/** "运营、核销员（在职，门店 sh-01）", or 不是员工. */
export function staffStateText(state: StaffState | null): string {
  if (state === null) return '不是员工';
  const roles = roleNames(state.roles).join('、') || '无角色';
  const status = state.active ? '在职' : '已停用';
  return `${roles}（${status}${state.storeId ? `，门店 ${state.storeId}` : ''}）`;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A stored staff state read back (null when absent or not one). */
export function readStaffState(value: unknown): StaffState | null {
  const o = record(value);
  if (!o || !Array.isArray(o.roles) || typeof o.active !== 'boolean') return null;
  return {
    roles: STAFF_ROLES.filter((r: StaffRole) => (o.roles as unknown[]).includes(r)),
    active: o.active,
    storeId: text(o.storeId),
  };
}

/** The change an ops adjustment makes, as the confirmation and the audit say it. */
export function balanceChangeText(before: { points: number; growth: number }, after: { points: number; growth: number }): string {
  const parts: string[] = [];
  if (after.points !== before.points) parts.push(numberChange('积分', before.points, after.points));
  if (after.growth !== before.growth) parts.push(numberChange('成长值', before.growth, after.growth));
  return parts.join('，') || '余额不变';
}

/**
 * One audit entry in Chinese (never throws: the values are read from the database as they are).
 * An entry whose values were cleared by the member's account deletion says so.
 */
export function auditSummary(action: string, before: unknown, after: unknown): string {
  switch (action) {
    case 'ops.adjust': {
      const b = record(before);
      const a = record(after);
      if (!b || !a) return '会员已注销，变更内容已清除';
      const bp = num(b.points) ?? 0;
      const bg = num(b.growth) ?? 0;
      return balanceChangeText({ points: bp, growth: bg }, { points: num(a.points) ?? bp, growth: num(a.growth) ?? bg });
    }
    case 'redeem.cancel': {
      const b = record(before);
      const a = record(after);
      if (!b || !a) return '会员已注销，变更内容已清除';
      const code = text(b.voucherCode);
      const title = text(b.packTitle) ?? '券';
      const points =
        num(b.points) !== null && num(a.points) !== null ? `，${numberChange('积分', num(b.points) ?? 0, num(a.points) ?? 0)}` : '';
      const stock = a.stockRestored === true ? '，库存 +1' : '';
      return `作废「${title}」${code ? `（券码 ${formatVoucherCode(code)}）` : ''}${points}${stock}`;
    }
    case 'ops.setBirthday':
      if (before === null && after === null) return '会员已注销，变更内容已清除';
      return `生日 ${monthDayText(text(before))} → ${monthDayText(text(after))}`;
    case 'ops.setStaff': {
      if (before === null && after === null) return '员工已注销，变更内容已清除';
      return `${staffStateText(readStaffState(before))} → ${staffStateText(readStaffState(after))}`;
    }
    case 'ops.export': {
      const a = record(after);
      if (!a) return '导出看板数据';
      const rows = num(a.rows);
      return `导出 ${text(a.from) ?? '?'} 至 ${text(a.to) ?? '?'} 的看板数据${rows !== null ? `（${rows} 行）` : ''}`;
    }
    default:
      return auditActionName(action);
  }
}
