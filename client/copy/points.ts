/** The words for points the balance does not show: pending purchase points, a refund debt, points about to expire. */
import type { PointsOutlook, PurchaseRule } from '@shared/contracts/member';
import { lastDayOfLot } from '@shared/domain/pointLots';
import { formatDayString, formatNumber } from '@/utils/format';

/** `86 积分待到账 · 12月7日起可用` ('' with nothing pending). */
export function pendingText(outlook: PointsOutlook): string {
  if (outlook.pending <= 0) return '';
  const when = outlook.pendingReleaseOn ? ` · ${formatDayString(outlook.pendingReleaseOn)}起可用` : '';
  return `${formatNumber(outlook.pending)} 积分待到账${when}`;
}

/** `118 积分将于 11月30日过期` ('' when nothing expires within 30 days). */
export function expiringText(outlook: PointsOutlook): string {
  if (!outlook.expiring || outlook.expiring.points <= 0) return '';
  return `${formatNumber(outlook.expiring.points)} 积分将于 ${formatDayString(outlook.expiring.lastDay)}过期`;
}

/** `退款待抵扣 300 积分，将从之后获得的积分中扣除` ('' without a debt). */
export function debtText(outlook: PointsOutlook): string {
  if (outlook.debt <= 0) return '';
  return `退款待抵扣 ${formatNumber(outlook.debt)} 积分，将从之后获得的积分中扣除`;
}

const EXAMPLE_MONTH = '2026-01';

function fullDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The rules page's one sentence on expiry, with a worked example. */
export function expiryRuleText(months: number | null): string {
  if (months === null) return '积分长期有效，不会过期。';
  const example = fullDay(lastDayOfLot(EXAMPLE_MONTH, months));
  return `每笔积分在获得当月之后第 ${months} 个月的月底过期（例如 2026年1月获得的积分，${example} 24 点后过期），使用时先扣最早获得的积分，即将过期的积分提前 30 天在首页提醒。`;
}

/** The rules page's sentence on purchases: `实付每 1 元得 1 积分、1 成长值；成长值即时计入，积分在付款 7 天后到账。` */
export function purchaseRuleText(rule: PurchaseRule): string {
  const earns = [rule.pointsPerYuan ? `${rule.pointsPerYuan} 积分` : '', rule.growthPerYuan ? `${rule.growthPerYuan} 成长值` : '']
    .filter(Boolean)
    .join('、');
  if (!earns) return '门店与商城消费暂不累计积分。';
  const hold = rule.holdDays > 0 ? `积分在付款当天之后第 ${rule.holdDays} 天结束时到账（退款期内显示为待到账，不能使用）` : '积分即时到账';
  const growth = rule.growthPerYuan ? '成长值即时计入，' : '';
  return `在品牌门店或商城消费时出示会员码，实付每 1 元得 ${earns}；${growth}${hold}。退款会按退款金额扣回对应的积分和成长值，积分已用掉的部分从之后获得的积分中抵扣。`;
}
